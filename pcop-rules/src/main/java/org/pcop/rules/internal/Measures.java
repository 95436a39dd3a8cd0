package org.pcop.rules.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import org.pcop.model.ActivityId;
import org.pcop.model.AgencyId;
import org.pcop.model.CommunityId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.ParticipationDay;
import org.pcop.rules.definition.ContributionKind;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.MeasureKind;

/**
 * Computes a measure of one member's record in one community directly from its definition:
 * tenure and conduct flags from the record, the rest by reading the member's participation days
 * in the window. The engagement-level kind reads windowed measures from {@link LevelAggregates}
 * instead, which the tests hold to this definition.
 */
final class Measures {
  private Measures() {}

  /**
   * A measured value: the number, how it reads, and why it could not be measured. The reading is
   * kept as given (a number, or an object whose {@code toString} writes it) and written only when
   * read, since most readings are never shown; values are equal when they read the same.
   */
  record Value(double number, Object shown, Optional<String> missing) {
    static Value of(double number, Object shown) {
      return new Value(number, shown, Optional.empty());
    }

    /** Counts up to this are shared values: most members count little. */
    private static final Value[] COUNTS = new Value[256];

    static {
      for (int n = 0; n < COUNTS.length; n++) {
        COUNTS[n] = of(n, (long) n);
      }
    }

    /** A count, which reads as its number. */
    static Value count(long n) {
      return n >= 0 && n < COUNTS.length ? COUNTS[(int) n] : of(n, n);
    }

    static Value missing(String why) {
      return new Value(0, "unknown", Optional.of(why));
    }

    /** How the value reads, for example {@code 7} or {@code 3 of 20}. */
    String reading() {
      return String.valueOf(shown);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Value
          && Double.compare(number, ((Value) other).number) == 0
          && reading().equals(((Value) other).reading())
          && missing.equals(((Value) other).missing);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(number, reading(), missing);
    }

    @Override
    public String toString() {
      return "Value[number=" + number + ", reading=" + reading() + ", missing=" + missing + "]";
    }
  }

  /** An attendance ratio's reading: {@code 3 of 20}, with how many were held beyond a cap. */
  record Attendance(int attended, int counted, int held, int cap) {
    @Override
    public String toString() {
      return attended + " of " + counted
          + (held > cap ? " most recent (of " + held + " held)" : "");
    }
  }

  /**
   * A contribution share's reading: {@code 3 of 4 required (of 14 requests posted)}; {@code of}
   * is the kind of opportunity ({@link OpportunityCounts#of}).
   */
  record Share(long contributions, long required, int opportunities, ContributionKind of) {
    @Override
    public String toString() {
      return contributions + " of " + required + " required (of " + opportunities + " "
          + of.opportunities() + ")";
    }
  }

  /** A tenure's reading: {@code 400 days (active since 2025-05-01)}. */
  record Tenure(long days, Optional<LocalDate> since) {
    @Override
    public String toString() {
      return days + " days" + since.map(s -> " (active since " + s + ")")
          .orElse(" (never active)");
    }
  }

  static final Value UPHELD = Value.of(0, "an upheld flag");
  static final Value NONE_UPHELD = Value.of(1, "none upheld");
  static final Value NOT_SUSPENDED = Value.of(1, "not suspended");
  static final Value NONE_HELD = Value.of(1, "none held, so none missed");

