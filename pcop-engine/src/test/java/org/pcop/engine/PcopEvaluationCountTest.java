package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pcop.engine.World.COMMUNITY;
import static org.pcop.engine.World.PCOP;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.Explanation;
import org.pcop.rules.Outcome;
import org.pcop.rules.RuleResult;
import org.pcop.rules.Subject;
import org.pcop.rules.definition.CustomRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.spi.RuleKind;
import org.pcop.rules.spi.RuleKindRegistry;

/**
 * An evaluation is one full evaluation as of the clock's instant, the first one too: the engine
 * used to start its evaluator as of one reading of the clock and then move it to another, which
 * evaluated every rule twice and, for kinds that keep aggregates per instant, built them twice.
 * And nothing of an evaluation is kept: the engine used to keep its evaluator, which held every
 * result and the kinds' aggregates and re-evaluated the subjects of every later event, although
 * the next evaluation, as of a later instant, evaluated everything again.
 */
class PcopEvaluationCountTest {
  /** Lists the community as its only subject and notes each instant it was listed as of. */
  private static final class CountingKind implements RuleKind {
    final List<Instant> listed = new ArrayList<>();
    int asked;

    @Override
    public Optional<SortedSet<Subject>> affected(Rule rule, org.pcop.rules.RecordChange change,
        EvaluationContext context) {
      asked++;
      return Optional.of(new TreeSet<>());
    }

    @Override
    public String kind() {
      return "acme-counting";
    }

    @Override
    public SortedSet<Subject> subjects(Rule rule, EvaluationContext context) {
      listed.add(context.asOf());
      return new TreeSet<>(List.of(Subject.community(rule.getCommunity())));
    }

    @Override
    public Optional<RuleResult> evaluate(Rule rule, Subject subject,
        EvaluationContext context) {
      return Optional.of(RuleResult.builder().rule(rule.getId()).kind(kind()).subject(subject)
          .explanation(Explanation.builder().outcome(Outcome.PASSED).text("counted").build())
          .build());
    }
  }

  /** A clock a second later at every reading. */
  private static final class TickingClock extends Clock {
    private Instant now = World.NOW;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public synchronized Instant instant() {
      now = now.plusSeconds(1);
      return now;
    }
  }

  @Test
  void eachEvaluationEvaluatesOnceAsOfTheInstantItAnswersFor() {
    CountingKind counting = new CountingKind();
    RuleSet rules = RuleSet.builder().id("counting").version(1).addRule(CustomRule.builder()
        .id(RuleId.of("counted")).community(PCOP).kind("acme-counting").build()).build();
    World world = new World();
    try (Pcop pcop = Pcop.builder().store(world.store).community(COMMUNITY)
        .clock(new TickingClock()).rules(rules)
        .ruleKinds(RuleKindRegistry.builtIn().with(counting)).identities(world.identities)
        .access(world.access).audit(world.audit).notifications(world.sink).build()) {
      assertEquals(List.of(), counting.listed, "nothing is evaluated before it is asked for");
      Instant first = pcop.evaluation().getAsOf();
      assertEquals(List.of(first), counting.listed, "the first evaluation");
      Instant second = pcop.evaluation().getAsOf();
      assertEquals(List.of(first, second), counting.listed, "the second evaluation");
      world.populate(pcop);
      assertEquals(0, counting.asked, "events after an evaluation are applied to the record"
          + " alone: no evaluator is kept to re-evaluate their subjects");
      Instant third = pcop.evaluation().getAsOf();
      assertEquals(List.of(first, second, third), counting.listed, "the third evaluation");
    }
  }
}
