package org.pcop.benchmarks.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pcop.guard.Finding;

/** The benchmark scans what it says: a kilobyte, clean or full of case facts. */
class CaseFactGuardBenchmarkTest {
  private static CaseFactGuardBenchmark benchmark(String text) {
    CaseFactGuardBenchmark b = new CaseFactGuardBenchmark();
    b.text = text;
    b.setUp();
    return b;
  }

  @Test
  void theCleanKilobyteHasNoFinding() {
    assertEquals(java.util.List.of(), benchmark("clean").scan());
  }

  @Test
  void theKilobyteWithFactsHasMostKinds() {
    Set<String> kinds = benchmark("facts").scan().stream().map(Finding::kind)
        .collect(Collectors.toSet());
    assertTrue(kinds.size() >= 10, kinds.toString());
  }

  @Test
  void bothAreOneKilobyte() {
    assertEquals(1024, CaseFactGuardBenchmark.kilobyte(java.util.List.of("a b c")).length());
  }
}
