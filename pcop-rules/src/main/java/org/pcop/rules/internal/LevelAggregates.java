package org.pcop.rules.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcop.model.ActivityId;
import org.pcop.model.CommunityId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.MeasureKind;
import org.pcop.rules.definition.Window;

/**
 * The measures of one engagement-level rule as of one instant that read participations, kept per
 * member as running aggregates (counters and int sets of activities, days, sites and agencies
 * inside each window) built once from the member's log and then maintained by adding each new
 * participation: after one event the cost is one fold, whatever the length of the history. Tenure
 * and conduct flags are read from the record each time. The instant is fixed, so nothing leaves a
 * window; another instant gets its own aggregates.
 *
 * <p>A member's aggregates are trusted only while they saw exactly the log's participations (by
 * its version) and the record's links from activities to exchanges; otherwise they are rebuilt
 * from the log. Holds no reference to the record. Not thread-safe.
 */
final class LevelAggregates {
  private static final int REGISTERED = ParticipationKind.REGISTERED.ordinal();

  private final EngagementLevelRule rule;
  private final Instant asOf;
  private final CommunityId community;
  private final int today;
  private final int minFirst;
  /**
   * Per level then requirement: the spec it folds into, -1 when read from the record, or
   * {@code -2 - n} for the {@code n}-th read of {@link #contributions}.
   */
  private final int[][] specOf;
  private final ContributionAggregates contributions;
  /** Per spec: the kind and series of activity it counts, null for any. */
  private final ActivityKind[] activityKinds;
  private final String[] series;
  private final MeasureKind[] kinds;
  private final int[] firstDays;
  private final int[] masks;
  private final Measure[] measures;
  private final Instant[] heldFrom;
  private final Instant[] heldTo;
  private final int[] heldSeen;
  private final int[] heldSize;
  private final int[][] counted;
  private final int[] firstCountedDay;
  private final Map<MemberId, State> members = new HashMap<>();
  private long linkVersion;
  final String[][] factNames;
  final String[][] described;
  final String thresholds;
  final String window;
  /** Per level then requirement: whether the requirement counts over a window. */
  final boolean[][] windowed;
  /** All of the above, as every member's explanation reads them. */
  final EngagementLevelKind.Texts texts;

  /** One member's aggregates: a counter or a set per spec. */
  private static final class State {
    long version;
    final long[] counts;
    final IntSet[] sets;

    State(MeasureKind[] kinds) {
      counts = new long[kinds.length];
      sets = new IntSet[kinds.length];
      for (int i = 0; i < kinds.length; i++) {
        if (kinds[i] != MeasureKind.PARTICIPATIONS) {
          sets[i] = new IntSet(kinds[i] == MeasureKind.ATTENDANCE_RATIO);
        }
      }
    }
  }

  /** What makes two requirements fold the same way; thresholds do not. */
  private record SpecKey(MeasureKind kind, Set<ParticipationKind> kinds, Window window,
      Optional<ActivityKind> activityKind, Optional<String> series, Optional<Integer> cap) {}

