package org.pcop.benchmarks.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.engine.Pcop;
import org.pcop.rules.EngagementRecord;
import org.pcop.spi.memory.InMemoryEventStore;

/**
 * The heap an engine adds once started over the national history: used heap after a full
 * collection with the store alone, then with the engine built over it; beside it, the heap of the
 * rules' record alone over the same events (what the engine cannot do without). Run with the
 * history's size as the argument, for example {@code 1000000}; it prints three lines of
 * figures.
 */
public final class EngineHeap {
  private EngineHeap() {}

  /**
   * Measures and prints.
   *
   * @param args the number of events
   */
  public static void main(String[] args) {
    long events = Long.parseLong(args[0]);
    long before = used();
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    record.applyAll(NationalCommunity.national(events));
    long recordOnly = used() - before;
    System.out.printf("history %,d events: the rules' record alone %,d MB (%,d members)%n",
        events, recordOnly >> 20, record.memberships(NationalCommunity.COMMUNITY.getId()).size());
    record = null;
    InMemoryEventStore store = EngineHistory.store(NationalCommunity.national(events));
    long storeOnly = used();
    long start = System.nanoTime();
    try (Pcop pcop = EngineHistory.engine(store)) {
      long millis = (System.nanoTime() - start) / 1_000_000;
      long withEngine = used();
      System.out.printf("history %,d events: engine start %,d ms, heap the engine adds %,d MB"
          + " (store alone %,d MB), position %,d%n", events, millis,
          (withEngine - storeOnly) >> 20, storeOnly >> 20, pcop.position());
      start = System.nanoTime();
      int results = pcop.evaluation().getResults().size();
      millis = (System.nanoTime() - start) / 1_000_000;
      long evaluated = used();
      System.out.printf("history %,d events: first evaluation %,d ms (%,d results), heap the"
          + " engine adds then %,d MB%n", events, millis, results,
          (evaluated - storeOnly) >> 20);
    }
  }

  private static long used() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
