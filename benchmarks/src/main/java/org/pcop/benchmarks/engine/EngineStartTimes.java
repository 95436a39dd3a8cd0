package org.pcop.benchmarks.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.engine.Pcop;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.EngagementRecord;
import org.pcop.spi.StreamId;
import org.pcop.spi.memory.InMemoryEventStore;
import org.pcop.spi.memory.InMemorySnapshotStore;

/**
 * Cold starts of an engine over the national history, from a snapshot and by replay, timed on
 * the wall clock and as the starting thread's CPU time: on a machine shared with other work the
 * wall clock measures the queue for the processor as much as the start, the CPU time only the
 * start (without the collector's threads). Run with the history's size and the number of starts
 * of each kind, for example {@code 1000000 5}; it prints the snapshot's size and the median and
 * fastest of each kind. A third argument {@code snapshot} leaves out the starts by replay;
 * {@code replay} leaves out the starts from a snapshot and times, beside the starts, the rules'
 * own work on the same history already decoded ({@code EngagementRecord.applyAll}), the peer of
 * the goal for a start without a snapshot, alternating the two.
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
    if (args.length > 2 && args[2].equals("replay")) {
      replayAgainstTheRecord(events, starts);
      return;
    }
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
      print(events, fromSnapshot ? "from a snapshot" : "by replay", wall, cpu);
    }
  }

  private static void print(long events, String what, long[] wall, long[] cpu) {
    Arrays.sort(wall);
    Arrays.sort(cpu);
    int n = wall.length;
    System.out.printf("history %,d events, %s: wall median %,d ms (fastest %,d ms), CPU of the"
        + " starting thread median %,d ms (fastest %,d ms), %d runs%n", events, what,
        wall[n / 2] / 1_000_000, wall[0] / 1_000_000, cpu[n / 2] / 1_000_000,
        cpu[0] / 1_000_000, n);
  }

  /** Starts by replay and the record's applyAll of the same events, one after the other. */
  private static void replayAgainstTheRecord(long events, int runs) {
    NationalCommunity history = NationalCommunity.national(events);
    InMemoryEventStore store = EngineHistory.store(history);
    List<PcopEvent> decoded = new ArrayList<>();
    history.forEach(decoded::add);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[][] wall = new long[2][runs];
    long[][] cpu = new long[2][runs];
    for (int i = 0; i < runs; i++) {
      for (int kind = 0; kind < 2; kind++) {
        System.gc();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long before = System.nanoTime();
        if (kind == 0) {
          try (Pcop pcop = EngineHistory.engine(store)) {
            wall[kind][i] = System.nanoTime() - before;
            cpu[kind][i] = threads.getCurrentThreadCpuTime() - cpuBefore;
            if (pcop.position() != events) {
              throw new IllegalStateException("the engine started at " + pcop.position());
            }
          }
        } else {
          EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
          record.applyAll(decoded);
          wall[kind][i] = System.nanoTime() - before;
          cpu[kind][i] = threads.getCurrentThreadCpuTime() - cpuBefore;
        }
      }
    }
    long engine = median(cpu[0]);
    long rules = median(cpu[1]);
    print(events, "engine start by replay", wall[0], cpu[0]);
    print(events, "EngagementRecord.applyAll", wall[1], cpu[1]);
    System.out.printf("history %,d events: start by replay / applyAll, medians of CPU time:"
        + " %.2fx%n", events, (double) engine / rules);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
