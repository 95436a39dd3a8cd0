package org.pcop.benchmarks.drools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pcop.benchmarks.HandWrittenPass;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.benchmarks.TightPass;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.Evaluation;
import org.pcop.rules.RuleEngine;
import org.pcop.rules.calendar.UsFederalCalendar;

/**
 * Every side of the rules benchmarks gives the tight hand-written pass's answers on a full-mix
 * history: pcop-rules, Drools and the usual hand-written pass put each member at the same level
 * and report each breach the same (subject, obligation, due instant, lateness, outstanding).
 */
class FloorAgreementTest {
  private static final NationalCommunity COMMUNITY = NationalCommunity.of(6, 40, 200, 900, 60_000);
  private static List<PcopEvent> history;
  private static Instant end;
  private static TightPass.Result floor;

  @BeforeAll
  static void evaluateTheFloor() {
    end = COMMUNITY.end();
    history = new ArrayList<>();
    COMMUNITY.forEach(history::add);
    floor = TightPass.evaluate(history, end, NationalCommunity.COMMUNITY.getTimeZone());
  }

  @Test
  void the_history_gives_every_answer_something_to_check() {
    Map<String, Long> perLevel = perLevel(floor.levels());
    assertEquals(Set.copyOf(LevelOf.LEVELS), perLevel.keySet(), "every level is reached: "
        + perLevel);
    Map<String, Long> perObligation = floor.breaches().stream()
        .collect(Collectors.groupingBy(b -> b.obligation() + (b.outstanding() ? ", outstanding"
            : ", late"), TreeMap::new, Collectors.counting()));
    assertEquals(Set.of("first response, late", "first response, outstanding",
        "approval by both parties, late", "follow-up report, late",
        "follow-up report, outstanding"), perObligation.keySet().stream()
            .filter(k -> !k.equals("approval by both parties, outstanding"))
            .collect(Collectors.toSet()), "breaches of every kind: " + perObligation);
    assertTrue(history.stream().anyMatch(e -> e instanceof EngagementLevelChanged),
        "levels are recorded, so hysteresis and grace are in play");
  }

  @Test
  void pcop_rules_agrees_per_level_and_per_breach() {
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    record.applyAll(history);
    Evaluation evaluation = RuleEngine.evaluate(ComparedRules.forCommunity(
        NationalCommunity.COMMUNITY.getId()), record, end, UsFederalCalendar.instance());
    agree(ComparedRules.levels(evaluation, record), ComparedRules.breaches(evaluation));
  }

  @Test
  void drools_agrees_per_level_and_per_breach() {
    try (DroolsSession drools = DroolsSession.evaluate(DroolsRuleBase.compile(), history, end,
        NationalCommunity.COMMUNITY.getTimeZone())) {
      agree(drools.levels(), drools.breaches());
    }
  }

  @Test
  void the_usual_hand_written_pass_agrees_per_level_and_per_breach() {
    HandWrittenPass.Answers hand = HandWrittenPass.evaluate(history, end,
        NationalCommunity.COMMUNITY.getTimeZone(), COMMUNITY.members());
    agree(hand.levels(), hand.breaches());
    assertEquals(List.of(floor.perLevel()[0], floor.perLevel()[1], floor.perLevel()[2]),
        List.of(hand.perLevel()[0], hand.perLevel()[1], hand.perLevel()[2]));
  }

  private static void agree(Map<String, String> levels, Set<Breach> breaches) {
    assertEquals(perLevel(floor.levels()), perLevel(levels), "members per level");
    assertEquals(floor.levels(), levels, "the level of each member");
    assertEquals(perObligation(floor.breaches()), perObligation(breaches),
        "breaches per obligation");
    assertEquals(floor.breaches(), breaches, "each breach");
  }

  private static Map<String, Long> perLevel(Map<String, String> levels) {
    return levels.values().stream()
        .collect(Collectors.groupingBy(l -> l, TreeMap::new, Collectors.counting()));
  }

  private static Map<String, Long> perObligation(Set<Breach> breaches) {
    return breaches.stream()
        .collect(Collectors.groupingBy(Breach::obligation, TreeMap::new, Collectors.counting()));
  }
}
