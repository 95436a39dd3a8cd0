package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.internal.InstantCaches;
import org.pcop.rules.spi.RuleKind;
import org.pcop.rules.spi.RuleKindRegistry;

/**
 * An incremental evaluator moved to a new instant again and again (an engine evaluating as of
 * now at every call) keeps the rule kinds' aggregates of its current instant only: the ones of
 * the instants it left are released, where they used to stay with the record for as long as it
 * lived (leaderboards and coverage matrices) or four instants at a time (points tallies). Its
 * evaluation stays the full evaluation's.
 */
class EvaluatorInstantsTest {
  @Test
  void anEvaluatorMovedOnHoldsTheAggregatesOfItsCurrentInstantOnly() {
    List<PcopEvent> log = history();
    RuleKindRegistry kinds = RuleKindRegistry.builtIn();
    EngagementRecord record = EngagementRecord.of(Scenario.COMMUNITY);
    Instant first = RandomHistory.START.plusSeconds(86_400L * 30);
    IncrementalEvaluator evaluator = IncrementalEvaluator.start(
        IncrementalEvaluationPropertyTest.RULES, record, first, UsFederalCalendar.instance(),
        kinds);
    log.forEach(evaluator::apply);
    List<InstantCaches> caches = new ArrayList<>();
    for (String name : kinds.names()) {
      RuleKind kind = kinds.kind(name).orElseThrow();
      if (kind instanceof InstantCaches) {
        caches.add((InstantCaches) kind);
      }
    }
    assertEquals(3, caches.size(), "levels, points and coverage keep aggregates per instant");
    assertTrue(caches.stream().anyMatch(c -> c.instants(record).equals(Set.of(first))),
        "the test reaches the aggregates");
    Instant asOf = first;
    for (int hour = 1; hour <= 8; hour++) {
      asOf = first.plusSeconds(3600L * 7 * hour);
      evaluator.advanceTo(asOf);
      for (InstantCaches cache : caches) {
        Set<Instant> kept = cache.instants(record);
        assertTrue(Set.of(asOf).containsAll(kept), cache + " keeps " + kept + " after "
            + hour + " moves, where only " + asOf + " is evaluated");
      }
    }
    assertFalse(caches.stream().allMatch(c -> c.instants(record).isEmpty()));
    Evaluation before = evaluator.evaluation();
    evaluator.release();
    for (InstantCaches cache : caches) {
      assertEquals(Set.of(), cache.instants(record), cache + " after release()");
    }
    assertEquals(before, evaluator.evaluation(), "released, the evaluation is the same");
    EngagementRecord again = EngagementRecord.of(Scenario.COMMUNITY);
    log.forEach(again::apply);
    assertEquals(RuleEngine.evaluate(IncrementalEvaluationPropertyTest.RULES, again, asOf,
        UsFederalCalendar.instance()), evaluator.evaluation());
  }

  private static List<PcopEvent> history() {
    SplittableRandom random = new SplittableRandom(7);
    List<Integer> choices = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      choices.add(random.nextInt(100_001));
    }
    return RandomHistory.of(choices);
  }
}
