package org.pcop.benchmarks;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcop.rules.DefaultRules;

/**
 * The three sides of the full-evaluation benchmark agree on a small history: the whole rule set
 * the peers restate, the level rule alone and both hand-written passes put the same members at
 * each level; the default rule set's steward level, which no peer restates, is reached there.
 */
class FullEvaluationBenchmarkTest {
  @Test
  void theEngineTheLevelRuleAloneAndBothHandWrittenPassesAgree() {
    FullEvaluationBenchmark benchmark = new FullEvaluationBenchmark();
    // A dense small history, so that members reach levels; refuses if any two sides disagree.
    benchmark.prepare(NationalCommunity.of(6, 40, 200, 900, 60_000));
    Map<String, String> engine = benchmark.levelsOf(PeerRules.forCommunity(
        NationalCommunity.COMMUNITY.getId()));
    assertEquals(engine, benchmark.handWritten().levels());
    assertEquals(engine, benchmark.tightPass().levels());
    assertTrue(engine.size() > 20, "members reach levels: " + engine.size());
    // The default rule set differs from the peers' only where a member reaches steward.
    Map<String, String> defaults = benchmark.levelsOf(DefaultRules.forCommunity(
        NationalCommunity.COMMUNITY.getId()));
    assertTrue(defaults.containsValue("steward"), defaults.toString());
    defaults.forEach((member, level) -> assertTrue(level.equals(engine.get(member))
        || level.equals("steward"), member + " is " + level + ", not " + engine.get(member)));
  }
}
