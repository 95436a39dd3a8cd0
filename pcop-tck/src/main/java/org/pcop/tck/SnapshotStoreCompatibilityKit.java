package org.pcop.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.pcop.spi.Snapshot;
import org.pcop.spi.SnapshotStore;
import org.pcop.spi.StreamId;

/**
 * The compatibility kit for a {@link SnapshotStore}: its guarantees as rules R701 to R708. A
 * vendor extends it, creates an empty store, and provides the hooks that let the kit check that a
 * failed save leaves the previous snapshot and that snapshots survive a restart:
 *
 * <pre>{@code
 * @DisplayName("AcmeSnapshotStore on Oracle")
 * class AcmeSnapshotStoreCompatibilityTest extends SnapshotStoreCompatibilityKit {
 *   protected SnapshotStore createStore() { return AcmeSnapshotStore.on(freshTestDatabase()); }
 *   protected boolean failNextSave(SnapshotStore store) {
 *     faults.failNextBlobWrite();
 *     return true;
 *   }
 *   protected Optional<SnapshotStore> reopen(SnapshotStore store) {
 *     return Optional.of(AcmeSnapshotStore.on(sameTestDatabase()));
 *   }
 * }
 * }</pre>
 *
 * <p>Nothing passes by being skipped: R705 (failed save) fails when {@link #failNextSave} is not
 * provided, and R707 (durability) fails when {@link #reopen} is not, each naming the hook, unless
 * the adapter declares in {@link #declaredLimitations()} that it does not offer the guarantee.
 * Every failure message names the adapter ({@link #displayName()}) and the rule.
 */
@Kit
public abstract class SnapshotStoreCompatibilityKit {
  private static final StreamId STREAM = StreamId.of("pcop-tck");
  private static final StreamId OTHER = StreamId.of("pcop-tck-other");
  private static final int LARGE = 4 << 20;

  private SnapshotStore store;

  /** The guarantees a store may declare it does not offer. */
  public enum Guarantee {
    /** R705: a failed save leaves the previous snapshot; checked through its hook. */
    FAILED_SAVE_KEEPS_PREVIOUS("R705 (a failed save leaves the previous snapshot)",
        "failNextSave(SnapshotStore)"),
    /** R707: saved snapshots survive a restart; checked through the reopen hook. */
    DURABILITY("R707 (durability)", "reopen(SnapshotStore)");

    private final String rule;
    private final String hook;

    Guarantee(String rule, String hook) {
      this.rule = rule;
      this.hook = hook;
    }

    /**
     * The rule that checks this guarantee.
     *
     * @return the rule id and its guarantee
     */
    public String rule() {
      return rule;
    }

    /**
     * The hook the kit needs to check this guarantee.
     *
     * @return the hook's signature
     */
    public String hook() {
      return hook;
    }
  }

  /**
   * Creates an empty store for one test.
   *
   * @return the store
   */
  protected abstract SnapshotStore createStore();

  /**
   * Makes the store's next save fail after it has started writing (the connection drops, the
   * disk fills, the transaction is rolled back): the save must throw and store nothing.
   *
   * @param store the store made for the test
   * @return true once armed; false (the default) if the adapter offers no such hook
   */
  protected boolean failNextSave(SnapshotStore store) {
    return false;
  }

  /**
   * A new store over the same storage, as after a restart of the process.
   *
   * @param store the store made for the test
   * @return the new store, or empty (the default) if the adapter offers no such hook
   */
  protected Optional<SnapshotStore> reopen(SnapshotStore store) {
    return Optional.empty();
  }

  /**
   * The guarantees this store does not offer, each with the reason; none by default.
   *
   * @return the declared limitations
   */
  protected Map<Guarantee, String> declaredLimitations() {
    return Map.of();
  }

  /**
   * Releases a store after a test (closes its connections); does nothing by default.
   *
   * @param store the store made for the test
   */
  protected void release(SnapshotStore store) {}

  /**
   * The adapter's name in failure messages: the {@link DisplayName} of the test class, or else
   * the store's class name.
   *
   * @return the name
   */
  protected String displayName() {
    return KitNames.declaredName(getClass()).orElse(
        store == null ? getClass().getName() : store.getClass().getName());
  }

  @BeforeEach
  final void createTheStore() {
    store = createStore();
    assertNotNull(store, () -> Verdicts.broke(displayName(), "createStore()", "returned null"));
  }

  @AfterEach
  final void releaseTheStore() {
    if (store != null) {
      release(store);
    }
  }

  // Helpers shared by the rules.

  /**
   * The same snapshot as {@link #snapshot}, made in pieces through {@link Snapshot#writer()},
   * written in runs of {@code run} bytes.
   */
  private static Snapshot writtenInPieces(StreamId stream, long version, int size, int run) {
    byte[] bytes = snapshot(stream, version, size).toByteArray();
    Snapshot.Writer writer = Snapshot.writer();
    for (int at = 0; at < size; at += run) {
      writer.write(bytes, at, Math.min(run, size - at));
    }
    return writer.toSnapshot(stream, version, 1, "rules-" + version);
  }

