package org.pcop.rules.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.PointsRule;

/**
 * Each member's points under one points rule as of one instant, kept as exact fixed-point sums
 * (billionths of a point, rounded once per day and participation) so that a new participation
 * changes them by subtracting its cap period's old contribution and adding the new one: the cost
 * of one event is one cap period of the member's log, whatever the length of the history, and
 * the result is the same as folding the whole log again. Holds no reference to the record. Not
 * thread-safe.
 */
final class PointsAggregates {
  private static final double NANO = 1e9;
  private static final int NO_PERIOD = Integer.MIN_VALUE;

  private final PointsRule rule;
  private final Instant asOf;
  private final CommunityId community;
  private final int today;
  private final int[] pointsPerKind = new int[ParticipationKind.values().length];
  private final long cap;
  private final CalendarPeriod period;
  private final double halfLife;
  private double[] weights = new double[0];
  private final Map<CoreAreaId, Integer> areaNumbers = new HashMap<>();
  private final List<CoreAreaId> areas = new ArrayList<>();
  private int[][] areasOfActivity = new int[0][];
  /** Cap-period start by day, for days from {@code today - periodDays.length + 1}. */
  private int[] periodDays = new int[0];
  private final Map<MemberId, State> members = new HashMap<>();

  /** One member's sums. */
  private static final class State {
    long version;
    long nano;
    long participations;
    long capped;
    long[] areaNano = new long[0];
    int[] areaCount = new int[0];
    /** The tally last read, while the version is {@link #tallied}. */
    PointsKind.Tally tally;
    long tallied;
  }

  PointsAggregates(PointsRule rule, EvaluationContext context) {
    this.rule = rule;
    this.asOf = context.asOf();
    this.community = rule.getCommunity();
    this.today = (int) context.day(community).orElseThrow().toEpochDay();
    rule.getPointsPerKind().forEach((kind, points) -> pointsPerKind[kind.ordinal()] = points);
    this.cap = rule.getCapPerPeriod().map(Integer::longValue).orElse(Long.MAX_VALUE);
    this.period = rule.getCapPeriod();
    this.halfLife = rule.getHalfLifeDays().map(Integer::doubleValue).orElse(0.0);
  }

  /** The instant these sums are as of. */
  Instant asOf() {
    return asOf;
  }

  boolean serves(PointsRule rule, Instant asOf) {
    return (this.rule == rule || this.rule.equals(rule)) && this.asOf.equals(asOf);
  }

  /**
   * The member's tally.
   *
   * @param member the member
   * @param record the record these sums follow
   * @return the tally
   */
  PointsKind.Tally tally(MemberId member, EngagementRecord record) {
    State state = state(member, record);
    if (state.tally != null && state.tallied == state.version) {
      return state.tally;
    }
    Map<CoreAreaId, Double> byArea = new TreeMap<>();
    for (int a = 0; a < state.areaCount.length; a++) {
      if (state.areaCount[a] > 0) {
        byArea.put(areas.get(a), state.areaNano[a] / NANO);
      }
    }
    state.tally = new PointsKind.Tally(state.nano / NANO,
        java.util.Collections.unmodifiableMap(byArea), state.participations, state.capped);
    state.tallied = state.version;
    return state.tally;
  }

