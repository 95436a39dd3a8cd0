package org.pcop.benchmarks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.engine.Pcop;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.EngagementRecord;
import org.pcop.spi.memory.InMemoryEventStore;

/**
 * The engine started over the stored history holds what the rules' record of the same events
 * holds, so the benchmark compares the same work.
 */
class EngineStartBenchmarkTest {
  @Test
  void theEngineReplaysTheWholeHistoryIntoTheSameRoster() {
    NationalCommunity history = NationalCommunity.of(6, 40, 200, 900, 20_000);
    InMemoryEventStore store = EngineHistory.store(history);
    List<PcopEvent> events = new ArrayList<>();
    history.forEach(events::add);
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    record.applyAll(events);
    try (Pcop pcop = EngineHistory.engine(store)) {
      assertEquals(record.memberships(NationalCommunity.COMMUNITY.getId()).size(),
          pcop.roster().size());
      assertEquals(List.of(), pcop.refusedEvents());
      assertTrue(pcop.position() >= events.size(), "position " + pcop.position());
    }
  }
}
