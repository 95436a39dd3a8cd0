package org.pcop.benchmarks.drools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcop.benchmarks.NationalCommunity;

/**
 * The three sides of the full evaluation against Drools agree on a small dense history, and each
 * measured call works on the events generated once, not on a fresh generation.
 */
class RulesVersusDroolsBenchmarkTest {
  @Test
  void pcopDroolsAndTheHandWrittenPassAgree() {
    RulesVersusDroolsBenchmark benchmark = new RulesVersusDroolsBenchmark();
    // Refuses if any two sides disagree.
    benchmark.prepare(NationalCommunity.of(6, 40, 200, 900, 60_000));
    Map<String, String> pcop = ComparedRules.levels(benchmark.pcopRules());
    assertEquals(pcop, benchmark.drools());
    int[] hand = benchmark.handWritten();
    assertEquals(pcop.size(), Arrays.stream(hand).sum());
    assertTrue(pcop.size() > 20, "members reach levels: " + Arrays.toString(hand));
    // A second round over the same events gives the same answers.
    assertEquals(pcop, ComparedRules.levels(benchmark.pcopRules()));
    assertEquals(pcop, benchmark.drools());
  }
}
