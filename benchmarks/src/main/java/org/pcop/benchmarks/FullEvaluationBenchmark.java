package org.pcop.benchmarks;

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
  @Param({"100000"})
  public long events;

  private NationalCommunity history;
  private RuleSet rules;

  /** Prepares the history and the rule set. */
  @Setup
  public void setUp() {
    history = NationalCommunity.national(events);
    rules = DefaultRules.forCommunity(NationalCommunity.COMMUNITY.getId());
  }

  /**
   * Streams the history through the engagement record and evaluates every rule.
   *
   * @return the evaluation
   */
  @Benchmark
  public Evaluation rulesEngine() {
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    for (var event : history) {
      record.apply(event);
    }
    return RuleEngine.evaluate(rules, record, history.end(), UsFederalCalendar.instance());
  }

  /**
   * The same level requirements in a hand-written single pass.
   *
   * @return members per level
   */
  @Benchmark
  public int[] handWritten() {
    return HandWrittenPass.levels(history, history.end(),
        NationalCommunity.COMMUNITY.getTimeZone(), history.members());
  }
}
