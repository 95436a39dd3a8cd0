package org.pcop.spi;

import java.util.Optional;

/**
 * Keeps the latest snapshot of each stream, so that an engine can start from it and replay only
 * the events after it. A store holds at most one snapshot per stream; what it holds for one
 * stream never changes what it holds for another.
 *
 * <p>Saving is atomic: {@link #load} returns either the snapshot held before a save or the one
 * saved, whole, never a mix, also while a save runs in another thread or process, and also when
 * the save fails or the process dies half way. A snapshot is an optimisation, never the only copy
 * of anything: the events remain in the {@link EventStore}, and a reader that finds no snapshot,
 * or one it cannot use, replays the stream.
 *
 * <p>Implementations are thread-safe. {@link org.pcop.spi.memory.InMemorySnapshotStore} is the
 * reference; pcop-tck's {@code SnapshotStoreCompatibilityKit} checks these guarantees.
 */
public interface SnapshotStore {
  /**
   * Stores a snapshot as its stream's latest, replacing the one held before only once the new
   * one is wholly stored. The snapshot saved last is the one {@link #load} returns, whatever its
   * version.
   *
   * @param snapshot the snapshot, kept byte for byte
   * @throws NullPointerException if {@code snapshot} is null
   * @throws RuntimeException if it could not be stored; the snapshot held before stays
   */
  void save(Snapshot snapshot);

  /**
   * The stream's latest snapshot.
   *
   * @param stream the stream
   * @return the snapshot saved last, or empty if none was
   * @throws NullPointerException if {@code stream} is null
   * @throws RuntimeException if the store cannot be read
   */
  Optional<Snapshot> load(StreamId stream);
}
