package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.RecommendationRule;
import org.pcop.rules.spi.RuleKindRegistry;

/**
 * The default rule set covers every built-in family but recommendation (the invitation policy is
 * there, switched off), and evaluates a community without trouble.
 */
class DefaultRulesTest {
  @Test
  void coversEveryBuiltInFamily() {
    RuleSet rules = DefaultRules.forCommunity(Scenario.PCOP);
    Set<String> kinds = new TreeSet<>();
    rules.getRules().forEach(r -> kinds.add(r.kind()));
    Set<String> judging = new TreeSet<>(RuleKindRegistry.builtIn().names());
    // The recommendation rule judges no one; without it suggestions use the default weights.
    judging.remove(RecommendationRule.KIND);
    assertEquals(judging, kinds);
    assertEquals(DefaultRules.ID, rules.getId());
    for (Rule rule : rules.getRules()) {
      assertEquals(Scenario.PCOP, rule.getCommunity());
    }
  }

  @Test
  void evaluatesARandomHistoryWithoutIndeterminateResultsFromMissingPlugins() {
    List<PcopEvent> log = RandomHistory.of(java.util.stream.IntStream.range(0, 300)
        .map(i -> (i * 7919) % 100_000).boxed().toList());
    EngagementRecord record = EngagementRecord.of(Scenario.COMMUNITY);
    log.forEach(record::apply);
    Instant asOf = RandomHistory.START.plusSeconds(120L * 86_400);
    Evaluation evaluation = RuleEngine.evaluate(DefaultRules.forCommunity(Scenario.PCOP),
        record, asOf, UsFederalCalendar.instance());
    Set<String> kindsWithResults = new TreeSet<>();
    for (RuleResult result : evaluation.getResults()) {
      kindsWithResults.add(result.getKind());
      assertTrue(!result.getExplanation().getText().contains("no rule kind"), result.toString());
    }
    assertTrue(kindsWithResults.size() >= 5, "results from " + kindsWithResults);
  }

  @Test
  void aSuspendedMemberHoldsNoDefaultLevel() {
    Instant joined = Scenario.at("2025-06-02T09:00");
    java.util.function.Function<Boolean, Scenario> history = suspend -> {
      Scenario s = new Scenario().taxonomy(joined).twoSites(joined)
          .member("m-dana", "a-kc", joined)
          .membership("m-dana", org.pcop.model.MembershipRole.MEMBER,
              org.pcop.model.MembershipStatus.ACTIVE, joined)
          .levelChanged("m-dana", null, "active", Scenario.at("2025-09-01T18:00"));
      for (int i = 0; i < 3; i++) {
        Instant at = Scenario.at("2026-03-0" + (2 + i) + "T10:00");
        s.activity("call-" + i, org.pcop.model.activity.ActivityKind.MEETING, at, "s-kc")
            .attended("m-dana", "call-" + i, at);
      }
      if (suspend) {
        s.suspended("m-dana", org.pcop.model.MembershipRole.MEMBER, "2026-04-30",
            Scenario.at("2026-03-20T10:00"));
      }
      return s;
    };
    Instant asOf = Scenario.at("2026-03-31T18:00");
    Subject dana = Subject.membership(org.pcop.model.MemberId.of("m-dana"), Scenario.PCOP);
    RuleResult kept = RuleEngine.evaluate(DefaultRules.forCommunity(Scenario.PCOP),
        history.apply(false).record, asOf, UsFederalCalendar.instance()).results(dana).stream()
        .filter(r -> r.getRule().value().equals("levels")).findFirst().orElseThrow();
    assertTrue(kept.findings(LevelChange.class).isEmpty(), kept.toString());
    RuleResult suspended = RuleEngine.evaluate(DefaultRules.forCommunity(Scenario.PCOP),
        history.apply(true).record, asOf, UsFederalCalendar.instance()).results(dana).stream()
        .filter(r -> r.getRule().value().equals("levels")).findFirst().orElseThrow();
    LevelChange change = suspended.findings(LevelChange.class).get(0);
    assertEquals(java.util.Optional.empty(), change.getTo());
    assertTrue(change.getReason().contains("not suspended"), change.getReason());
  }

  /**
   * A member whose answers three askers accepted, who answered on five days, whose agency hosted
   * an exchange and who came to half the community calls reaches the default steward level; one
   * upheld conduct flag in the year keeps them from it, and the explanation says so.
   */
  @Test
  void theDefaultStewardLevelReadsAnswersExchangesCallsAndFlags() {
    Instant joined = Scenario.at("2025-06-02T09:00");
    java.util.function.Function<Boolean, Scenario> history = flagged -> {
      Scenario s = new Scenario().taxonomy(joined).twoSites(joined)
          .member("m-sam", "a-kc", joined)
          .membership("m-sam", org.pcop.model.MembershipRole.MEMBER,
              org.pcop.model.MembershipStatus.ACTIVE, joined);
      for (int a = 1; a <= 3; a++) {
        s.member("m-ask" + a, "a-mem", joined).membership("m-ask" + a,
            org.pcop.model.MembershipRole.MEMBER, org.pcop.model.MembershipStatus.ACTIVE, joined);
      }
      for (int d = 0; d < 5; d++) {
        Instant posted = Scenario.at("2026-03-0" + (2 + d) + "T09:00");
        String asker = "m-ask" + (1 + d % 3);
        s.rfi("rfi-" + d, asker, "gun-violence.nibin", posted)
            .answered("rfi-" + d, "r-" + d, "m-sam", posted.plusSeconds(3600));
        if (d < 3) {
          s.accepted("rfi-" + d, "r-" + d, asker, posted.plusSeconds(7200));
        }
      }
      s.heldExchange("x-1", "a-kc", "s-kc", java.time.LocalDate.of(2026, 2, 10), null, "a-mem");
      for (int c = 0; c < 4; c++) {
        Instant at = Scenario.at(java.time.LocalDate.of(2026, 3, 11).plusDays(7L * c)
            + "T12:00");
        s.seriesActivity("call-" + c, org.pcop.model.activity.ActivityKind.MEETING,
            DefaultRules.COMMUNITY_CALL, at, "s-kc");
        if (c % 2 == 0) {
          s.attended("m-sam", "call-" + c, at);
        }
      }
      if (flagged) {
        s.flag("m-sam", org.pcop.model.event.ConductFlagStatus.UPHELD, Scenario.at("2026-01-15T10:00"));
      }
      return s;
    };
    Instant asOf = Scenario.at("2026-04-03T18:00");
    Subject sam = Subject.membership(org.pcop.model.MemberId.of("m-sam"), Scenario.PCOP);
    java.util.function.Function<Boolean, RuleResult> levels = flagged -> RuleEngine.evaluate(
        DefaultRules.forCommunity(Scenario.PCOP), history.apply(flagged).record, asOf,
        UsFederalCalendar.instance()).results(sam).stream()
        .filter(r -> r.getRule().value().equals("levels")).findFirst().orElseThrow();
    RuleResult steward = levels.apply(false);
    assertEquals(java.util.Optional.of("steward"), steward.findings(LevelChange.class).get(0)
        .getTo(), steward.toString());
    RuleResult flagged = levels.apply(true);
    assertTrue(flagged.findings(LevelChange.class).stream()
        .noneMatch(c -> c.getTo().equals(java.util.Optional.of("steward"))), flagged.toString());
    assertTrue(flagged.getExplanation().getText().contains(
        "steward needs at most 0 upheld conduct flags, has 1"), flagged.toString());
  }
}