  static Value measure(Measure measure, MemberId member, CommunityId community,
      EvaluationContext context) {
    EngagementRecord record = context.record();
    ZoneId zone = context.zone(community).orElseThrow();
    LocalDate today = context.day(community).orElseThrow();
    if (measure.getKind() == MeasureKind.TENURE_DAYS) {
      Optional<LocalDate> since = record.membership(member, community)
          .flatMap(m -> m.activeSince()).map(at -> LocalDate.ofInstant(at, zone));
      long tenure = since.map(s -> Math.max(0, ChronoUnit.DAYS.between(s, today))).orElse(0L);
      return Value.of(tenure, new Tenure(tenure, since));
    }
    if (measure.getKind() == MeasureKind.NOT_SUSPENDED) {
      Optional<org.pcop.model.Membership> m = record.membership(member, community);
      if (m.isPresent() && m.get().isSuspendedOn(today)) {
        org.pcop.model.StatusChange last = m.get().getHistory().get(
            m.get().getHistory().size() - 1);
        return Value.of(0, "suspended until " + last.getUntil().map(Object::toString)
            .orElse("reinstated") + last.getReason().map(r -> " (" + r + ")").orElse(""));
      }
      return NOT_SUSPENDED;
    }
    if (measure.getKind() == MeasureKind.NO_UPHELD_CONDUCT_FLAG) {
      boolean upheld = record.hasUpheldConductFlag(member);
      return upheld ? UPHELD : NONE_UPHELD;
    }
    LocalDate first = measure.getWindow().firstDay(today);
    if (measure.isContribution()) {
      return ContributionMeasures.value(measure, member, community, record, zone, first, today);
    }
    if (measure.getKind() == MeasureKind.UPHELD_CONDUCT_FLAGS) {
      Instant from = first.equals(LocalDate.MIN) ? Instant.MIN
          : first.atStartOfDay(zone).toInstant();
      Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
      return Value.count(RecordAccess.state(record).upheldFlags(member, from, to));
    }
    NavigableMap<LocalDate, ParticipationDay> days =
        record.participationDays(member, community).subMap(first, true, today, true);
    Set<ParticipationKind> kinds = measure.getParticipationKinds();
    if (measure.filtersActivities()) {
      return filtered(measure, member, record, days);
    }
    switch (measure.getKind()) {
      case PARTICIPATIONS: {
        long n = 0;
        for (ParticipationDay day : days.values()) {
          if (kinds.isEmpty()) {
            n += day.size();
          } else {
            for (ParticipationKind kind : kinds) {
              n += day.count(kind);
            }
          }
        }
        return Value.count(n);
      }
      case DISTINCT_ACTIVITIES: {
        Set<ActivityId> seen = new HashSet<>();
        for (ParticipationDay day : days.values()) {
          for (int i = 0; i < day.size(); i++) {
            if (kinds.isEmpty() || kinds.contains(day.kind(i))) {
              seen.add(day.activity(i));
            }
          }
        }
        return Value.count(seen.size());
      }
      case DISTINCT_SITES: {
        Set<SiteId> seen = new HashSet<>();
        for (ParticipationDay day : days.values()) {
          for (int i = 0; i < day.size(); i++) {
            record.activity(day.activity(i)).flatMap(Activity::getHostSite).ifPresent(seen::add);
          }
        }
        return Value.count(seen.size());
      }
      case DISTINCT_AGENCIES: {
        Optional<Member> m = record.member(member);
        if (m.isEmpty()) {
          return Value.missing("member " + member + " is not enrolled, so their own agency is"
              + " unknown");
        }
        Set<AgencyId> seen = new HashSet<>();
        for (ParticipationDay day : days.values()) {
          for (int i = 0; i < day.size(); i++) {
            Optional<Exchange> exchange = record.activity(day.activity(i))
                .flatMap(Activity::getExchange).flatMap(record::exchange);
            exchange.ifPresent(e -> {
              seen.add(e.getHostAgency());
              seen.addAll(e.getVisitingAgencies());
            });
          }
        }
        seen.remove(m.get().getAgency());
        return Value.count(seen.size());
      }
      case DISTINCT_DAYS:
        return Value.count(days.size());
      case ATTENDANCE_RATIO: {
        Instant from = first.equals(LocalDate.MIN) ? Instant.MIN
            : first.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
        List<Activity> held = RecordAccess.state(record).activities().starting(community,
            measure.getActivityKind().orElse(null), measure.getSeries().orElse(null), from, to);
        int cap = measure.getCap().orElse(Integer.MAX_VALUE);
        List<Activity> counted = held.size() > cap ? held.subList(held.size() - cap,
            held.size()) : held;
        if (counted.isEmpty()) {
          return NONE_HELD;
        }
        Set<ActivityId> attended = new HashSet<>();
        // Attendance is recorded on the day of the activity, so only days from the first
        // counted activity on matter; earlier history is never read.
        LocalDate firstCounted = LocalDate.ofInstant(counted.get(0).getStartsAt(), zone)
            .minusDays(1);
        for (ParticipationDay day : record.participationDays(member, community)
            .subMap(firstCounted, true, today, true).values()) {
          for (int i = 0; i < day.size(); i++) {
            if (day.kind(i) != ParticipationKind.REGISTERED) {
              attended.add(day.activity(i));
            }
          }
        }
        int n = 0;
        for (Activity activity : counted) {
          if (attended.contains(activity.getId())) {
            n++;
          }
        }
        return Value.of((double) n / counted.size(), new Attendance(n, counted.size(),
            held.size(), cap));
      }
      default:
        throw new IllegalStateException("unexpected measure " + measure.getKind());
    }
  }