  /** A snapshot whose bytes are a function of its stream, version and size. */
  private static Snapshot snapshot(StreamId stream, long version, int size) {
    byte[] bytes = new byte[size];
    new SplittableRandom(stream.hashCode() * 31L + version).nextBytes(bytes);
    return Snapshot.of(stream, version, 1, "rules-" + version, bytes);
  }

  private String broke(String rule, String detail) {
    return Verdicts.broke(displayName(), rule, detail);
  }

  private void save(String rule, SnapshotStore on, Snapshot snapshot) {
    Verdicts.call(displayName(), rule, "save(" + snapshot + ")", () -> {
      on.save(snapshot);
      return null;
    });
  }

  private Optional<Snapshot> load(String rule, SnapshotStore on, StreamId stream) {
    Optional<Snapshot> found = Verdicts.call(displayName(), rule, "load(" + stream + ")",
        () -> on.load(stream));
    assertNotNull(found, () -> broke(rule, "load(" + stream + ") returned null"));
    return found;
  }

  private void assertHolds(String rule, Snapshot expected, Optional<Snapshot> found,
      String when) {
    assertTrue(found.isPresent(), () -> broke(rule, when + ": load must return " + expected
        + " but found none"));
    Snapshot actual = found.get();
    assertEquals(expected.stream(), actual.stream(), () -> broke(rule, when + ": stream"));
    assertEquals(expected.version(), actual.version(), () -> broke(rule, when + ": version"));
    assertEquals(expected.formatVersion(), actual.formatVersion(),
        () -> broke(rule, when + ": format version"));
    assertEquals(expected.ruleSetFingerprint(), actual.ruleSetFingerprint(),
        () -> broke(rule, when + ": rule-set fingerprint"));
    assertEquals(expected.size(), actual.size(), () -> broke(rule, when + ": the bytes of "
        + expected + " came back as " + actual.size() + " bytes"));
    assertArrayEquals(expected.toByteArray(), actual.toByteArray(),
        () -> broke(rule, when + ": the bytes must come back exactly as saved"));
  }

  private void unlessDeclared(Guarantee guarantee) {
    Map<Guarantee, String> declared = declaredLimitations();
    if (declared != null && declared.containsKey(guarantee)) {
      throw new DeclaredLimitation(displayName(), guarantee.rule(),
          String.valueOf(declared.get(guarantee)));
    }
  }

  private AssertionFailedError unchecked(Guarantee guarantee) {
    return new AssertionFailedError(Verdicts.unchecked(displayName(), guarantee.rule(),
        "the kit needs the hook " + guarantee.hook() + " to check it; provide the hook, or"
            + " declare in declaredLimitations() that the store does not offer Guarantee."
            + guarantee.name()));
  }

  // A snapshot comes back as saved.

  @Test
  @DisplayName("R701 a saved snapshot loads back with its stream, version, format, fingerprint"
      + " and every byte")
  void r701() {
    String rule = "R701 (round trip)";
    for (int size : new int[] {0, 1, 255, 70_001, LARGE}) {
      Snapshot saved = snapshot(STREAM, size + 1L, size);
      save(rule, store, saved);
      assertHolds(rule, saved, load(rule, store, STREAM), "a snapshot of " + size + " bytes");
    }
  }

  @Test
  @DisplayName("R702 a stream without a snapshot loads as empty")
  void r702() {
    String rule = "R702 (none saved)";
    assertEquals(Optional.empty(), load(rule, store, STREAM),
        () -> broke(rule, "a store where nothing was saved must load nothing"));
    save(rule, store, snapshot(OTHER, 3, 10));
    assertEquals(Optional.empty(), load(rule, store, STREAM),
        () -> broke(rule, "a snapshot of another stream must not be loaded for this one"));
  }

  @Test
  @DisplayName("R703 the snapshot saved last is the one loaded, whatever its version")
  void r703() {
    String rule = "R703 (latest wins)";
    for (long version : new long[] {10, 20, 15, 15}) {
      Snapshot saved = snapshot(STREAM, version, 1_000 + (int) version);
      save(rule, store, saved);
      assertHolds(rule, saved, load(rule, store, STREAM), "after saving version " + version);
    }
  }

  @Test
  @DisplayName("R704 each stream keeps its own snapshot")
  void r704() {
    String rule = "R704 (isolation per stream)";
    Snapshot mine = snapshot(STREAM, 5, 5_000);
    Snapshot theirs = snapshot(OTHER, 9, 9_000);
    save(rule, store, mine);
    save(rule, store, theirs);
    assertHolds(rule, mine, load(rule, store, STREAM), "after another stream's save");
    Snapshot theirsLater = snapshot(OTHER, 12, 12);
    save(rule, store, theirsLater);
    assertHolds(rule, mine, load(rule, store, STREAM), "after another stream's second save");
    assertHolds(rule, theirsLater, load(rule, store, OTHER), "the other stream");
  }

