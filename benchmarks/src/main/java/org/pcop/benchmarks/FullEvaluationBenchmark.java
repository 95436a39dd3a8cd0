package org.pcop.benchmarks;

import java.util.Arrays;
import java.util.List;
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
import org.pcop.rules.DefaultRules;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.Evaluation;
import org.pcop.rules.LevelChange;
import org.pcop.rules.RuleEngine;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.RuleSet;

/**
 * Full evaluation of the default rule set (all seven families) over a streamed history, beside
 * the hand-written single pass over the same stream, and beside the engine evaluating only the
 * engagement-level rule (the requirements the hand-written pass computes). All include
 * generating the events.
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
   * rule alone and the hand-written pass put the same number of members at each level.
   *
   * @param history the history
   * @throws IllegalStateException if they disagree
   */
  void prepare(NationalCommunity history) {
    community = history;
    rules = DefaultRules.forCommunity(NationalCommunity.COMMUNITY.getId());
    levelsOnly = RuleSet.builder().from(rules).rules(rules.getRules().stream()
        .filter(rule -> rule instanceof EngagementLevelRule).toList()).build();
    int[] engine = levelsOf(rulesEngine());
    int[] alone = levelsOf(rulesEngineLevelsOnly());
    int[] hand = handWritten();
    if (!Arrays.equals(engine, hand) || !Arrays.equals(engine, alone)) {
      throw new IllegalStateException("the engine puts " + Arrays.toString(engine)
          + " members at the levels active, contributor, mentor; the level rule alone "
          + Arrays.toString(alone) + "; the hand-written pass " + Arrays.toString(hand));
    }
  }

  /**
   * How many members an evaluation puts at each default level, lowest first.
   *
   * @param evaluation the evaluation of a history without recorded levels
   * @return members per level
   */
  static int[] levelsOf(Evaluation evaluation) {
    List<String> names = List.of("active", "contributor", "mentor");
    int[] levels = new int[names.size()];
    for (LevelChange change : evaluation.findings(LevelChange.class)) {
      change.getTo().ifPresent(level -> levels[names.indexOf(level)]++);
    }
    return levels;
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
   * The same level requirements in a hand-written single pass.
   *
   * @return members per level
   */
  @Benchmark
  public int[] handWritten() {
    return HandWrittenPass.levels(community, community.end(),
        NationalCommunity.COMMUNITY.getTimeZone(), community.members());
  }
}
