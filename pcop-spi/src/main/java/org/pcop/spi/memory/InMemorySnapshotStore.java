package org.pcop.spi.memory;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.pcop.spi.Snapshot;
import org.pcop.spi.SnapshotStore;
import org.pcop.spi.StreamId;

/**
 * The reference {@link SnapshotStore}: the latest snapshot of each stream in a map, replaced in
 * one step. Nothing survives the process. For fault-injection tests, {@link #failNextSave()} makes
 * the next save fail after it has read the snapshot's bytes, as a database that loses its
 * connection half way through would.
 */
public final class InMemorySnapshotStore implements SnapshotStore {
  private final ConcurrentMap<StreamId, Snapshot> latest = new ConcurrentHashMap<>();
  private volatile boolean failNext;

  private InMemorySnapshotStore() {}

  /**
   * An empty store.
   *
   * @return the store
   */
  public static InMemorySnapshotStore create() {
    return new InMemorySnapshotStore();
  }

  /** Makes the next {@link #save} fail with an {@link IllegalStateException}. */
  public void failNextSave() {
    failNext = true;
  }

  @Override
  public void save(Snapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    if (failNext) {
      failNext = false;
      throw new IllegalStateException("InMemorySnapshotStore: the save of " + snapshot
          + " failed as asked by failNextSave()");
    }
    // Snapshots are immutable, so the map's single put is the whole replacement.
    latest.put(snapshot.stream(), snapshot);
  }

  @Override
  public Optional<Snapshot> load(StreamId stream) {
    Objects.requireNonNull(stream, "stream");
    return Optional.ofNullable(latest.get(stream));
  }
}
