package org.pcop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The three sides of the full-evaluation benchmark agree on a small history: the whole default
 * rule set, the level rule alone and the hand-written pass put the same members at each level.
 */
class FullEvaluationBenchmarkTest {
  @Test
  void theEngineTheLevelRuleAloneAndTheHandWrittenPassAgree() {
    FullEvaluationBenchmark benchmark = new FullEvaluationBenchmark();
    // A dense small history, so that members reach levels; refuses if any two sides disagree.
    benchmark.prepare(NationalCommunity.of(6, 40, 200, 900, 60_000));
    int[] engine = FullEvaluationBenchmark.levelsOf(benchmark.rulesEngine());
    assertArrayEquals(engine, FullEvaluationBenchmark.levelsOf(benchmark.rulesEngineLevelsOnly()));
    assertArrayEquals(engine, benchmark.handWritten());
    assertTrue(Arrays.stream(engine).sum() > 20, "members reach levels: "
        + Arrays.toString(engine));
  }
}
