package org.pcop.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pcop.benchmarks.drools.Breach;
import org.pcop.model.ActivityId;
import org.pcop.model.AgencyId;
import org.pcop.model.ExchangeId;
import org.pcop.model.Member;
import org.pcop.model.MembershipStatus;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.ExchangeApproved;
import org.pcop.model.event.ExchangeCancelled;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.ExchangeDocumented;
import org.pcop.model.event.ExchangeHeld;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.RfiPosted;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;

/**
 * The compared rules written out by hand in one pass over the events the way most developers
 * would write it (hash sets of ids per member, ids parsed from their text, a zoned date per
 * instant), knowing the evaluation day in advance. Gives each member the level of the default
 * rule set: active (at least half of the last 20 community calls of the last 100 days, 3 distinct
 * days in 180), contributor (2 presentations or hostings and 8 distinct activities in 365 days,
 * 180 days' tenure, no upheld conduct flag) and mentor (4 presentations or hostings in 365 days,
 * 3 distinct host sites and 2 distinct other agencies met through exchanges in 730 days, 365 days'
 * tenure, no upheld conduct flag); a member with a recorded level keeps a level at or below it
 * while its windowed requirements hold at 0.9 of their thresholds, and a demotion waits 90 days
 * after the recorded change (locks are not read). Then times the three service levels
 * ({@link ServiceLevels}). {@link TightPass} computes the same answers as tightly as possible.
 */
public final class HandWrittenPass {
  private static final List<String> LEVELS = List.of("active", "contributor", "mentor");
  private static final double DEMOTION = 0.9;

  private HandWrittenPass() {}

  /**
   * What the pass found.
   *
   * @param perLevel members at each level, lowest (active) first
   * @param levels level name by member id
   * @param breaches the service-level breaches
   */
  public record Answers(int[] perLevel, Map<String, String> levels, Set<Breach> breaches) {}

