package org.pcop.benchmarks.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Optional;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.engine.Pcop;
import org.pcop.spi.StreamId;
import org.pcop.spi.memory.InMemoryEventStore;
import org.pcop.spi.memory.InMemorySnapshotStore;

/**
 * Cold starts of an engine over the national history, from a snapshot and by replay, timed on
 * the wall clock and as the starting thread's CPU time: on a machine shared with other work the
 * wall clock measures the queue for the processor as much as the start, the CPU time only the
 * start (without the collector's threads). Run with the history's size and the number of starts
 * of each kind, for example {@code 1000000 5}; it prints the snapshot's size and the median and
 * fastest of each kind. A third argument {@code snapshot} leaves out the starts by replay.
 */
public final class EngineStartTimes {
  private EngineStartTimes() {}

  /**
   * Measures and prints.
   *
   * @param args the number of events and of starts
   */
  public static void main(String[] args) {
    long events = Long.parseLong(args[0]);
    int starts = Integer.parseInt(args[1]);
    InMemoryEventStore store = EngineHistory.store(NationalCommunity.national(events));
    InMemorySnapshotStore snapshots = InMemorySnapshotStore.create();
    EngineHistory.engine(store, Optional.of(snapshots)).close();
    int size = snapshots.load(StreamId.of("pcop-" + NationalCommunity.COMMUNITY.getId()))
        .orElseThrow().size();
    System.out.printf("history %,d events: snapshot %,d bytes%n", events, size);
    boolean snapshotOnly = args.length > 2 && args[2].equals("snapshot");
    for (boolean fromSnapshot : snapshotOnly ? new boolean[] {true}
        : new boolean[] {true, false}) {
      long[] wall = new long[starts];
      long[] cpu = new long[starts];
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      for (int i = 0; i < starts; i++) {
        System.gc();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long before = System.nanoTime();
        try (Pcop pcop = EngineHistory.engine(store,
            fromSnapshot ? Optional.of(snapshots) : Optional.empty())) {
          wall[i] = System.nanoTime() - before;
          cpu[i] = threads.getCurrentThreadCpuTime() - cpuBefore;
          if (pcop.position() == 0) {
            throw new IllegalStateException("the engine started empty");
          }
        }
      }
      Arrays.sort(wall);
      Arrays.sort(cpu);
      System.out.printf("history %,d events, %s: wall median %,d ms (fastest %,d ms), CPU of the"
          + " starting thread median %,d ms (fastest %,d ms), %d starts%n", events,
          fromSnapshot ? "from a snapshot" : "by replay", wall[starts / 2] / 1_000_000,
          wall[0] / 1_000_000, cpu[starts / 2] / 1_000_000, cpu[0] / 1_000_000, starts);
    }
  }
}
