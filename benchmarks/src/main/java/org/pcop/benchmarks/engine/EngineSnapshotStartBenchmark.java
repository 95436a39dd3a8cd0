package org.pcop.benchmarks.engine;

import java.util.Optional;
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
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.engine.Pcop;
import org.pcop.spi.Snapshot;
import org.pcop.spi.StreamId;
import org.pcop.spi.memory.InMemoryEventStore;
import org.pcop.spi.memory.InMemorySnapshotStore;

/**
 * An engine's cold start from a snapshot: the store holds the national history, and the snapshot
 * store the snapshot an engine wrote when it closed after replaying all of it, so a start reads
 * the snapshot (the rules' record, where members' events lie, the request ledger) and finds no
 * event after it. The set-up prints the snapshot's size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--add-modules", "jdk.unsupported"})
public class EngineSnapshotStartBenchmark {
  /** Events in the history. */
  @Param({"100000", "1000000", "5000000"})
  public long history;

  private InMemoryEventStore store;
  private InMemorySnapshotStore snapshots;

  /** Generates the history into the store once, and the snapshot of an engine that replayed it. */
  @Setup
  public void setUp() {
    store = EngineHistory.store(NationalCommunity.national(history));
    snapshots = InMemorySnapshotStore.create();
    EngineHistory.engine(store, Optional.of(snapshots)).close();
    Snapshot snapshot = snapshots.load(StreamId.of("pcop-" + NationalCommunity.COMMUNITY
        .getId())).orElseThrow(() -> new IllegalStateException("no snapshot was written"));
    System.out.printf("%nsnapshot of %,d events: %,d bytes%n", snapshot.version(),
        snapshot.size());
  }

  /**
   * Builds an engine over the store from the snapshot.
   *
   * @return its position, so that nothing is optimised away
   */
  @Benchmark
  public long engineStartFromSnapshot() {
    try (Pcop pcop = EngineHistory.engine(store, Optional.of(snapshots))) {
      return pcop.position();
    }
  }
}
