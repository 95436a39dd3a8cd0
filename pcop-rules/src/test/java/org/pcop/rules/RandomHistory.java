package org.pcop.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcop.model.AgencyKind;
import org.pcop.model.EngagementKind;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.RfiId;
import org.pcop.model.ResponseId;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.ExchangeCancelled;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiClosed;

/**
 * Turns a list of random choices into a valid event log of a small community: members enrolling
 * and moving agencies, memberships changing role and status (suspensions included), activities
 * (some in a series, some about a topic) and participations (presentations among them),
 * exchanges through their lifecycle (an exchange held is hosted and visited by members' agencies,
 * and carried out by a peer exchange or a site visit recorded with it or after it was held),
 * requests for information, conduct flags, levels and locks.
 */
final class RandomHistory {
  static final Instant START = Scenario.at("2026-01-05T09:00");
  private static final String[] AGENCIES = {"a-1", "a-2", "a-3", "a-out"};
  private static final String[] SITES = {"s-a", "s-b", "s-c"};
  private static final String[] TOPICS = {"gun-violence.nibin", "victim-services.notification"};
  private static final String[] AREAS = {"gun-violence", "victim-services"};
  private static final ActivityKind[] ACTIVITY_KINDS = {ActivityKind.MEETING,
      ActivityKind.MEETING, ActivityKind.WEBINAR, ActivityKind.CONFERENCE};
  private static final MembershipRole[] ROLES = {MembershipRole.MEMBER, MembershipRole.MEMBER,
      MembershipRole.SITE_LEAD, MembershipRole.SUBJECT_MATTER_EXPERT,
      MembershipRole.PROGRAM_ADVISOR};
  private static final String[] LEVELS = {"active", "mentor", "unknown-level"};
  /** The series some activities belong to. */
  static final String SERIES = "community call";
  /** The series some site visits carrying out exchanges belong to. */
  static final String VISITS = "regional visits";

  private RandomHistory() {}