  /**
   * Gives each member their level and times the service levels as of {@code asOf}.
   *
   * @param events the history
   * @param asOf the evaluation instant
   * @param zone the community's time zone
   * @param members how many members ({@code m-0} to {@code m-(n-1)})
   * @return the levels and breaches
   */
  public static Answers evaluate(Iterable<? extends PcopEvent> events, Instant asOf, ZoneId zone,
      int members) {
    ServiceLevels serviceLevels = new ServiceLevels(zone);
    LocalDate today = LocalDate.ofInstant(asOf, zone);
    Map<ActivityId, Activity> activities = new HashMap<>();
    long[] activeSince = new long[members];
    java.util.Arrays.fill(activeSince, Long.MAX_VALUE);
    int[] presented365 = new int[members];
    List<Set<Long>> days180 = new ArrayList<>();
    List<Set<ActivityId>> activities365 = new ArrayList<>();
    List<Set<String>> sites730 = new ArrayList<>();
    List<Set<ExchangeId>> exchanges730 = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      days180.add(new HashSet<>());
      activities365.add(new HashSet<>());
      sites730.add(new HashSet<>());
      exchanges730.add(new HashSet<>());
    }
    AgencyId[] agencyOf = new AgencyId[members];
    boolean[] upheld = new boolean[members];
    boolean[] evaluated = new boolean[members];
    int[] recorded = new int[members];
    java.util.Arrays.fill(recorded, -1);
    Instant[] recordedAt = new Instant[members];
    Map<ExchangeId, Set<AgencyId>> exchangeAgencies = new HashMap<>();
    List<ActivityId> meetings = new ArrayList<>();
    Map<ActivityId, BitSet> attendance = new HashMap<>();
    for (PcopEvent event : events) {
      serviceLevels.apply(event);
      if (event instanceof ParticipationRecorded) {
        Participation p = ((ParticipationRecorded) event).getParticipation();
        int m = Integer.parseInt(p.getMember().value().substring(2));
        LocalDate day = LocalDate.ofInstant(p.getAt(), zone);
        long age = ChronoUnit.DAYS.between(day, today);
        if (age < 0) {
          continue;
        }
        boolean shows = p.getKind() == ParticipationKind.PRESENTED
            || p.getKind() == ParticipationKind.HOSTED;
        if (age < 180) {
          days180.get(m).add(day.toEpochDay());
        }
        if (age < 365) {
          activities365.get(m).add(p.getActivity());
          if (shows) {
            presented365[m]++;
          }
        }
        Activity activity = activities.get(p.getActivity());
        if (age < 730 && activity != null) {
          activity.getHostSite().ifPresent(s -> sites730.get(m).add(s.value()));
          activity.getExchange().ifPresent(x -> exchanges730.get(m).add(x));
        }
        BitSet attended = attendance.get(p.getActivity());
        if (attended != null && p.getKind() != ParticipationKind.REGISTERED) {
          attended.set(m);
        }
      } else if (event instanceof ActivityRecorded) {
        Activity activity = ((ActivityRecorded) event).getActivity();
        activities.put(activity.getId(), activity);
        long age = ChronoUnit.DAYS.between(LocalDate.ofInstant(activity.getStartsAt(), zone),
            today);
        if (activity.getKind() == ActivityKind.MEETING && age >= 0 && age < 100) {
          meetings.add(activity.getId());
          attendance.put(activity.getId(), new BitSet(members));
        }
      } else if (event instanceof ExchangeRequested) {
        Exchange exchange = ((ExchangeRequested) event).getExchange();
        Set<AgencyId> met = new HashSet<>(exchange.getVisitingAgencies());
        met.add(exchange.getHostAgency());
        exchangeAgencies.put(exchange.getId(), met);
      } else if (event instanceof MemberEnrolled) {
        Member member = ((MemberEnrolled) event).getMember();
        agencyOf[Integer.parseInt(member.getId().value().substring(2))] = member.getAgency();
      } else if (event instanceof EngagementLevelChanged) {
        EngagementLevelChanged changed = (EngagementLevelChanged) event;
        int m = Integer.parseInt(changed.getMember().value().substring(2));
        recorded[m] = changed.getTo().map(LEVELS::indexOf).orElse(-1);
        recordedAt[m] = changed.getOccurredAt();
      } else if (event instanceof ConductFlagRecorded) {
        ConductFlagRecorded flag = (ConductFlagRecorded) event;
        int m = Integer.parseInt(flag.getMember().value().substring(2));
        if (flag.getStatus() == ConductFlagStatus.UPHELD) {
          upheld[m] = true;
        } else if (flag.getStatus() == ConductFlagStatus.DISMISSED) {
          upheld[m] = false;
        }
      } else if (event instanceof MembershipChanged) {
        MembershipChanged changed = (MembershipChanged) event;
        int m = Integer.parseInt(changed.getMember().value().substring(2));
        evaluated[m] = changed.getStatus() == MembershipStatus.ACTIVE
            || changed.getStatus() == MembershipStatus.DORMANT;
        if (changed.getStatus() == MembershipStatus.ACTIVE && activeSince[m] == Long.MAX_VALUE) {
          activeSince[m] = LocalDate.ofInstant(changed.getOccurredAt(), zone).toEpochDay();
        }
      }
    }
    List<ActivityId> counted = meetings.size() > 20
        ? meetings.subList(meetings.size() - 20, meetings.size()) : meetings;
    int[] perLevel = new int[3];
    Map<String, String> levels = new TreeMap<>();
    for (int m = 0; m < members; m++) {
      if (!evaluated[m] && recorded[m] < 0) {
        continue;
      }
      int attended = 0;
      for (ActivityId meeting : counted) {
        if (attendance.get(meeting).get(m)) {
          attended++;
        }
      }
      double ratio = counted.isEmpty() ? 1 : (double) attended / counted.size();
      int days = days180.get(m).size();
      long tenure = activeSince[m] == Long.MAX_VALUE ? 0 : today.toEpochDay() - activeSince[m];
      Set<AgencyId> met = new HashSet<>();
      for (ExchangeId x : exchanges730.get(m)) {
        met.addAll(exchangeAgencies.getOrDefault(x, Set.of()));
      }
      met.remove(agencyOf[m]);
      int shows = presented365[m];
      int distinct = activities365.get(m).size();
      int sites = sites730.get(m).size();
      int target = -1;
      int keep = -1;
      for (int level = 0; level < 3; level++) {
        for (double f : new double[] {1, DEMOTION}) {
          boolean holds;
          if (level == 0) {
            holds = ratio >= 0.5 * f && days >= 3 * f;
          } else if (level == 1) {
            holds = shows >= 2 * f && distinct >= 8 * f && tenure >= 180 && !upheld[m];
          } else {
            holds = shows >= 4 * f && sites >= 3 * f && met.size() >= 2 * f && tenure >= 365
                && !upheld[m];
          }
          if (holds && f == 1) {
            target = level;
          } else if (holds && level <= recorded[m]) {
            keep = Math.max(keep, level);
          }
        }
      }
      int next = Math.max(target, keep);
      if (next < recorded[m] && asOf.isBefore(recordedAt[m].plus(Duration.ofDays(90)))) {
        next = recorded[m];
      }
      if (next >= 0) {
        perLevel[next]++;
        levels.put("m-" + m, LEVELS.get(next));
      }
    }
    return new Answers(perLevel, levels, serviceLevels.breaches(asOf));
  }

  /**
   * The three service levels of the default rule set, timed with maps of ids: first response to
   * a request for information within 3 business days, approval of an exchange by both parties
   * within 14 days, follow-up report within 30 days of the day held. A due instant is the start
   * of the day after the last allowed day.
   */
  static final class ServiceLevels {
    private final ZoneId zone;
    private final Map<String, Instant> posted = new HashMap<>();
    private final Map<String, Instant> firstResponse = new HashMap<>();
    private final Set<String> accepted = new HashSet<>();
    private final Set<String> expired = new HashSet<>();
    private final Map<String, Instant> requested = new HashMap<>();
    private final Map<String, Map<ApproverRole, Instant>> approvals = new HashMap<>();
    private final Set<String> closed = new HashSet<>();
    private final Map<String, LocalDate> held = new HashMap<>();
    private final Map<String, Instant> reported = new HashMap<>();

    ServiceLevels(ZoneId zone) {
      this.zone = zone;
    }

    void apply(PcopEvent event) {
      if (event instanceof RfiPosted) {
        RequestForInformation rfi = ((RfiPosted) event).getRequest();
        posted.put(rfi.getId().value(), rfi.getPostedAt());
        rfi.firstResponseAt().ifPresent(at -> firstResponse.put(rfi.getId().value(), at));
      } else if (event instanceof RfiAnswered) {
        RfiAnswered answered = (RfiAnswered) event;
        firstResponse.putIfAbsent(answered.getRequest().value(), answered.getResponse().getAt());
      } else if (event instanceof RfiAccepted) {
        accepted.add(((RfiAccepted) event).getRequest().value());
      } else if (event instanceof RfiClosed) {
        String id = ((RfiClosed) event).getRequest().value();
        if (!accepted.contains(id)) {
          expired.add(id);
        }
      } else if (event instanceof ExchangeRequested) {
        Exchange exchange = ((ExchangeRequested) event).getExchange();
        requested.put(exchange.getId().value(), exchange.getRequestedAt());
      } else if (event instanceof ExchangeApproved) {
        ExchangeApproved approved = (ExchangeApproved) event;
        approvals.computeIfAbsent(approved.getExchange().value(), x -> new HashMap<>())
            .putIfAbsent(approved.getRole(), approved.getOccurredAt());
      } else if (event instanceof ExchangeDeclined) {
        closed.add(((ExchangeDeclined) event).getExchange().value());
      } else if (event instanceof ExchangeCancelled) {
        closed.add(((ExchangeCancelled) event).getExchange().value());
      } else if (event instanceof ExchangeHeld) {
        held.put(((ExchangeHeld) event).getExchange().value(), ((ExchangeHeld) event).getHeldOn());
      } else if (event instanceof ExchangeDocumented) {
        ExchangeDocumented documented = (ExchangeDocumented) event;
        reported.put(documented.getExchange().value(), documented.getReport().getSubmittedAt());
      }
    }

    Set<Breach> breaches(Instant asOf) {
      Set<Breach> breaches = new HashSet<>();
      posted.forEach((id, at) -> {
        LocalDate last = UsFederalCalendar.instance()
            .plusBusinessDays(LocalDate.ofInstant(at, zone), 3);
        judge(breaches, "rfi " + id, "first response", last, firstResponse.get(id), asOf,
            !expired.contains(id));
      });
      requested.forEach((id, at) -> {
        Map<ApproverRole, Instant> given = approvals.getOrDefault(id, Map.of());
        Instant met = given.size() == ApproverRole.values().length
            ? given.values().stream().max(Instant::compareTo).orElseThrow() : null;
        if (met != null || !closed.contains(id)) {
          judge(breaches, "exchange " + id, "approval by both parties",
              LocalDate.ofInstant(at, zone).plusDays(14), met, asOf, true);
        }
        LocalDate day = held.get(id);
        if (day != null) {
          judge(breaches, "exchange " + id, "follow-up report", day.plusDays(30),
              reported.get(id), asOf, true);
        }
      });
      return breaches;
    }

    private void judge(Set<Breach> breaches, String subject, String obligation, LocalDate last,
        Instant met, Instant asOf, boolean outstandingIfUnmet) {
      Instant due = last.plusDays(1).atStartOfDay(zone).toInstant();
      if (met != null && met.isAfter(due)) {
        breaches.add(new Breach(subject, obligation, due, Duration.between(due, met), false));
      } else if (met == null && asOf.isAfter(due)) {
        breaches.add(new Breach(subject, obligation, due, Duration.between(due, asOf),
            outstandingIfUnmet));
      }
    }
  }
}