  LevelAggregates(EngagementLevelRule rule, EvaluationContext context) {
    this.rule = rule;
    this.asOf = context.asOf();
    this.community = rule.getCommunity();
    ZoneId zone = context.zone(community).orElseThrow();
    LocalDate day = context.day(community).orElseThrow();
    this.today = (int) day.toEpochDay();
    this.contributions = new ContributionAggregates(community, day);
    Map<SpecKey, Integer> specs = new HashMap<>();
    List<MeasureKind> kinds = new ArrayList<>();
    List<Integer> firstDays = new ArrayList<>();
    List<Integer> masks = new ArrayList<>();
    List<Measure> measures = new ArrayList<>();
    List<Level> levels = rule.getLevels();
    specOf = new int[levels.size()][];
    windowed = new boolean[levels.size()][];
    factNames = new String[levels.size()][];
    described = new String[levels.size()][];
    StringBuilder text = new StringBuilder();
    int first = today;
    for (int i = 0; i < levels.size(); i++) {
      List<Measure> requirements = levels.get(i).getRequirements();
      specOf[i] = new int[requirements.size()];
      windowed[i] = new boolean[requirements.size()];
      factNames[i] = new String[requirements.size()];
      described[i] = new String[requirements.size()];
      for (int j = 0; j < requirements.size(); j++) {
        Measure measure = requirements.get(j);
        windowed[i][j] = measure.isWindowed();
        String described = measure.describe();
        this.described[i][j] = described;
        factNames[i][j] = levels.get(i).getName() + ": " + described + " over "
            + (measure.getWindow().isAllTime() ? "all time"
                : measure.getWindow().getDays().get() + " days");
        text.append(text.length() == 0 ? "" : "; ").append(levels.get(i).getName())
            .append(": ").append(described);
        if (measure.isContribution()) {
          specOf[i][j] = -2 - contributions.add(measure);
          continue;
        }
        if (measure.getKind() == MeasureKind.TENURE_DAYS
            || measure.getKind() == MeasureKind.NO_UPHELD_CONDUCT_FLAG
            || measure.getKind() == MeasureKind.UPHELD_CONDUCT_FLAGS
            || measure.getKind() == MeasureKind.NOT_SUSPENDED) {
          // Read from the record's membership and flags, each a look-up.
          specOf[i][j] = -1;
          continue;
        }
        SpecKey key = new SpecKey(measure.getKind(), measure.getParticipationKinds(),
            measure.getWindow(), measure.getActivityKind(), measure.getSeries(),
            measure.getCap());
        Integer known = specs.get(key);
        if (known == null) {
          known = kinds.size();
          specs.put(key, known);
          kinds.add(measure.getKind());
          LocalDate from = measure.getWindow().firstDay(day);
          int fromDay = from.equals(LocalDate.MIN) ? Integer.MIN_VALUE
              : (int) Math.max(Integer.MIN_VALUE + 1L, from.toEpochDay());
          firstDays.add(fromDay);
          first = Math.min(first, fromDay);
          int mask = 0;
          for (ParticipationKind kind : measure.getParticipationKinds()) {
            mask |= 1 << kind.ordinal();
          }
          masks.add(mask);
          measures.add(measure);
        }
        specOf[i][j] = known;
      }
    }
    this.minFirst = first;
    this.kinds = kinds.toArray(new MeasureKind[0]);
    this.firstDays = firstDays.stream().mapToInt(Integer::intValue).toArray();
    this.masks = masks.stream().mapToInt(Integer::intValue).toArray();
    this.measures = measures.toArray(new Measure[0]);
    int n = kinds.size();
    activityKinds = new ActivityKind[n];
    series = new String[n];
    for (int s = 0; s < n; s++) {
      activityKinds[s] = this.measures[s].getActivityKind().orElse(null);
      series[s] = this.measures[s].getSeries().orElse(null);
    }
    heldFrom = new Instant[n];
    heldTo = new Instant[n];
    heldSeen = new int[n];
    heldSize = new int[n];
    counted = new int[n][];
    firstCountedDay = new int[n];
    for (int s = 0; s < n; s++) {
      heldFrom[s] = this.firstDays[s] == Integer.MIN_VALUE ? Instant.MIN
          : LocalDate.ofEpochDay(this.firstDays[s]).atStartOfDay(zone).toInstant();
      heldTo[s] = day.plusDays(1).atStartOfDay(zone).toInstant();
      heldSeen[s] = -1;
    }
    StringBuilder policies = new StringBuilder();
    for (Level level : levels) {
      List<String> own = new ArrayList<>();
      if (level.isNeverDemoted()) {
        own.add("never demoted");
      }
      level.getDemotionFraction().ifPresent(f -> own.add("demotion below "
          + Math.round(f * 100) + "%"));
      level.getGraceDays().ifPresent(d -> own.add("grace " + d + " days"));
      if (!own.isEmpty()) {
        policies.append("; ").append(level.getName()).append(": ")
            .append(String.join(", ", own));
      }
    }
    this.thresholds = text + "; demotion below " + Math.round(rule.getDemotionFraction() * 100)
        + "% of a windowed threshold, not within " + rule.getGraceDays() + " days of a change"
        + policies + (rule.isCumulative() ? "; levels are cumulative" : "");
    this.window = "evaluated on " + day + " (" + zone + ")";
    this.texts = new EngagementLevelKind.Texts(factNames, described, thresholds, window,
        windowed);
  }