  @Test
  @DisplayName("R705 a save that fails leaves the previous snapshot whole")
  void r705() {
    Guarantee guarantee = Guarantee.FAILED_SAVE_KEEPS_PREVIOUS;
    String rule = guarantee.rule();
    unlessDeclared(guarantee);
    Snapshot previous = snapshot(STREAM, 7, 100_000);
    save(rule, store, previous);
    boolean armed = Verdicts.call(displayName(), rule, guarantee.hook(),
        () -> failNextSave(store));
    if (!armed) {
      throw unchecked(guarantee);
    }
    Snapshot failing = snapshot(STREAM, 8, LARGE);
    boolean threw;
    try {
      store.save(failing);
      threw = false;
    } catch (RuntimeException expected) {
      threw = true;
    }
    assertTrue(threw, () -> broke(rule, "the save after " + guarantee.hook()
        + " must throw"));
    assertHolds(rule, previous, load(rule, store, STREAM), "after a failed save");
    Snapshot next = snapshot(STREAM, 9, 10);
    save(rule, store, next);
    assertHolds(rule, next, load(rule, store, STREAM), "after a save that followed a failed one");
  }

  @Test
  @DisplayName("R706 while saves run in other threads, every load returns one whole snapshot")
  void r706() throws Exception {
    String rule = "R706 (atomic replace)";
    save(rule, store, snapshot(STREAM, 1, 64_000));
    AtomicBoolean saving = new AtomicBoolean(true);
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int writer = w;
        writers.add(threads.submit((Callable<Void>) () -> {
          for (int i = 0; i < 15; i++) {
            long version = 2 + writer + 2L * i;
            store.save(snapshot(STREAM, version, 64_000 + (int) (version % 7) * 10_000));
          }
          return null;
        }));
      }
      Future<List<String>> reader = threads.submit(() -> {
        List<String> torn = new ArrayList<>();
        while (saving.get()) {
          Optional<Snapshot> found = store.load(STREAM);
          if (found.isEmpty()) {
            torn.add("load returned nothing while a snapshot was held");
            continue;
          }
          Snapshot loaded = found.get();
          Snapshot expected = snapshot(STREAM, loaded.version(),
              64_000 + (int) (loaded.version() % 7) * 10_000);
          if (loaded.version() == 1) {
            expected = snapshot(STREAM, 1, 64_000);
          }
          if (!expected.equals(loaded)) {
            torn.add("version " + loaded.version() + " came back with other bytes or parts: "
                + loaded);
          }
        }
        return torn;
      });
      for (Future<?> writer : writers) {
        Verdicts.call(displayName(), rule, "a save in another thread",
            () -> writer.get(2, TimeUnit.MINUTES));
      }
      saving.set(false);
      List<String> torn = reader.get(2, TimeUnit.MINUTES);
      assertEquals(List.of(), torn, () -> broke(rule, "a load during saves must return the"
          + " snapshot held before or the one saved, whole"));
    } finally {
      saving.set(false);
      threads.shutdownNow();
    }
    Optional<Snapshot> last = load(rule, store, STREAM);
    assertTrue(last.isPresent() && (last.get().version() == 30 || last.get().version() == 31),
        () -> broke(rule, "after the saves, the snapshot saved last (version 30 or 31) must be"
            + " held; found " + last));
  }

  @Test
  @DisplayName("R708 a snapshot written in pieces loads back with every byte, as one made whole")
  void r708() {
    String rule = "R708 (written in pieces)";
    for (int size : new int[] {0, 1, 4_096, 4_097, 70_001, LARGE + 3}) {
      Snapshot saved = writtenInPieces(STREAM, size + 2L, size, size % 2 == 0 ? 1_000 : 65_537);
      assertEquals(snapshot(STREAM, size + 2L, size), saved, () -> broke(rule, "the kit's own"
          + " snapshot written in pieces must equal the same one made whole"));
      save(rule, store, saved);
      assertHolds(rule, saved, load(rule, store, STREAM), "a snapshot of " + size
          + " bytes written in pieces");
    }
  }

  @Test
  @DisplayName("R707 saved snapshots survive a restart of the store")
  void r707() {
    Guarantee guarantee = Guarantee.DURABILITY;
    String rule = guarantee.rule();
    unlessDeclared(guarantee);
    Snapshot mine = snapshot(STREAM, 41, 300_000);
    Snapshot theirs = snapshot(OTHER, 42, 42);
    save(rule, store, mine);
    save(rule, store, theirs);
    Optional<SnapshotStore> reopened = Verdicts.call(displayName(), rule, guarantee.hook(),
        () -> reopen(store));
    if (reopened == null || reopened.isEmpty()) {
      throw unchecked(guarantee);
    }
    assertTrue(reopened.get() != store, () -> broke(rule, guarantee.hook()
        + " must return a new store over the same storage, not the same instance"));
    try {
      assertHolds(rule, mine, load(rule, reopened.get(), STREAM), "after reopening");
      assertHolds(rule, theirs, load(rule, reopened.get(), OTHER), "after reopening");
    } finally {
      release(reopened.get());
    }
  }
}