  /**
   * A count of participations in the window narrowed by the measure's activity kind and series:
   * only participations (of the measure's participation kinds) in activities that pass both
   * filters count, for participations, distinct activities, host sites, other agencies and days
   * alike.
   */
  private static Value filtered(Measure measure, MemberId member, EngagementRecord record,
      NavigableMap<LocalDate, ParticipationDay> days) {
    ActivityTable table = RecordAccess.state(record).activities();
    ActivityKind kind = measure.getActivityKind().orElse(null);
    String series = measure.getSeries().orElse(null);
    Set<ParticipationKind> kinds = measure.getParticipationKinds();
    boolean byKind = measure.getKind() == MeasureKind.PARTICIPATIONS
        || measure.getKind() == MeasureKind.DISTINCT_ACTIVITIES;
    long n = 0;
    Set<Object> seen = new HashSet<>();
    for (ParticipationDay day : days.values()) {
      for (int i = 0; i < day.size(); i++) {
        if (byKind && !kinds.isEmpty() && !kinds.contains(day.kind(i))) {
          continue;
        }
        Optional<Activity> activity = table.find(day.activity(i));
        if (activity.isEmpty() || !ActivityTable.in(activity.get(), kind, series)) {
          continue;
        }
        switch (measure.getKind()) {
          case PARTICIPATIONS:
            n++;
            break;
          case DISTINCT_ACTIVITIES:
            seen.add(day.activity(i));
            break;
          case DISTINCT_SITES:
            activity.get().getHostSite().ifPresent(seen::add);
            break;
          case DISTINCT_AGENCIES:
            activity.get().getExchange().flatMap(record::exchange).ifPresent(e -> {
              seen.add(e.getHostAgency());
              seen.addAll(e.getVisitingAgencies());
            });
            break;
          default:
            seen.add(day.day());
            break;
        }
      }
    }
    if (measure.getKind() == MeasureKind.DISTINCT_AGENCIES) {
      Optional<Member> m = record.member(member);
      if (m.isEmpty()) {
        return Value.missing("member " + member + " is not enrolled, so their own agency is"
            + " unknown");
      }
      seen.remove(m.get().getAgency());
    }
    return Value.count(measure.getKind() == MeasureKind.PARTICIPATIONS ? n : seen.size());
  }

  static boolean meets(Measure measure, Value value) {
    switch (measure.getKind()) {
      case UPHELD_CONDUCT_FLAGS:
        return value.number() <= measure.getThreshold();
      case NOT_SUSPENDED:
        return value.number() >= 1;
      case NO_UPHELD_CONDUCT_FLAG:
      case CONTRIBUTION_SHARE:
        return value.number() >= 1;
      default:
        return value.number() >= measure.getThreshold();
    }
  }

  static boolean holdsWithHysteresis(Measure measure, Value value, double fraction) {
    return holdsWithHysteresis(measure, measure.isWindowed(), value, fraction);
  }

  /** As {@link #holdsWithHysteresis(Measure, Value, double)}, knowing whether it is windowed. */
  static boolean holdsWithHysteresis(Measure measure, boolean windowed, Value value,
      double fraction) {
    if (!windowed) {
      return meets(measure, value);
    }
    if (measure.getKind() == MeasureKind.CONTRIBUTION_SHARE) {
      // The value is the share of the requirement met.
      return value.number() >= fraction;
    }
    return value.number() >= measure.getThreshold() * fraction;
  }
}