  /**
   * Whether these aggregates serve {@code rule} as of {@code asOf}.
   *
   * @param rule the rule
   * @param asOf the instant
   * @return true when they do
   */
  boolean serves(EngagementLevelRule rule, Instant asOf) {
    return serves(rule) && this.asOf.equals(asOf);
  }

  /**
   * The instant these aggregates are as of.
   *
   * @return the instant
   */
  Instant asOf() {
    return asOf;
  }

  /**
   * Whether these aggregates serve {@code rule}, as of some instant.
   *
   * @param rule the rule
   * @return true when they do
   */
  boolean serves(EngagementLevelRule rule) {
    return this.rule == rule || this.rule.equals(rule);
  }

  /**
   * The measured values of every requirement of every level for a member, by level then
   * requirement. The member's aggregates are found once for all of them, and tenure and conduct
   * flags, which read the same whatever their thresholds, are measured once each.
   *
   * @param member the member
   * @param context the context, over the record these aggregates follow
   * @return the values
   */
  Measures.Value[][] values(MemberId member, EvaluationContext context) {
    List<Level> levels = rule.getLevels();
    Measures.Value[][] values = new Measures.Value[levels.size()][];
    EngagementRecord record = context.record();
    State state = null;
    Measures.Value tenure = null;
    Measures.Value flags = null;
    for (int i = 0; i < values.length; i++) {
      List<Measure> requirements = levels.get(i).getRequirements();
      values[i] = new Measures.Value[requirements.size()];
      for (int j = 0; j < values[i].length; j++) {
        MeasureKind kind = requirements.get(j).getKind();
        if (kind == MeasureKind.TENURE_DAYS && tenure != null) {
          values[i][j] = tenure;
          continue;
        }
        if (kind == MeasureKind.NO_UPHELD_CONDUCT_FLAG && flags != null) {
          values[i][j] = flags;
          continue;
        }
        int s = specOf[i][j];
        Measures.Value value;
        if (s < -1) {
          value = contributions.value(-2 - s, member, record);
        } else if (s < 0) {
          value = Measures.measure(requirements.get(j), member, community, context);
        } else {
          if (state == null) {
            state = state(member, record);
          }
          value = value(s, state, member, record);
        }
        if (kind == MeasureKind.TENURE_DAYS) {
          tenure = value;
        } else if (kind == MeasureKind.NO_UPHELD_CONDUCT_FLAG) {
          flags = value;
        }
        values[i][j] = value;
      }
    }
    return values;
  }

  private Measures.Value value(int s, State state, MemberId member, EngagementRecord record) {
    switch (kinds[s]) {
      case PARTICIPATIONS: {
        long n = state.counts[s];
        return Measures.Value.count(n);
      }
      case DISTINCT_AGENCIES: {
        Optional<Member> found = record.member(member);
        if (found.isEmpty()) {
          return Measures.Value.missing("member " + member + " is not enrolled, so their own"
              + " agency is unknown");
        }
        int own = RecordAccess.state(record).activities().agencyNumber(found.get().getAgency());
        int n = state.sets[s].size() - (state.sets[s].contains(own) ? 1 : 0);
        return Measures.Value.count(n);
      }
      case ATTENDANCE_RATIO:
        return attendance(s, state, record);
      default: {
        int n = state.sets[s].size();
        return Measures.Value.count(n);
      }
    }
  }

