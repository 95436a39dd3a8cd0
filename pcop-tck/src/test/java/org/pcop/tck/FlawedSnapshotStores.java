package org.pcop.tck;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.pcop.spi.Snapshot;
import org.pcop.spi.SnapshotStore;
import org.pcop.spi.StreamId;

/**
 * Snapshot stores with one flaw each, and the snapshot store kit run against each. Not tests by
 * themselves (most must fail): {@link SnapshotKitCatchesFlawsTest} runs them through the JUnit
 * launcher.
 */
final class FlawedSnapshotStores {
  private FlawedSnapshotStores() {}

  /** What a store gets wrong. */
  enum Flaw {
    NONE,
    /** Drops the last byte of every snapshot. */
    TRIMS_THE_LAST_BYTE,
    /** Keeps the first snapshot of a stream and ignores later saves. */
    KEEPS_THE_FIRST,
    /** Holds one snapshot for every stream. */
    ONE_FOR_ALL_STREAMS,
    /** A save that fails has removed the previous snapshot already. */
    FAILED_SAVE_LOSES_THE_PREVIOUS,
    /** Overwrites the held bytes in place, in two steps, as a file rewritten in place would. */
    WRITES_IN_PLACE,
    /** Forgets everything when reopened. */
    FORGETS_ON_REOPEN,
    /** Keeps what one read of the snapshot's stream gives: a snapshot's first piece only. */
    READS_ONE_PIECE
  }

  /** A store with a flaw, over a map that outlives it (its "disk"). */
  static final class Store implements SnapshotStore {
    private final Flaw flaw;
    private final Map<StreamId, Object[]> disk;
    private boolean failNext;

    Store(Flaw flaw, Map<StreamId, Object[]> disk) {
      this.flaw = flaw;
      this.disk = disk;
    }

    @Override
    public synchronized void save(Snapshot snapshot) {
      StreamId key = flaw == Flaw.ONE_FOR_ALL_STREAMS ? StreamId.of("all") : snapshot.stream();
      if (failNext) {
        failNext = false;
        if (flaw == Flaw.FAILED_SAVE_LOSES_THE_PREVIOUS) {
          disk.remove(key);
        }
        throw new IllegalStateException("injected failure");
      }
      if (flaw == Flaw.KEEPS_THE_FIRST && disk.containsKey(key)) {
        return;
      }
      byte[] bytes = flaw == Flaw.READS_ONE_PIECE ? oneRead(snapshot) : snapshot.toByteArray();
      if (flaw == Flaw.TRIMS_THE_LAST_BYTE && bytes.length > 0) {
        bytes = Arrays.copyOf(bytes, bytes.length - 1);
      }
      Object[] held = disk.get(key);
      if (flaw == Flaw.WRITES_IN_PLACE && held != null) {
        // The new description and the first half of the new bytes over the old ones, visible
        // to readers for long enough that a reader on a busy machine still sees it.
        byte[] inPlace = Arrays.copyOf((byte[]) held[1], bytes.length);
        System.arraycopy(bytes, 0, inPlace, 0, bytes.length / 2);
        held[1] = inPlace;
        held[0] = snapshot;
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        System.arraycopy(bytes, bytes.length / 2, inPlace, bytes.length / 2,
            bytes.length - bytes.length / 2);
        return;
      }
      disk.put(key, new Object[] {snapshot, bytes});
    }

    @Override
    public Optional<Snapshot> load(StreamId stream) {
      Object[] held;
      byte[] bytes;
      Snapshot parts;
      synchronized (flaw == Flaw.WRITES_IN_PLACE ? new Object() : this) {
        held = disk.get(flaw == Flaw.ONE_FOR_ALL_STREAMS ? StreamId.of("all") : stream);
        if (held == null) {
          return Optional.empty();
        }
        parts = (Snapshot) held[0];
        bytes = ((byte[]) held[1]).clone();
      }
      return Optional.of(Snapshot.of(parts.stream(), parts.version(), parts.formatVersion(),
          parts.ruleSetFingerprint(), bytes));
    }

    private static byte[] oneRead(Snapshot snapshot) {
      byte[] bytes = new byte[snapshot.size()];
      try (java.io.InputStream in = snapshot.openStream()) {
        int read = in.read(bytes);
        return Arrays.copyOf(bytes, Math.max(read, 0));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    synchronized void failNextSave() {
      failNext = true;
    }

    Store reopen() {
      return new Store(flaw, flaw == Flaw.FORGETS_ON_REOPEN ? new HashMap<>() : disk);
    }
  }

  /** The kit with both hooks, against a store with one flaw. */
  abstract static class Against extends SnapshotStoreCompatibilityKit {
    abstract Flaw flaw();

    @Override
    protected SnapshotStore createStore() {
      return new Store(flaw(), new HashMap<>());
    }

    @Override
    protected boolean failNextSave(SnapshotStore store) {
      ((Store) store).failNextSave();
      return true;
    }

    @Override
    protected Optional<SnapshotStore> reopen(SnapshotStore store) {
      return Optional.of(((Store) store).reopen());
    }
  }

  @DisplayName("FlawedSnapshotStore(NONE)")
  static class Sound extends Against {
    @Override
    Flaw flaw() {
      return Flaw.NONE;
    }
  }

  @DisplayName("FlawedSnapshotStore(TRIMS_THE_LAST_BYTE)")
  static class TrimsTheLastByte extends Against {
    @Override
    Flaw flaw() {
      return Flaw.TRIMS_THE_LAST_BYTE;
    }
  }

  @DisplayName("FlawedSnapshotStore(READS_ONE_PIECE)")
  static class ReadsOnePiece extends Against {
    @Override
    Flaw flaw() {
      return Flaw.READS_ONE_PIECE;
    }
  }

  @DisplayName("FlawedSnapshotStore(KEEPS_THE_FIRST)")
  static class KeepsTheFirst extends Against {
    @Override
    Flaw flaw() {
      return Flaw.KEEPS_THE_FIRST;
    }
  }

  @DisplayName("FlawedSnapshotStore(ONE_FOR_ALL_STREAMS)")
  static class OneForAllStreams extends Against {
    @Override
    Flaw flaw() {
      return Flaw.ONE_FOR_ALL_STREAMS;
    }
  }

  @DisplayName("FlawedSnapshotStore(FAILED_SAVE_LOSES_THE_PREVIOUS)")
  static class FailedSaveLosesThePrevious extends Against {
    @Override
    Flaw flaw() {
      return Flaw.FAILED_SAVE_LOSES_THE_PREVIOUS;
    }
  }

  @DisplayName("FlawedSnapshotStore(WRITES_IN_PLACE)")
  static class WritesInPlace extends Against {
    @Override
    Flaw flaw() {
      return Flaw.WRITES_IN_PLACE;
    }
  }

  @DisplayName("FlawedSnapshotStore(FORGETS_ON_REOPEN)")
  static class ForgetsOnReopen extends Against {
    @Override
    Flaw flaw() {
      return Flaw.FORGETS_ON_REOPEN;
    }
  }

  /** The kit with no hook and nothing declared. */
  @DisplayName("FlawedSnapshotStore(NO_HOOKS)")
  static class WithoutHooks extends SnapshotStoreCompatibilityKit {
    @Override
    protected SnapshotStore createStore() {
      return new Store(Flaw.NONE, new HashMap<>());
    }
  }
}
