package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.MissingValueException;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.CustomRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.spi.RuleKind;
import org.pcop.rules.spi.RuleKindRegistry;

/**
 * Explanations written on first read: equal to built ones that read the same, written once,
 * safe to read from several threads, and what the built-in kinds give for members.
 */
class DeferredExplanationTest {
  private static final Instant T = Scenario.at("2026-01-05T09:00");

  private static ImmutableExplanation built() {
    return Explanation.builder().outcome(Outcome.FAILED).text("too few")
        .addFact(Fact.of("calls", 3)).addFact(Fact.of("days", 1)).threshold("at least 5")
        .window("last 30 days").build();
  }

  @Test
  void aDeferredExplanationEqualsABuiltOneThatReadsTheSame() {
    ImmutableExplanation deferred = Explanation.deferred(Outcome.FAILED,
        DeferredExplanationTest::built);
    ImmutableExplanation built = built();
    assertEquals(built, deferred);
    assertEquals(deferred, built);
    assertEquals(built.hashCode(), deferred.hashCode());
    assertEquals(built.toString(), deferred.toString());
    assertEquals(built.render(), deferred.render());
    assertEquals(List.of(Fact.of("calls", 3), Fact.of("days", 1)), deferred.getFacts());
    assertEquals(Optional.of("at least 5"), deferred.getThreshold());
    assertEquals(Optional.of("last 30 days"), deferred.getWindow());
    assertNotEquals(built.withText("other"), deferred);
    assertNotEquals(deferred, Explanation.deferred(Outcome.PASSED,
        () -> built().withOutcome(Outcome.PASSED)));
  }

  @Test
  void theRenderRunsOnFirstReadOnly() {
    AtomicInteger renders = new AtomicInteger();
    ImmutableExplanation deferred = Explanation.deferred(Outcome.FAILED, () -> {
      renders.incrementAndGet();
      return built();
    });
    assertEquals(Outcome.FAILED, deferred.getOutcome());
    assertFalse(deferred.isWritten());
    assertEquals(0, renders.get());
    assertEquals("too few", deferred.getText());
    assertTrue(deferred.isWritten());
    deferred.getFacts();
    deferred.hashCode();
    deferred.toString();
    assertEquals(1, renders.get());
    assertTrue(built().isWritten());
  }

  @Test
  void copiesOfADeferredExplanationReadTheSame() {
    ImmutableExplanation deferred = Explanation.deferred(Outcome.FAILED,
        DeferredExplanationTest::built);
    assertSame(deferred, ImmutableExplanation.copyOf(deferred));
    assertEquals(built(), Explanation.builder().from(deferred).build());
    assertEquals(built().withText("changed"), deferred.withText("changed"));
    assertEquals(built().withOutcome(Outcome.PASSED), deferred.withOutcome(Outcome.PASSED));
  }

  @Test
  void nullsAreRefused() {
    assertThrows(MissingValueException.class, () -> Explanation.deferred(null,
        DeferredExplanationTest::built));
    assertThrows(MissingValueException.class, () -> Explanation.deferred(Outcome.FAILED,
        null));
    ImmutableExplanation nothing = Explanation.deferred(Outcome.FAILED, () -> null);
    assertEquals(Outcome.FAILED, nothing.getOutcome());
    assertThrows(MissingValueException.class, nothing::getText);
  }

  @Test
  void aRenderThatChangesTheOutcomeIsRefused() {
    ImmutableExplanation wrong = Explanation.deferred(Outcome.PASSED,
        DeferredExplanationTest::built);
    IllegalStateException e = assertThrows(IllegalStateException.class, wrong::getText);
    assertTrue(e.getMessage().contains("the outcome is PASSED but the render gave FAILED"),
        e.getMessage());
  }