  private Measures.Value attendance(int s, State state, EngagementRecord record) {
    RecordTables access = RecordAccess.state(record);
    if (heldSeen[s] != access.activities().size()) {
      Measure measure = measures[s];
      List<Activity> held = access.activities().starting(community, activityKinds[s],
          series[s], heldFrom[s], heldTo[s]);
      int cap = measure.getCap().orElse(Integer.MAX_VALUE);
      List<Activity> chosen = held.size() > cap ? held.subList(held.size() - cap, held.size())
          : held;
      counted[s] = new int[chosen.size()];
      for (int i = 0; i < chosen.size(); i++) {
        ActivityId id = chosen.get(i).getId();
        counted[s][i] = access.activities().indexOf(id);
      }
      heldSize[s] = held.size();
      firstCountedDay[s] = chosen.isEmpty() ? 0 : (int) LocalDate.ofInstant(
          chosen.get(0).getStartsAt(), record.community(community).orElseThrow().getTimeZone())
          .toEpochDay() - 1;
      heldSeen[s] = access.activities().size();
    }
    int[] chosen = counted[s];
    if (chosen.length == 0) {
      return Measures.NONE_HELD;
    }
    int n = 0;
    for (int activity : chosen) {
      if (state.sets[s].value(activity, Integer.MIN_VALUE) >= firstCountedDay[s]) {
        n++;
      }
    }
    int cap = measures[s].getCap().orElse(Integer.MAX_VALUE);
    return Measures.Value.of((double) n / chosen.length, new Measures.Attendance(n,
        chosen.length, heldSize[s], cap));
  }

  private State state(MemberId member, EngagementRecord record) {
    RecordTables access = RecordAccess.state(record);
    long link = access.activities().linkVersion();
    if (link != linkVersion) {
      members.clear();
      linkVersion = link;
    }
    ParticipationLog log = access.log(member, community);
    long version = log == null ? 0 : log.version();
    State state = members.get(member);
    if (state != null && state.version == version) {
      return state;
    }
    if (state != null && state.version == version - 1) {
      fold(state, log, log.lastPosition(), record, access);
      state.version = version;
      return state;
    }
    state = new State(kinds);
    if (log != null) {
      int end = log.endOnOrBefore(today);
      for (int i = log.firstOnOrAfter(minFirst); i < end; i++) {
        fold(state, log, i, record, access);
      }
    }
    state.version = version;
    members.put(member, state);
    return state;
  }

  private void fold(State state, ParticipationLog log, int i, EngagementRecord record,
      RecordTables access) {
    int day = log.day(i);
    if (day > today) {
      return;
    }
    int activity = log.activity(i);
    int kind = log.kindOrdinal(i);
    Activity recorded = null;
    for (int s = 0; s < kinds.length; s++) {
      if (day < firstDays[s]) {
        continue;
      }
      if (activityKinds[s] != null || series[s] != null) {
        // Narrowed to a kind or series of activity (a ratio always is, to what it counts).
        if (recorded == null) {
          recorded = access.activities().at(activity);
        }
        if (!ActivityTable.in(recorded, activityKinds[s], series[s])) {
          continue;
        }
      }
      int mask = masks[s];
      switch (kinds[s]) {
        case PARTICIPATIONS:
          if (mask == 0 || (mask & 1 << kind) != 0) {
            state.counts[s]++;
          }
          break;
        case DISTINCT_ACTIVITIES:
          if (mask == 0 || (mask & 1 << kind) != 0) {
            state.sets[s].add(activity);
          }
          break;
        case DISTINCT_SITES: {
          int site = access.activities().hostSite(activity);
          if (site >= 0) {
            state.sets[s].add(site);
          }
          break;
        }
        case DISTINCT_AGENCIES:
          for (int agency : access.activities().exchangeAgencies(activity)) {
            state.sets[s].add(agency);
          }
          break;
        case DISTINCT_DAYS:
          state.sets[s].add(day);
          break;
        case ATTENDANCE_RATIO:
          if (kind != REGISTERED) {
            Activity held = access.activities().at(activity);
            if (!held.getStartsAt().isBefore(heldFrom[s])
                && held.getStartsAt().isBefore(heldTo[s])) {
              state.sets[s].add(activity, day);
            }
          }
          break;
        default:
          break;
      }
    }
  }
}
