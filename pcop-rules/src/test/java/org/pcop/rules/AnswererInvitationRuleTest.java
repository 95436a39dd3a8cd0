package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.AnswererInvitationRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;

/**
 * The answerer-invitation policy: a number of answerers from 1 to 10, at most one policy per
 * community in a set, off in the default rules, and no result of its own in an evaluation.
 */
class AnswererInvitationRuleTest {
  private static org.pcop.rules.definition.ImmutableAnswererInvitationRule.Builder invite(String id, CommunityId community) {
    return AnswererInvitationRule.builder().id(RuleId.of(id)).community(community)
        .enabled(true);
  }

  @Test
  void theNumberOfAnswerersIsOneToTen() {
    assertEquals(10, invite("i", Scenario.PCOP).answerers(10).build().getAnswerers());
    for (int bad : new int[] {0, -1, 11}) {
      InvalidValueException e = assertThrows(InvalidValueException.class,
          () -> invite("i", Scenario.PCOP).answerers(bad).build());
      assertTrue(e.getMessage().contains("AnswererInvitationRule.answerers: must be 1 to 10, got "
          + bad), e.getMessage());
    }
  }

  @Test
  void aSetGivesEachCommunityAtMostOnePolicy() {
    CommunityId other = CommunityId.of("other");
    RuleSet set = RuleSet.builder().id("s").version(1)
        .addRule(invite("here", Scenario.PCOP).answerers(3).build())
        .addRule(invite("there", other).answerers(2).build()).build();
    assertEquals(Optional.of(RuleId.of("here")), AnswererInvitationRule.of(set, Scenario.PCOP)
        .map(AnswererInvitationRule::getId));
    assertEquals(Optional.empty(), AnswererInvitationRule.of(set, CommunityId.of("none")));
    RuleSet twice = RuleSet.builder().from(set)
        .addRule(invite("again", Scenario.PCOP).answerers(1).build()).build();
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> AnswererInvitationRule.of(twice, Scenario.PCOP));
    assertTrue(e.getMessage().contains("rule set s holds 2 answerer-invitation rules for"
        + " community " + Scenario.PCOP + " (here, again); keep one"), e.getMessage());
  }

  @Test
  void theDefaultRulesHoldThePolicySwitchedOff() {
    AnswererInvitationRule rule = AnswererInvitationRule.of(
        DefaultRules.forCommunity(Scenario.PCOP), Scenario.PCOP).orElseThrow();
    assertEquals(false, rule.isEnabled());
    assertEquals(3, rule.getAnswerers());
  }

  @Test
  void anEvaluationGivesThePolicyNoResult() {
    RuleSet set = RuleSet.builder().id("s").version(1)
        .addRule(invite("invite", Scenario.PCOP).answerers(3).build()).build();
    EngagementRecord record = EngagementRecord.of(Scenario.COMMUNITY);
    Evaluation evaluation = RuleEngine.evaluate(set, record, Instant.parse("2026-06-01T00:00:00Z"),
        UsFederalCalendar.instance());
    assertEquals(0, evaluation.results(RuleId.of("invite")).size());
  }
}
