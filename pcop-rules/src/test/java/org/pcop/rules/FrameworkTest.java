package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcop.model.ActivityId;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.DormancyRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.Window;

/** Rule sets as data, explanations, determinism and bad input. */
class FrameworkTest {
  private static DormancyRule dormancy(String id, String community) {
    return DormancyRule.builder().id(RuleId.of(id)).community(CommunityId.of(community))
        .days(90).build();
  }

  @Test
  void aRuleSetRefusesTwoRulesWithOneId() {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> RuleSet.builder().id("x").version(1).addRule(dormancy("d", "pcop"))
            .addRule(dormancy("d", "pcop")).build());
    assertEquals("RuleSet.rules[1].id: duplicate rule id d; every rule of a set needs its own"
        + " id", e.getMessage());
  }

  @Test
  void aRuleSetNeedsAVersion() {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> RuleSet.builder().id("x").version(0).build());
    assertEquals("RuleSet.version: must be 1 or more, got 0", e.getMessage());
  }

  @Test
  void rulesRefuseImpossibleSettings() {
    assertThrows(InvalidValueException.class, () -> DormancyRule.builder()
        .id(RuleId.of("d")).community(CommunityId.of("pcop")).days(0).build());
    assertThrows(InvalidValueException.class, () -> Window.lastDays(0));
    assertThrows(InvalidValueException.class, () -> RuleId.of("has space"));
  }

  @Test
  void aRuleForAnUnknownCommunityIsIndeterminate() {
    RuleSet rules = RuleSet.builder().id("x").version(1).addRule(dormancy("d", "elsewhere"))
        .build();
    RuleResult result = RuleEngine.evaluate(rules, new Scenario().record, Instant.EPOCH,
        UsFederalCalendar.instance()).getResults().get(0);
    assertEquals(Outcome.INDETERMINATE, result.getOutcome());
    assertEquals("the community elsewhere is not in the record",
        result.getExplanation().getText());
  }

  @Test
  void evaluationIsDeterministicAndOrderedByRuleThenSubject() {
    List<PcopEvent> log = RandomHistory.of(List.of(13, 26, 39, 1, 14, 27, 40, 53, 66, 2, 3, 16,
        29, 42, 8, 21, 6, 19, 7, 20, 33, 46));
    Instant asOf = RandomHistory.START.plusSeconds(40L * 86_400);
    Evaluation first = evaluate(log, asOf);
    Evaluation second = evaluate(log, asOf);
    assertNotSame(first, second);
    assertEquals(first, second);
    List<RuleId> order = new ArrayList<>();
    IncrementalEvaluationPropertyTest.RULES.getRules().forEach(r -> order.add(r.getId()));
    RuleResult previous = null;
    for (RuleResult result : first.getResults()) {
      if (previous != null && previous.getRule().equals(result.getRule())) {
        assertTrue(previous.getSubject().compareTo(result.getSubject()) < 0);
      } else if (previous != null) {
        assertTrue(order.indexOf(previous.getRule()) < order.indexOf(result.getRule()));
      }
      previous = result;
    }
    assertTrue(first.getResults().size() > 10, "the history gives results to order");
  }

  private static Evaluation evaluate(List<PcopEvent> log, Instant asOf) {
    EngagementRecord record = EngagementRecord.of(Scenario.COMMUNITY);
    log.forEach(record::apply);
    return RuleEngine.evaluate(IncrementalEvaluationPropertyTest.RULES, record, asOf,
        UsFederalCalendar.instance());
  }

  @Test
  void anEventThatDoesNotFitIsRefusedAndChangesNothing() {
    Scenario s = new Scenario();
    PcopEvent orphan = ParticipationRecorded.builder().eventId(EventId.of("e-x"))
        .actor(MemberId.of("m-1")).occurredAt(Instant.EPOCH).participation(Participation.of(
            ActivityId.of("nowhere"), MemberId.of("m-1"), ParticipationKind.ATTENDED,
            Instant.EPOCH)).build();
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> s.record.apply(orphan));
    assertEquals("ParticipationRecorded.participation.activity: unknown activity nowhere; it"
        + " must be recorded before events that refer to it", e.getMessage());
    assertEquals(0, s.record.eventCount());
    assertEquals(0, s.record.participationDays(MemberId.of("m-1"), Scenario.PCOP).size());
  }

  @Test
  void anExchangeStepOutOfOrderIsRefused() {
    Scenario s = new Scenario().exchange("x-1", "a-1", "s-1", "a-2", "m-1", Instant.EPOCH,
        null);
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> s.held("x-1", java.time.LocalDate.of(1970, 1, 2)));
    assertEquals("ExchangeHeld.exchange: exchange x-1 is REQUESTED and cannot become HELD",
        e.getMessage());
  }

  @Test
  void anExplanationReadsAsOneLine() {
    Explanation explanation = Explanation.builder().outcome(Outcome.FAILED)
        .text("no participation for 97 days").addFact(Fact.of("last participation",
            "2026-02-02")).threshold("90 days").window("from 2026-02-02 to 2026-05-10").build();
    assertEquals("FAILED: no participation for 97 days [last participation = 2026-02-02]"
        + " threshold: 90 days window: from 2026-02-02 to 2026-05-10", explanation.render());
  }
}
