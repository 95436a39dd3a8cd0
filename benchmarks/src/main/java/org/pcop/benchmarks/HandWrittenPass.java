package org.pcop.benchmarks;

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
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;

/**
 * The level requirements of the default rule set written out by hand in one pass over the
 * events, knowing the evaluation day in advance: the yardstick the rules engine is measured
 * against. Counts how many members reach each level, the highest level whose requirements all
 * hold (no level is recorded in the generated history, so hysteresis, grace and locks do not
 * apply): active (at least half of the last 20 community calls of the last 100 days, 3 distinct
 * days in 180), contributor (2 presentations or hostings and 8 distinct activities in 365 days,
 * 180 days' tenure, no upheld conduct flag) and mentor (4 presentations or hostings in 365 days,
 * 3 distinct host sites and 2 distinct other agencies met through exchanges in 730 days, 365 days'
 * tenure, no upheld conduct flag).
 */
public final class HandWrittenPass {
  private HandWrittenPass() {}

  /**
   * Counts the members at each default level (active, contributor, mentor) as of {@code asOf}.
   *
   * @param events the history
   * @param asOf the evaluation instant
   * @param zone the community's time zone
   * @param members how many members ({@code m-0} to {@code m-(n-1)})
   * @return members per level, lowest first
   */
  public static int[] levels(Iterable<PcopEvent> events, Instant asOf, ZoneId zone,
      int members) {
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
    Map<ExchangeId, Set<AgencyId>> exchangeAgencies = new HashMap<>();
    List<ActivityId> meetings = new ArrayList<>();
    Map<ActivityId, BitSet> attendance = new HashMap<>();
    for (PcopEvent event : events) {
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
        if (changed.getStatus() == MembershipStatus.ACTIVE && activeSince[m] == Long.MAX_VALUE) {
          activeSince[m] = LocalDate.ofInstant(changed.getOccurredAt(), zone).toEpochDay();
        }
      }
    }
    List<ActivityId> counted = meetings.size() > 20
        ? meetings.subList(meetings.size() - 20, meetings.size()) : meetings;
    int[] levels = new int[3];
    for (int m = 0; m < members; m++) {
      int attended = 0;
      for (ActivityId meeting : counted) {
        if (attendance.get(meeting).get(m)) {
          attended++;
        }
      }
      boolean active = (counted.isEmpty() || attended * 2 >= counted.size())
          && days180.get(m).size() >= 3;
      long tenure = activeSince[m] == Long.MAX_VALUE ? 0 : today.toEpochDay() - activeSince[m];
      Set<AgencyId> met = new HashSet<>();
      for (ExchangeId x : exchanges730.get(m)) {
        met.addAll(exchangeAgencies.getOrDefault(x, Set.of()));
      }
      met.remove(agencyOf[m]);
      boolean contributor = presented365[m] >= 2 && activities365.get(m).size() >= 8
          && tenure >= 180 && !upheld[m];
      boolean mentor = presented365[m] >= 4 && sites730.get(m).size() >= 3 && met.size() >= 2
          && tenure >= 365 && !upheld[m];
      if (mentor) {
        levels[2]++;
      } else if (contributor) {
        levels[1]++;
      } else if (active) {
        levels[0]++;
      }
    }
    return levels;
  }
}
