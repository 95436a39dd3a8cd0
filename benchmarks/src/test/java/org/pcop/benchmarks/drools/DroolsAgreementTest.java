package org.pcop.benchmarks.drools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.model.MemberId;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiAnswered;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.Evaluation;
import org.pcop.rules.IncrementalEvaluator;
import org.pcop.rules.RuleEngine;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.RuleSet;

/**
 * pcop-rules and the Drools rule file give the same members at the same levels and the same
 * service-level breaches over a small generated community with service-level events added, after
 * a full evaluation and after further events.
 */
class DroolsAgreementTest {
  private static final NationalCommunity COMMUNITY = NationalCommunity.of(6, 40, 200, 900, 60_000);
  private static final RuleSet RULES = ComparedRules.forCommunity(
      NationalCommunity.COMMUNITY.getId());
  private static List<PcopEvent> history;
  private static Instant end;
  private static DroolsRuleBase base;
  private static DroolsSession drools;
  private static EngagementRecord record;

  @BeforeAll
  static void evaluateBoth() {
    end = COMMUNITY.end();
    history = new ArrayList<>();
    COMMUNITY.forEach(history::add);
    history.addAll(ServiceLevelHistory.before(end));
    history.addAll(regularCallers(history, end));
    base = DroolsRuleBase.compile();
    drools = DroolsSession.evaluate(base, history, end, NationalCommunity.COMMUNITY.getTimeZone());
    record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    history.forEach(record::apply);
  }

  @AfterAll
  static void close() {
    if (drools != null) {
      drools.close();
    }
  }

  @Test
  void drools_runs_on_the_module_path_as_automatic_modules() {
    assertEquals("org.kie.api", KieBase.class.getModule().getName());
    assertTrue(KieBase.class.getModule().getDescriptor().isAutomatic());
    assertEquals("org.pcop.benchmarks", DroolsSession.class.getModule().getName());
  }

  @Test
  void both_put_the_same_members_at_the_same_levels() {
    Map<String, String> pcop = ComparedRules.levels(evaluate(), record);
    assertEquals(pcop, drools.levels());
    Map<String, Long> perLevel = pcop.values().stream()
        .collect(Collectors.groupingBy(l -> l, Collectors.counting()));
    assertEquals(Set.copyOf(LevelOf.LEVELS), perLevel.keySet(),
        "the community should reach every level, so that the comparison means something: "
            + perLevel);
  }

  @Test
  void both_report_the_same_breaches() {
    Set<Breach> pcop = ComparedRules.breaches(evaluate());
    assertEquals(pcop, drools.breaches());
    assertEquals(Set.of("first response", "approval by both parties", "follow-up report"),
        pcop.stream().map(Breach::obligation).collect(Collectors.toSet()));
    assertTrue(pcop.stream().anyMatch(Breach::outstanding));
    assertTrue(pcop.stream().anyMatch(b -> !b.outstanding()));
  }

  @Test
  void both_agree_after_further_events_re_evaluated_incrementally() {
    EngagementRecord fresh = EngagementRecord.of(NationalCommunity.COMMUNITY);
    history.forEach(fresh::apply);
    IncrementalEvaluator pcop = IncrementalEvaluator.start(RULES, fresh, end,
        UsFederalCalendar.instance());
    try (DroolsSession live = DroolsSession.evaluate(base, history, end,
        NationalCommunity.COMMUNITY.getTimeZone())) {
      Map<String, String> before = live.levels();
      ParticipationRecorded last = lastParticipation();
      List<PcopEvent> more = new ArrayList<>();
      for (int m = 0; m < 200; m += 7) {
        MemberId member = MemberId.of("m-" + m);
        for (ParticipationKind kind : List.of(ParticipationKind.PRESENTED,
            ParticipationKind.HOSTED)) {
          more.add(ParticipationRecorded.builder().eventId(EventId.of("more-" + kind + m))
              .actor(member).occurredAt(last.getOccurredAt()).participation(Participation.of(
                  last.getParticipation().getActivity(), member, kind,
                  last.getOccurredAt())).build());
        }
      }
      more.add(RfiAnswered.builder().eventId(EventId.of("more-answer")).actor(
          MemberId.of("m-0")).occurredAt(end.minusSeconds(60)).request(RfiId.of("r-unanswered"))
          .response(RfiResponse.builder().id(ResponseId.of("late-answer"))
              .respondent(MemberId.of("m-0")).at(end.minusSeconds(60)).text("Here it is.")
              .build()).build());
      for (PcopEvent event : more) {
        pcop.apply(event);
        live.apply(event);
        live.fire();
      }
      assertEquals(ComparedRules.levels(pcop.evaluation(), fresh), live.levels());
      assertEquals(ComparedRules.breaches(pcop.evaluation()), live.breaches());
      assertTrue(!before.equals(live.levels()), "the further events should change some level");
    }
  }

  @Test
  void a_session_refuses_an_event_about_a_member_it_has_not_seen() {
    try (DroolsSession empty = base.start(end, NationalCommunity.COMMUNITY.getTimeZone())) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> empty.apply(history.stream().filter(ev -> ev instanceof
              org.pcop.model.event.MembershipChanged).findFirst().orElseThrow()));
      assertTrue(e.getMessage().contains("is not enrolled"), e.getMessage());
    }
  }

  /**
   * Attendances of three occasional members at every community call of the last 100 days: the
   * generator's members either take part often enough to contribute or too rarely to be active,
   * so these make the active level appear.
   */
  private static List<PcopEvent> regularCallers(List<PcopEvent> history, Instant end) {
    List<PcopEvent> calls = new ArrayList<>();
    for (PcopEvent event : history) {
      if (event instanceof org.pcop.model.event.ActivityRecorded) {
        var activity = ((org.pcop.model.event.ActivityRecorded) event).getActivity();
        if (activity.getKind() == org.pcop.model.activity.ActivityKind.MEETING
            && activity.getStartsAt().isAfter(end.minus(java.time.Duration.ofDays(99)))) {
          for (int m = 190; m < 193; m++) {
            MemberId member = MemberId.of("m-" + m);
            calls.add(ParticipationRecorded.builder().eventId(EventId.of("call-" + m + "-"
                + activity.getId().value())).actor(member).occurredAt(activity.getStartsAt())
                .participation(Participation.of(activity.getId(), member,
                    ParticipationKind.ATTENDED, activity.getStartsAt())).build());
          }
        }
      }
    }
    return calls;
  }

  private static Evaluation evaluate() {
    return RuleEngine.evaluate(RULES, record, end, UsFederalCalendar.instance());
  }

  private static ParticipationRecorded lastParticipation() {
    ParticipationRecorded last = null;
    for (PcopEvent event : history) {
      if (event instanceof ParticipationRecorded) {
        last = (ParticipationRecorded) event;
      }
    }
    return last;
  }

}
