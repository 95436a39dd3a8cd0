package org.pcop.benchmarks.drools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcop.benchmarks.NationalCommunity;

/**
 * The three sides of the full evaluation against Drools agree on a small dense history, and each
 * measured call works on the events generated once, not on a fresh generation.
 */
class RulesVersusDroolsBenchmarkTest {
  @Test
  void pcopDroolsAndBothHandWrittenPassesAgree() {
    RulesVersusDroolsBenchmark benchmark = new RulesVersusDroolsBenchmark();
    // Refuses if any side disagrees with the tight pass, per member and per breach.
    benchmark.prepare(NationalCommunity.of(6, 40, 200, 900, 60_000));
    Map<String, String> floor = benchmark.tightPass().levels();
    assertEquals(floor, benchmark.drools());
    assertEquals(floor, benchmark.handWritten().levels());
    assertTrue(floor.size() > 20, "members reach levels: " + floor.size());
    // A second round over the same events gives the same answers.
    assertEquals(floor, benchmark.tightPass().levels());
    assertEquals(floor, benchmark.drools());
    assertEquals(benchmark.tightPass().breaches(), benchmark.handWritten().breaches());
  }
}
