package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.Window;

/**
 * Per-level policies, each alone at its edges: a level never demoted, a level's own demotion
 * fraction and grace period in place of the rule's, and cumulative levels; every decision is the
 * same in full and incremental evaluation, and the reason names the measures that decided it.
 */
class LevelPolicyTest {
  private static final Instant JOINED = Scenario.at("2025-06-02T09:00");
  /** Friday 2026-04-10; a 30-day window starts on 2026-03-12. */
  private static final Instant AS_OF = Scenario.at("2026-04-10T18:00");
  private static final MemberId DANA = MemberId.of("m-dana");

  private static Measure days(int n) {
    return Measure.distinctDays(Window.lastDays(30), n);
  }

  private static Measure presented(int n) {
    return Measure.participations(Window.lastDays(30), n, ParticipationKind.PRESENTED);
  }

  /** Dana holds {@code level} since {@code since} and took part on {@code days} days. */
  private static Consumer<Scenario> history(String level, String since, int days,
      int presentations) {
    return s -> {
      if (level != null) {
        s.levelChanged("m-dana", null, level, Scenario.at(since + "T09:00"));
      }
      for (int i = 0; i < Math.max(days, presentations); i++) {
        Instant at = Scenario.at("2026-03-20T10:00").plusSeconds(86_400L * i);
        s.activity("w-" + i, ActivityKind.WEBINAR, at, null);
        s.took("m-dana", "w-" + i, i < presentations ? ParticipationKind.PRESENTED
            : ParticipationKind.ATTENDED, at);
      }
    };
  }

  private static RuleResult result(org.pcop.rules.definition.ImmutableEngagementLevelRule.Builder rule, Consumer<Scenario> history) {
    RuleSet rules = RuleSet.builder().id("policies").version(1)
        .addRule(rule.id(RuleId.of("levels")).community(Scenario.PCOP).build()).build();
    Scenario s = new Scenario().localAgency("a-kc", null, JOINED)
        .member("m-dana", "a-kc", JOINED)
        .membership("m-dana", MembershipRole.MEMBER, MembershipStatus.ACTIVE, JOINED);
    history.accept(s);
    RuleResult full = RuleEngine.evaluate(rules, s.record, AS_OF, UsFederalCalendar.instance())
        .results(Subject.membership(DANA, Scenario.PCOP)).get(0);
    Scenario replay = new Scenario();
    IncrementalEvaluator incremental = IncrementalEvaluator.start(rules, replay.record, AS_OF,
        UsFederalCalendar.instance());
    s.log.forEach(incremental::apply);
    assertEquals(Optional.of(full), incremental.result(RuleId.of("levels"),
        Subject.membership(DANA, Scenario.PCOP)));
    assertEquals(full.getExplanation().getText(), incremental.result(RuleId.of("levels"),
        Subject.membership(DANA, Scenario.PCOP)).get().getExplanation().getText());
    return full;
  }

  /** The level after evaluation: the change's target, else the level held. */
  private static String after(RuleResult result, String held) {
    return result.findings(LevelChange.class).stream().findFirst()
        .map(c -> c.getTo().orElse("none")).orElse(held);
  }

  @Test
  void aLevelNeverDemotedIsKeptWithNothingMet() {
    var rule = EngagementLevelRule.builder()
        .addLevel(Level.builder().name("member").addRequirements(days(2)).neverDemoted(true)
            .build());
    RuleResult kept = result(rule, history("member", "2026-01-05", 0, 0));
    assertEquals("member", after(kept, "member"));
    assertTrue(kept.getExplanation().getText().contains("kept at member: the level is never"
        + " demoted"), kept.getExplanation().getText());
    assertTrue(kept.getExplanation().getText().contains("member: at least 2 distinct days of"
        + " participation over 30 days is 0, below 1.8 (90% of 2)"),
        kept.getExplanation().getText());
    var plain = EngagementLevelRule.builder().addLevel(Level.of("member", days(2)));
    assertEquals("none", after(result(plain, history("member", "2026-01-05", 0, 0)), "member"));
  }