  @Test
  void threadsReadingFirstAllSeeTheSameExplanation() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 50; round++) {
        ImmutableExplanation deferred = Explanation.deferred(Outcome.FAILED,
            DeferredExplanationTest::built);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> reads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int which = t;
          reads.add(pool.submit(() -> {
            start.await();
            return which % 2 == 0 ? deferred.render() : deferred.hashCode() + deferred.getText();
          }));
        }
        start.countDown();
        Set<String> seen = new HashSet<>();
        for (int t = 0; t < reads.size(); t++) {
          seen.add(t % 2 == 0 ? reads.get(t).get(10, TimeUnit.SECONDS)
              : reads.get(t).get(10, TimeUnit.SECONDS));
        }
        assertEquals(Set.of(built().render(), built().hashCode() + "too few"), seen);
        assertEquals(built(), deferred);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void memberResultsOfTheBuiltInKindsAreWrittenWhenRead() {
    Scenario s = new Scenario()
        .membership("m-1", MembershipRole.MEMBER, MembershipStatus.ACTIVE, T)
        .membership("m-2", MembershipRole.MEMBER, MembershipStatus.ACTIVE, T);
    s.activity("act-1", ActivityKind.MEETING, T.plusSeconds(3_600), null);
    s.took("m-1", "act-1", ParticipationKind.ATTENDED, T.plusSeconds(3_600));
    RuleSet rules = DefaultRules.forCommunity(Scenario.PCOP);
    Instant asOf = T.plusSeconds(86_400L * 200);
    Evaluation evaluation = RuleEngine.evaluate(rules, s.record, asOf,
        UsFederalCalendar.instance());
    Set<String> deferredRules = new HashSet<>();
    for (RuleResult result : evaluation.getResults()) {
      if (result.getSubject().kind() == SubjectKind.MEMBERSHIP
          && !((ImmutableExplanation) result.getExplanation()).isWritten()) {
        deferredRules.add(result.getRule().value());
      }
    }
    assertEquals(Set.of("levels", "points", "dormancy"), deferredRules);
    Evaluation again = RuleEngine.evaluate(rules, s.record, asOf,
        UsFederalCalendar.instance());
    assertEquals(again, evaluation);
    RuleResult dormancy = evaluation.results(RuleId.of("dormancy")).get(0);
    assertEquals(Outcome.FAILED, dormancy.getOutcome());
    assertEquals(1, dormancy.findings(DormancyNotice.class).size());
    assertTrue(dormancy.getExplanation().getText().startsWith("no participation for "),
        dormancy.getExplanation().getText());
    String points = evaluation.results(RuleId.of("points")).get(1).getExplanation().getText();
    assertTrue(points.matches("m-1 has [0-9.]+ points"), points);
  }

  @Test
  void serviceLevelResultsAreWrittenWhenReadAndTheirFindingsAreThereBefore() {
    List<Integer> choices = new ArrayList<>();
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    for (int i = 0; i < 150; i++) {
      choices.add(random.nextInt(100_001));
    }
    EngagementRecord record = EngagementRecord.of(Scenario.COMMUNITY);
    List<org.pcop.model.event.PcopEvent> log = RandomHistory.of(choices);
    log.forEach(record::apply);
    Instant asOf = RandomHistory.START.plusSeconds(86_400L * 40);
    Evaluation evaluation = RuleEngine.evaluate(IncrementalEvaluationPropertyTest.RULES, record,
        asOf, UsFederalCalendar.instance());
    int judged = 0;
    int breaches = 0;
    for (RuleResult result : evaluation.getResults()) {
      if (!result.getKind().equals("service-level")) {
        continue;
      }
      ImmutableExplanation explanation = (ImmutableExplanation) result.getExplanation();
      assertFalse(explanation.isWritten(), result.getRule() + " " + result.getSubject());
      breaches += result.findings(ServiceLevelBreach.class).size();
      assertEquals(!result.findings(ServiceLevelBreach.class).isEmpty(),
          result.getOutcome() == Outcome.FAILED, result.getSubject().toString());
      assertTrue(!explanation.getText().isEmpty() && !explanation.getFacts().isEmpty(),
          explanation.render());
      assertTrue(explanation.isWritten());
      judged++;
    }
    assertTrue(judged > 20 && breaches > 0, judged + " judged, " + breaches + " breaches");
    assertEquals(RuleEngine.evaluate(IncrementalEvaluationPropertyTest.RULES, record, asOf,
        UsFederalCalendar.instance()), evaluation);
  }

  @Test
  void resultsComeInSubjectOrderWhateverOrderAPluginGivesItsSubjects() {
    RuleKind reversed = new RuleKind() {
      @Override
      public String kind() {
        return "reversed";
      }

      @Override
      public SortedSet<Subject> subjects(Rule rule, EvaluationContext context) {
        SortedSet<Subject> subjects = new java.util.TreeSet<>(
            java.util.Comparator.<Subject>naturalOrder().reversed());
        for (int m = 1; m <= 3; m++) {
          subjects.add(Subject.membership(MemberId.of("m-" + m), rule.getCommunity()));
        }
        return subjects;
      }

      @Override
      public Optional<RuleResult> evaluate(Rule rule, Subject subject,
          EvaluationContext context) {
        return Optional.of(RuleResult.builder().rule(rule.getId()).kind(rule.kind())
            .subject(subject).explanation(Explanation.builder().outcome(Outcome.PASSED)
                .text("seen " + subject).build()).build());
      }
    };
    RuleSet rules = RuleSet.builder().id("custom").version(1)
        .addRule(CustomRule.builder().id(RuleId.of("r")).community(Scenario.PCOP)
            .kind("reversed").build())
        .build();
    Evaluation evaluation = RuleEngine.evaluate(rules, new Scenario().record, T,
        UsFederalCalendar.instance(), RuleKindRegistry.builtIn().with(reversed));
    List<String> subjects = new ArrayList<>();
    evaluation.getResults().forEach(r -> subjects.add(r.getSubject().id()));
    assertEquals(List.of("m-1@" + Scenario.PCOP.value(), "m-2@" + Scenario.PCOP.value(),
        "m-3@" + Scenario.PCOP.value()), subjects);
  }
}