  private State state(MemberId member, EngagementRecord record) {
    ParticipationLog log = RecordAccess.state(record).log(member, community);
    long version = log == null ? 0 : log.version();
    State state = members.get(member);
    if (state != null && state.version == version) {
      return state;
    }
    if (state != null && state.version == version - 1) {
      int added = log.lastPosition();
      int day = log.day(added);
      if (day <= today) {
        int start = periodStart(day);
        int from = added;
        while (from > 0 && periodStart(log.day(from - 1)) == start) {
          from--;
        }
        int to = added + 1;
        while (to < log.size() && log.day(to) <= today && periodStart(log.day(to)) == start) {
          to++;
        }
        addPeriod(state, log, from, to, added, -1, record);
        addPeriod(state, log, from, to, -1, 1, record);
      }
      state.version = version;
      return state;
    }
    state = new State();
    if (log != null) {
      int end = log.endOnOrBefore(today);
      int from = 0;
      while (from < end) {
        int start = periodStart(log.day(from));
        int to = from + 1;
        while (to < end && (log.day(to) == log.day(to - 1)
            || periodStart(log.day(to)) == start)) {
          to++;
        }
        addPeriod(state, log, from, to, -1, 1, record);
        from = to;
      }
    }
    state.version = version;
    members.put(member, state);
    return state;
  }

  /**
   * Adds ({@code sign} 1) or takes away (-1) the contribution of the participations at positions
   * {@code from} to {@code to} (one cap period, days up to today), leaving out {@code skip}.
   */
  private void addPeriod(State state, ParticipationLog log, int from, int to, int skip,
      int sign, EngagementRecord record) {
    long left = cap;
    int i = from;
    while (i < to) {
      int day = log.day(i);
      int j = i;
      long raw = 0;
      int count = 0;
      while (j < to && log.day(j) == day) {
        if (j != skip) {
          raw += pointsPerKind[log.kindOrdinal(j)];
          count++;
        }
        j++;
      }
      state.participations += sign * (long) count;
      long admitted = Math.min(raw, left);
      left -= admitted;
      state.capped += sign * (raw - admitted);
      if (admitted > 0) {
        double points = admitted * weight(today - day);
        state.nano += sign * Math.round(points * NANO);
        double share = points / raw;
        for (int k = i; k < j; k++) {
          int each = pointsPerKind[log.kindOrdinal(k)];
          if (k == skip || each == 0) {
            continue;
          }
          for (int area : areasOf(log.activity(k), record)) {
            if (state.areaCount.length <= area) {
              state.areaCount = Arrays.copyOf(state.areaCount, areas.size());
              state.areaNano = Arrays.copyOf(state.areaNano, areas.size());
            }
            state.areaNano[area] += sign * Math.round(each * share * NANO);
            state.areaCount[area] += sign;
          }
        }
      }
      i = j;
    }
  }

  private double weight(int age) {
    if (halfLife == 0) {
      return 1.0;
    }
    if (age >= weights.length) {
      int from = weights.length;
      weights = Arrays.copyOf(weights, Math.max(age + 1, weights.length * 2));
      for (int a = from; a < weights.length; a++) {
        weights[a] = Math.pow(0.5, (double) a / halfLife);
      }
    }
    return weights[age];
  }

  private int periodStart(int day) {
    int age = today - day;
    if (age < 0 || age >= 1 << 16) {
      return (int) period.start(LocalDate.ofEpochDay(day)).toEpochDay();
    }
    if (age >= periodDays.length) {
      int from = periodDays.length;
      periodDays = Arrays.copyOf(periodDays, Math.max(age + 1, from * 2));
      Arrays.fill(periodDays, from, periodDays.length, NO_PERIOD);
    }
    if (periodDays[age] == NO_PERIOD) {
      periodDays[age] = (int) period.start(LocalDate.ofEpochDay(day)).toEpochDay();
    }
    return periodDays[age];
  }

  private int[] areasOf(int activity, EngagementRecord record) {
    if (activity >= areasOfActivity.length) {
      areasOfActivity = Arrays.copyOf(areasOfActivity,
          Math.max(activity + 1, areasOfActivity.length * 2));
    }
    int[] found = areasOfActivity[activity];
    if (found == null) {
      found = RecordAccess.state(record).activities().at(activity).getCoreAreas().stream()
          .mapToInt(area -> areaNumbers.computeIfAbsent(area, a -> {
            areas.add(a);
            return areas.size() - 1;
          })).toArray();
      areasOfActivity[activity] = found;
    }
    return found;
  }
}