  @Test
  void aHigherLevelFallsToTheLevelNeverDemotedNotBelow() {
    var rule = EngagementLevelRule.builder()
        .addLevel(Level.of("basic", days(1)))
        .addLevel(Level.builder().name("member").addRequirements(days(2)).neverDemoted(true)
            .build())
        .addLevel(Level.of("leader", days(3), presented(2)));
    RuleResult fell = result(rule, history("leader", "2026-01-05", 0, 0));
    assertEquals("member", after(fell, "leader"));
    String reason = fell.findings(LevelChange.class).get(0).getReason();
    assertTrue(reason.startsWith("demoted to member from leader (member is never demoted)"),
        reason);
    assertTrue(reason.contains("leader: at least 2 presented participations over 30 days is 0"),
        reason);
  }

  @Test
  void aLevelsOwnDemotionFractionReplacesTheRules() {
    // 4 days of a threshold of 5: 80%. The rule's 90% demotes; the level's 75% keeps.
    var rules = EngagementLevelRule.builder().demotionFraction(0.9)
        .addLevel(Level.of("member", days(5)));
    assertEquals("none", after(result(rules, history("member", "2026-01-05", 4, 0)), "member"));
    var levels = EngagementLevelRule.builder().demotionFraction(0.9)
        .addLevel(Level.builder().name("member").addRequirements(days(5)).demotionFraction(0.75)
            .build());
    assertEquals("member", after(result(levels, history("member", "2026-01-05", 4, 0)),
        "member"));
    var edge = EngagementLevelRule.builder().demotionFraction(0.9)
        .addLevel(Level.builder().name("member").addRequirements(days(5)).demotionFraction(0.8)
            .build());
    assertEquals("member", after(result(edge, history("member", "2026-01-05", 4, 0)),
        "member"));
  }

  @Test
  void aLevelsOwnGracePeriodReplacesTheRules() {
    // Promoted on 2026-03-27: 14 days of grace last until 2026-04-10 09:00, before the as-of.
    var fourteen = EngagementLevelRule.builder().graceDays(30)
        .addLevel(Level.builder().name("member").addRequirements(days(5)).graceDays(14)
            .build());
    assertEquals("none", after(result(fourteen, history("member", "2026-03-27", 0, 0)),
        "member"));
    var fifteen = EngagementLevelRule.builder().graceDays(0)
        .addLevel(Level.builder().name("member").addRequirements(days(5)).graceDays(15)
            .build());
    RuleResult kept = result(fifteen, history("member", "2026-03-27", 0, 0));
    assertEquals("member", after(kept, "member"));
    assertTrue(kept.getExplanation().getText().contains("within the grace period until"
        + " 2026-04-11"), kept.getExplanation().getText());
  }

  @Test
  void cumulativeLevelsHoldOnlyWithEveryLevelBelow() {
    // Two presentations and one day: the upper level's own requirement holds, the lower's not.
    var separate = EngagementLevelRule.builder()
        .addLevel(Level.of("regular", days(3)))
        .addLevel(Level.of("speaker", presented(2)));
    assertEquals("speaker", after(result(separate, history(null, null, 2, 2)), "none"));
    var cumulative = EngagementLevelRule.builder().cumulative(true)
        .addLevel(Level.of("regular", days(3)))
        .addLevel(Level.of("speaker", presented(2)));
    assertEquals("none", after(result(cumulative, history(null, null, 2, 2)), "none"));
    assertEquals("speaker", after(result(cumulative, history(null, null, 3, 2)), "none"));
  }

  @Test
  void aLevelsPoliciesAreChecked() {
    InvalidValueException fraction = assertThrows(InvalidValueException.class,
        () -> Level.builder().name("x").demotionFraction(1.5).build());
    assertTrue(fraction.getMessage().contains("demotionFraction"), fraction.getMessage());
    InvalidValueException grace = assertThrows(InvalidValueException.class,
        () -> Level.builder().name("x").graceDays(-1).build());
    assertTrue(grace.getMessage().contains("graceDays"), grace.getMessage());
  }
}
