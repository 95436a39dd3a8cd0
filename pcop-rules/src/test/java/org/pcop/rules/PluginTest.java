package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.CustomRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.spi.RuleKind;
import org.pcop.rules.spi.RuleKindRegistry;

/** Custom rule kinds: registered explicitly, evaluated like built-in ones, failures contained. */
class PluginTest {
  private static final Instant T = Scenario.at("2026-01-05T09:00");
  private static final RuleSet RULES = RuleSet.builder().id("custom").version(1)
      .addRule(CustomRule.builder().id(RuleId.of("three-members")).community(Scenario.PCOP)
          .kind("minimum-members").putParameter("min", "3").build())
      .build();

  private static Scenario twoActive() {
    return new Scenario()
        .membership("m-1", MembershipRole.MEMBER, MembershipStatus.ACTIVE, T)
        .membership("m-2", MembershipRole.MEMBER, MembershipStatus.ACTIVE, T);
  }

  @Test
  void aRegisteredPluginEvaluatesItsRules() {
    RuleKindRegistry kinds = RuleKindRegistry.builtIn().with(new SampleMinimumMembersKind());
    Scenario s = twoActive();
    IncrementalEvaluator evaluator = IncrementalEvaluator.start(RULES, s.record, T,
        UsFederalCalendar.instance(), kinds);
    assertEquals(Outcome.FAILED, evaluator.evaluation().getResults().get(0).getOutcome());
    evaluator.apply(org.pcop.model.event.MembershipChanged.builder().eventId(s.nextId())
        .actor(Scenario.SYSTEM).occurredAt(T).member(org.pcop.model.MemberId.of("m-3"))
        .community(Scenario.PCOP).role(MembershipRole.MEMBER).status(MembershipStatus.ACTIVE)
        .build());
    RuleResult result = evaluator.evaluation().getResults().get(0);
    assertEquals(Outcome.PASSED, result.getOutcome(), result.getExplanation().render());
    assertEquals("at least 3 active members", result.getExplanation().getThreshold()
        .orElseThrow());
  }

  @Test
  void incrementalAndFullAgreeForAPlugin() {
    RuleKindRegistry kinds = RuleKindRegistry.builtIn().with(new SampleMinimumMembersKind());
    Scenario s = twoActive();
    IncrementalEvaluator evaluator = IncrementalEvaluator.start(RULES,
        EngagementRecord.of(Scenario.COMMUNITY), T, UsFederalCalendar.instance(), kinds);
    s.membership("m-3", MembershipRole.MEMBER, MembershipStatus.ACTIVE, T);
    s.log.forEach(evaluator::apply);
    Evaluation full = RuleEngine.evaluate(RULES, s.record, T, UsFederalCalendar.instance(),
        kinds);
    assertEquals(full, evaluator.evaluation());
    assertEquals(Outcome.PASSED, full.getResults().get(0).getOutcome());
  }

  @Test
  void withoutThePluginTheRuleIsIndeterminateAndSaysWhatIsInstalled() {
    RuleResult result = RuleEngine.evaluate(RULES, twoActive().record, T,
        UsFederalCalendar.instance()).getResults().get(0);
    assertEquals(Outcome.INDETERMINATE, result.getOutcome());
    assertEquals("no rule kind 'minimum-members' is installed; installed kinds:"
        + " [answerer-invitation, coverage, dormancy, eligibility, engagement-level,"
        + " exchange-policy, points, recommendation, service-level]",
        result.getExplanation().getText());
  }

  @Test
  void aKindNameCannotBeTakenTwice() {
    RuleKindRegistry kinds = RuleKindRegistry.builtIn().with(new SampleMinimumMembersKind());
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> kinds.with(new SampleMinimumMembersKind()));
    assertTrue(e.getMessage().contains("the kind 'minimum-members' of"
        + " org.pcop.rules.SampleMinimumMembersKind is already taken"), e.getMessage());
  }

  @Test
  void aFailingPluginGivesAnIndeterminateResultNotAnException() {
    RuleKind broken = new RuleKind() {
      @Override
      public String kind() {
        return "minimum-members";
      }

      @Override
      public SortedSet<Subject> subjects(Rule rule, EvaluationContext context) {
        return new java.util.TreeSet<>(java.util.Set.of(Subject.community(rule.getCommunity())));
      }

      @Override
      public Optional<RuleResult> evaluate(Rule rule, Subject subject,
          EvaluationContext context) {
        throw new IllegalStateException("database unavailable");
      }
    };
    RuleResult result = RuleEngine.evaluate(RULES, twoActive().record, T,
        UsFederalCalendar.instance(), RuleKindRegistry.builtIn().with(broken))
        .getResults().get(0);
    assertEquals(Outcome.INDETERMINATE, result.getOutcome());
    assertTrue(result.getExplanation().getText().contains("failed:"
        + " java.lang.IllegalStateException: database unavailable"),
        result.getExplanation().getText());
  }

  @Test
  void serviceLoaderDiscoveryWithoutPluginsGivesTheBuiltInKinds() {
    RuleKindRegistry installed = RuleKindRegistry.installed(ModuleLayer.boot());
    assertEquals(RuleKindRegistry.builtIn().names(), installed.names());
    assertEquals(List.of(), installed.problems());
  }
}