  /** The log for {@code choices}; the same choices always give the same log. */
  static List<PcopEvent> of(List<Integer> choices) {
    Scenario s = new Scenario();
    Instant t = START;
    s.taxonomy(t);
    s.site("s-a", EngagementKind.OPERATIONS, LocalDate.of(2025, 1, 1), t);
    s.site("s-b", EngagementKind.ALUMNI, LocalDate.of(2024, 6, 1), t);
    s.site("s-c", EngagementKind.DIAGNOSTIC, LocalDate.of(2026, 1, 1), t);
    s.localAgency("a-1", "s-a", t);
    s.localAgency("a-2", "s-b", t);
    s.localAgency("a-3", "s-c", t);
    s.agency("a-out", null, AgencyKind.ATTORNEY_GENERAL, JurisdictionLevel.STATE, t);
    int activities = 0;
    int exchanges = 0;
    int rfis = 0;
    int responses = 0;
    Map<Integer, ExchangeState> exchangeStates = new HashMap<>();
    Map<Integer, String> firstApprover = new HashMap<>();
    Map<Integer, String> hostSites = new HashMap<>();
    Map<Integer, String> rfiState = new HashMap<>();
    Map<Integer, List<String>> rfiResponses = new HashMap<>();
    Map<String, String> levels = new HashMap<>();
    Map<String, MembershipStatus> statuses = new HashMap<>();
    for (int c : choices) {
      t = t.plusSeconds(3600L * (c % 50));
      int member = (c / 13) % 8;
      String m = "m-" + member;
      switch (c % 13) {
        case 0: {
          String[] expertise = (c / 104) % 3 == 0 ? new String[0]
              : new String[] {TOPICS[(c / 104) % 2]};
          s.member(m, AGENCIES[(c / 7) % AGENCIES.length], t, expertise);
          break;
        }
        case 1: {
          MembershipRole role = ROLES[(c / 104) % ROLES.length];
          MembershipStatus status = MembershipStatus.values()[(c / 3) % 4];
          String sponsor = (c / 5) % 3 == 0 ? "m-" + ((member + 1) % 8) : null;
          if ((c / 520) % 5 == 4 && statuses.get(m) != MembershipStatus.SUSPENDED) {
            // A suspension, to the end of a day from the same day to four weeks on (a member
            // already suspended is reinstated or changed first: a suspension is not extended).
            s.suspended(m, role, LocalDate.ofInstant(t, Scenario.ZONE)
                .plusDays((c / 7) % 29).toString(), t);
            statuses.put(m, MembershipStatus.SUSPENDED);
            break;
          }
          statuses.put(m, status);
          s.apply(org.pcop.model.event.MembershipChanged.builder().eventId(s.nextId())
              .actor(Scenario.SYSTEM).occurredAt(t).member(MemberId.of(m))
              .community(Scenario.PCOP).role(role).status(status)
              .sponsor(java.util.Optional.ofNullable(sponsor).map(MemberId::of)).build());
          break;
        }
        case 2: {
          String[] areas = (c / 3) % 3 == 0 ? new String[0] : new String[] {AREAS[c / 3 % 2]};
          if ((c / 260) % 3 == 0) {
            // A community call, or now and then a webinar of the same series.
            s.seriesActivity("act-" + activities++, (c / 7) % 4 == 0 ? ActivityKind.WEBINAR
                : ActivityKind.MEETING, SERIES, t, (c / 11) % 2 == 0 ? SITES[(c / 5) % 3] : null);
            break;
          }
          var activity = Scenario.activity("act-" + activities++, ACTIVITY_KINDS[(c / 7) % 4], t)
              .hostSite(Optional.ofNullable((c / 11) % 2 == 0 ? SITES[(c / 5) % 3] : null)
                  .map(org.pcop.model.SiteId::of));
          for (String area : areas) {
            activity.addCoreAreas(org.pcop.model.taxonomy.CoreAreaId.of(area));
          }
          if ((c / 13) % 3 == 0) {
            // About a topic, which presentations' topic and core-area filters read.
            activity.addTopics(org.pcop.model.taxonomy.TopicId.of(TOPICS[(c / 39) % 2]));
          }
          s.recorded(activity.build());
          break;
        }
        case 3:
        case 4:
        case 5: {
          if (activities == 0) {
            s.activity("act-" + activities++, ActivityKind.MEETING, t, "s-a", AREAS[0]);
          }
          ParticipationKind kind = ParticipationKind.values()[(c / 7) % 4];
          s.took(m, "act-" + ((c / 17) % activities), kind, t);
          break;
        }
        case 6: {
          int host = (c / 7) % 3;
          int visitor = (host + 1 + (c / 3) % 3) % 4;
          BigDecimal funding = (c / 11) % 2 == 0 ? null : BigDecimal.valueOf((c % 7) * 3000L);
          s.exchange("x-" + exchanges, AGENCIES[host], SITES[host], AGENCIES[visitor], m, t,
              funding);
          exchangeStates.put(exchanges, ExchangeState.REQUESTED);
          hostSites.put(exchanges, SITES[host]);
          if ((c / 5) % 2 == 0) {
            // A peer exchange, or a site visit of the regional series, carries it out.
            boolean visit = (c / 5) % 4 == 2;
            s.exchangeActivity("act-" + activities++, "x-" + exchanges,
                visit ? ActivityKind.SITE_VISIT : ActivityKind.PEER_EXCHANGE,
                visit ? VISITS : null, t, SITES[host]);
          }
          if ((c / 130) % 3 == 0) {
            // Approved, scheduled and held at once: hosted and visited by members' agencies.
            LocalDate day = LocalDate.ofInstant(t, Scenario.ZONE);
            s.approved("x-" + exchanges, ApproverRole.PROGRAM_ADVISOR, "m-adv", t)
                .approved("x-" + exchanges, ApproverRole.HOST_SITE_LEAD, "m-lead", t)
                .scheduled("x-" + exchanges, day, t).held("x-" + exchanges, day);
            exchangeStates.put(exchanges, ExchangeState.HELD);
            if ((c / 5) % 4 == 1) {
              // A site visit recorded as carrying it out only after it was held.
              s.exchangeActivity("act-" + activities++, "x-" + exchanges,
                  ActivityKind.SITE_VISIT, (c / 15) % 2 == 0 ? VISITS : null, t, SITES[host]);
            }
          }
          exchanges++;
          break;
        }
        case 7: {
          if (exchanges == 0) {
            break;
          }
          int k = (c / 7) % exchanges;
          String x = "x-" + k;
          ExchangeState state = exchangeStates.get(k);
          int pick = (c / 3) % 5;
          if (state == ExchangeState.REQUESTED) {
            if (pick == 0) {
              s.apply(ExchangeDeclined.builder().eventId(s.nextId()).actor(MemberId.of(m))
                  .occurredAt(t).exchange(org.pcop.model.ExchangeId.of(x))
                  .role(ApproverRole.HOST_SITE_LEAD).reason("No capacity.").build());
              exchangeStates.put(k, ExchangeState.DECLINED);
            } else if (!firstApprover.containsKey(k)) {
              s.approved(x, ApproverRole.values()[pick % 2], m, t);
              firstApprover.put(k, (pick % 2) + ":" + m);
            } else {
              String[] first = firstApprover.get(k).split(":");
              if (!first[1].equals(m)) {
                s.approved(x, ApproverRole.values()[1 - Integer.parseInt(first[0])], m, t);
                exchangeStates.put(k, ExchangeState.APPROVED);
              }
            }
          } else if (state == ExchangeState.APPROVED) {
            if (pick == 0) {
              s.apply(ExchangeCancelled.builder().eventId(s.nextId()).actor(MemberId.of(m))
                  .occurredAt(t).exchange(org.pcop.model.ExchangeId.of(x))
                  .reason("Travel freeze.").build());
              exchangeStates.put(k, ExchangeState.CANCELLED);
            } else {
              s.scheduled(x, LocalDate.ofInstant(t, Scenario.ZONE).plusDays(pick * 20L), t);
              exchangeStates.put(k, ExchangeState.SCHEDULED);
            }
          } else if (state == ExchangeState.SCHEDULED) {
            s.held(x, LocalDate.ofInstant(t, Scenario.ZONE));
            exchangeStates.put(k, ExchangeState.HELD);
          } else if (state == ExchangeState.HELD) {
            if (pick == 0) {
              // A site visit recorded as carrying out an exchange already held.
              s.exchangeActivity("act-" + activities++, x, ActivityKind.SITE_VISIT,
                  (c / 15) % 2 == 0 ? VISITS : null, t, hostSites.get(k));
            }
            s.documented(x, m, t.plusSeconds(86_400));
            exchangeStates.put(k, ExchangeState.DOCUMENTED);
          }
          break;
        }
        case 8:
          s.rfi("rfi-" + rfis, m, TOPICS[(c / 7) % 2], t);
          rfiState.put(rfis, "open");
          rfiResponses.put(rfis, new ArrayList<>());
          rfis++;
          break;
        case 9: {
          if (rfis == 0) {
            break;
          }
          int k = (c / 7) % rfis;
          String state = rfiState.get(k);
          int pick = (c / 3) % 4;
          if (!state.equals("open")) {
            break;
          }
          if (pick == 0 && !rfiResponses.get(k).isEmpty()) {
            s.apply(RfiAccepted.builder().eventId(s.nextId()).actor(MemberId.of(m))
                .occurredAt(t).request(RfiId.of("rfi-" + k))
                .response(ResponseId.of(rfiResponses.get(k).get(0))).build());
            rfiState.put(k, "resolved");
          } else if (pick == 1) {
            s.apply(RfiClosed.builder().eventId(s.nextId()).actor(MemberId.of(m))
                .occurredAt(t).request(RfiId.of("rfi-" + k)).build());
            rfiState.put(k, "closed");
          } else {
            String response = "r-" + responses++;
            s.answered("rfi-" + k, response, m, t);
            rfiResponses.get(k).add(response);
          }
          break;
        }
        case 10:
          s.flag(m, ConductFlagStatus.values()[(c / 7) % 3], t);
          break;
        case 11: {
          String level = (c / 7) % 4 == 3 ? null : LEVELS[(c / 7) % 3];
          if ((c / 3) % 3 == 0) {
            s.locked(m, level, t);
          } else if (!java.util.Objects.equals(levels.get(m), level)) {
            s.levelChanged(m, levels.get(m), level, t);
            levels.put(m, level);
          }
          break;
        }
        default: {
          String agency = AGENCIES[(c / 7) % 3];
          s.localAgency(agency, SITES[(c / 11) % 3], t);
          break;
        }
      }
    }
    return s.log;
  }
}
