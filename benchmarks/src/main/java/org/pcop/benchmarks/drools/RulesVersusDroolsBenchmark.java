package org.pcop.benchmarks.drools;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.Evaluation;
import org.pcop.rules.RuleEngine;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.RuleSet;

/**
 * Full evaluation of the engagement-level and service-level rules over the generated national
 * community: pcop-rules (the history applied to an engagement record, then evaluated) beside
 * Drools (the history turned into facts in a new session, then fired). Both include generating
 * the events; the Drools rule base is compiled once, outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--add-modules", "jdk.unsupported"})
public class RulesVersusDroolsBenchmark {
  /** Events in the history. */
  @Param({"100000", "1000000"})
  public long history;

  private NationalCommunity community;
  private RuleSet rules;
  private DroolsRuleBase drools;

  /**
   * Prepares the history and both rule sets, and checks once that both engines give the same
   * levels and breaches.
   *
   * @throws IllegalStateException if they disagree
   */
  @Setup
  public void setUp() {
    community = NationalCommunity.national(history);
    rules = ComparedRules.forCommunity(NationalCommunity.COMMUNITY.getId());
    drools = DroolsRuleBase.compile();
    Evaluation evaluation = pcopRules();
    Map<String, String> pcopLevels = ComparedRules.levels(evaluation);
    try (DroolsSession session = evaluate()) {
      if (!pcopLevels.equals(session.levels())
          || !ComparedRules.breaches(evaluation).equals(session.breaches())) {
        throw new IllegalStateException("pcop-rules and Drools disagree on " + history
            + " events: " + pcopLevels.size() + " against " + session.levels().size()
            + " members at a level");
      }
    }
  }

  private DroolsSession evaluate() {
    return DroolsSession.evaluate(drools, community, community.end(),
        NationalCommunity.COMMUNITY.getTimeZone());
  }

  /**
   * pcop-rules: streams the history through an engagement record and evaluates the rules.
   *
   * @return the evaluation
   */
  @Benchmark
  public Evaluation pcopRules() {
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    record.applyAll(community);
    return RuleEngine.evaluate(rules, record, community.end(), UsFederalCalendar.instance());
  }

  /**
   * Drools: streams the history into a new session as facts and fires the rules.
   *
   * @return the levels the rules gave
   */
  @Benchmark
  public Map<String, String> drools() {
    try (DroolsSession session = evaluate()) {
      return session.levels();
    }
  }
}
