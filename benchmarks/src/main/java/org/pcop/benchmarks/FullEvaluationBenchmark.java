package org.pcop.benchmarks;

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
import org.pcop.benchmarks.drools.ComparedRules;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.Evaluation;
import org.pcop.rules.RuleEngine;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.RuleSet;

/**
 * Full evaluation of the rule set the peers restate ({@link PeerRules}: the default rule set, all
 * seven families, with the levels the peers restate) over a streamed history, beside
 * the two hand-written single passes over the same stream (the usual one and the tight one, which
 * also time the service levels), and beside the engine evaluating only the engagement-level rule.
 * All include generating the events.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "--add-modules", "jdk.unsupported"})
public class FullEvaluationBenchmark {
  /** Events in the history. */
  @Param({"100000", "5000000"})
  public long history;

  private NationalCommunity community;
  private RuleSet rules;
  private RuleSet levelsOnly;

  /**
   * Prepares the national history of {@link #history} events; see {@link #prepare}.
   *
   * @throws IllegalStateException if the three sides disagree
   */
  @Setup
  public void setUp() {
    prepare(NationalCommunity.national(history));
  }

  /**
   * Prepares a history and the rule sets, and checks once that the whole rule set, the level
   * rule alone and both hand-written passes put the same members at the same levels.
   *
   * @param history the history
   * @throws IllegalStateException if they disagree
   */
  void prepare(NationalCommunity history) {
    community = history;
    rules = PeerRules.forCommunity(NationalCommunity.COMMUNITY.getId());
    levelsOnly = RuleSet.builder().from(rules).rules(rules.getRules().stream()
        .filter(rule -> rule instanceof EngagementLevelRule).toList()).build();
    Map<String, String> engine = levelsOf(rules);
    Map<String, String> alone = levelsOf(levelsOnly);
    Map<String, String> hand = handWritten().levels();
    Map<String, String> tight = tightPass().levels();
    if (!engine.equals(hand) || !engine.equals(alone) || !engine.equals(tight)) {
      throw new IllegalStateException("the engine puts " + engine.size()
          + " members at a level; the level rule alone " + alone.size()
          + "; the hand-written pass " + hand.size() + "; the tight pass " + tight.size());
    }
  }

  /**
   * The level of each member after evaluating {@code ruleSet} over the history.
   *
   * @param ruleSet the rules
   * @return level name by member id
   */
  Map<String, String> levelsOf(RuleSet ruleSet) {
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    record.applyAll(community);
    Evaluation evaluation = RuleEngine.evaluate(ruleSet, record, community.end(),
        UsFederalCalendar.instance());
    return ComparedRules.levels(evaluation, record);
  }

  /**
   * Streams the history through the engagement record and evaluates every rule.
   *
   * @return the evaluation
   */
  @Benchmark
  public Evaluation rulesEngine() {
    return loadAndEvaluate(rules);
  }

  /**
   * The same streaming and record, evaluating the engagement-level rule alone: the work the
   * hand-written pass does, through the engine.
   *
   * @return the evaluation
   */
  @Benchmark
  public Evaluation rulesEngineLevelsOnly() {
    return loadAndEvaluate(levelsOnly);
  }

  private Evaluation loadAndEvaluate(RuleSet ruleSet) {
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    record.applyAll(community);
    return RuleEngine.evaluate(ruleSet, record, community.end(), UsFederalCalendar.instance());
  }

  /**
   * The same levels (and the service levels) in the usual hand-written single pass.
   *
   * @return the levels and breaches
   */
  @Benchmark
  public HandWrittenPass.Answers handWritten() {
    return HandWrittenPass.evaluate(community, community.end(),
        NationalCommunity.COMMUNITY.getTimeZone(), community.members());
  }

  /**
   * The same levels (and the service levels) in the tight single pass.
   *
   * @return the levels and breaches
   */
  @Benchmark
  public TightPass.Result tightPass() {
    return TightPass.evaluate(community, community.end(),
        NationalCommunity.COMMUNITY.getTimeZone());
  }
}
