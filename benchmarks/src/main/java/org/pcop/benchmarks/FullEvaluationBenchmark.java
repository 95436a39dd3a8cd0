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
import org.pcop.rules.definition.RuleSet;

/**
 * Full evaluation of the default rule set (all seven families) over a streamed history, beside
 * the hand-written single pass over the same stream. Both include generating the events.
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

  /**
   * Prepares the history and the rule set, and checks once that the engine and the hand-written
   * pass put the same number of members at each level.
   *
   * @throws IllegalStateException if they disagree
   */
  @Setup
  public void setUp() {
    community = NationalCommunity.national(history);
    rules = DefaultRules.forCommunity(NationalCommunity.COMMUNITY.getId());
    int[] engine = levelsOf(rulesEngine());
    int[] hand = handWritten();
    if (!Arrays.equals(engine, hand)) {
      throw new IllegalStateException("the engine puts " + Arrays.toString(engine)
          + " members at the levels active, contributor, mentor; the hand-written pass "
          + Arrays.toString(hand));
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
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    for (var event : community) {
      record.apply(event);
    }
    return RuleEngine.evaluate(rules, record, community.end(), UsFederalCalendar.instance());
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
