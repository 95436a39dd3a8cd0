package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.SnapshotHistory.STREAM;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.definition.RuleSet;
import org.pcop.spi.Snapshot;
import org.pcop.spi.memory.InMemoryNotificationSink;
import org.pcop.spi.memory.InMemorySnapshotStore;

/**
 * An engine started from a snapshot and the events after it answers every query and evaluation
 * exactly as one that replayed the whole stream, over seeded random histories cut at random
 * points (every failure names its seed); a snapshot that is missing, damaged, of another format
 * or of another rule set is ignored with one warning, and the engine replays to the same state.
 */
class PcopSnapshotTest {
  private static final long SEED = 16_300L;

  /** Keeps the warnings an engine logs. */
  static final class Warnings implements System.Logger {
    final List<String> logged = new ArrayList<>();

    @Override
    public String getName() {
      return Snapshots.LOGGER;
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public synchronized void log(Level level, ResourceBundle bundle, String message,
        Throwable thrown) {
      if (level == Level.WARNING) {
        logged.add(message);
      }
    }

    @Override
    public synchronized void log(Level level, ResourceBundle bundle, String format,
        Object... params) {
      if (level == Level.WARNING) {
        logged.add(params == null ? format : MessageFormat.format(format, params));
      }
    }
  }

  @Test
  void anEngineStartedFromASnapshotAnswersAsOneThatReplayedEverything() {
    for (int attempt = 0; attempt < 12; attempt++) {
      SplittableRandom random = new SplittableRandom(SEED + attempt);
      SnapshotHistory history = new SnapshotHistory();
      InMemorySnapshotStore snapshots = InMemorySnapshotStore.create();
      int every = 1 + random.nextInt(40);
      Pcop writer = history.engine(Optional.of(snapshots), every, new Warnings(),
          InMemoryNotificationSink.create());
      history.world.populate(writer);
      history.run(writer, random, 60 + random.nextInt(160));
      if (attempt % 3 == 0) {
        // A clean stop writes a snapshot of the end; otherwise the writer just stops, as a
        // process that dies does, and the latest snapshot is up to every - 1 events old.
        writer.close();
      }
      Snapshot latest = snapshots.load(STREAM).orElseThrow();
      String when = "seed " + (SEED + attempt) + ", snapshots every " + every + ", latest at "
          + latest.version() + " of " + history.world.store.readStream(STREAM, 0, 100_000).size()
          + " events";

      Warnings warnings = new Warnings();
      InMemoryNotificationSink fromSnapshotSink = InMemoryNotificationSink.create();
      InMemoryNotificationSink replayedSink = InMemoryNotificationSink.create();
      Pcop fromSnapshot = history.engine(Optional.of(snapshots), 1_000_000, warnings,
          fromSnapshotSink);
      Pcop replayed = history.engine(Optional.empty(), 1, new Warnings(), replayedSink);
      assertEquals(List.of(), warnings.logged, when + ": the snapshot must be used");
      assertSame(history.answers(replayed), history.answers(fromSnapshot), when);
      assertEquals(SnapshotHistory.notifications(replayedSink),
          SnapshotHistory.notifications(fromSnapshotSink), when + ": notifications handed over"
              + " again on start");

      history.run(fromSnapshot, random, 40);
      assertSame(history.answers(replayed), history.answers(fromSnapshot),
          when + ", then 40 more commands");
    }
  }

  @Test
  void unusableSnapshotsAreIgnoredWithOneWarningAndTheEngineReplays() {
    SnapshotHistory history = new SnapshotHistory();
    InMemorySnapshotStore written = InMemorySnapshotStore.create();
    Pcop writer = history.engine(Optional.of(written), 25, new Warnings(),
        InMemoryNotificationSink.create());
    history.world.populate(writer);
    history.run(writer, new SplittableRandom(SEED), 150);
    writer.close();
    Snapshot good = written.load(STREAM).orElseThrow();
    byte[] bytes = good.toByteArray();

    Map<String, Optional<Snapshot>> cases = new LinkedHashMap<>();
    cases.put("holds no snapshot of it", Optional.empty());
    byte[] flipped = bytes.clone();
    flipped[bytes.length / 2] ^= 0x10;
    cases.put("its CRC32C checksum does not match its contents: it is damaged",
        Optional.of(like(good, good.formatVersion(), flipped)));
    cases.put("its CRC32C checksum does not match its contents: it is damaged ",
        Optional.of(like(good, good.formatVersion(), Arrays.copyOf(bytes, bytes.length - 100))));
    cases.put("is of format version " + (Snapshots.FORMAT + 1) + ", and this engine reads"
        + " version " + Snapshots.FORMAT, Optional.of(like(good, Snapshots.FORMAT + 1, bytes)));
    cases.put("record snapshot: format version 0 is not the version this library reads ("
        + org.pcop.rules.RecordSnapshot.FORMAT_VERSION + ")",
        Optional.of(like(good, good.formatVersion(), olderRecordFormat(bytes))));
    cases.put("its bytes cover version " + good.version() + " where the store says "
        + (good.version() - 1), Optional.of(Snapshot.of(STREAM, good.version() - 1,
        good.formatVersion(), good.ruleSetFingerprint(), bytes)));
    cases.put("was taken under another rule set (sha256:", Optional.of(Snapshot.of(STREAM,
        good.version(), good.formatVersion(), "sha256:0123", bytes)));

    List<Object> expected = history.answers(history.engine(Optional.empty(), 1, new Warnings(),
        InMemoryNotificationSink.create()));
    for (Map.Entry<String, Optional<Snapshot>> unusable : cases.entrySet()) {
      InMemorySnapshotStore store = InMemorySnapshotStore.create();
      unusable.getValue().ifPresent(store::save);
      Warnings warnings = new Warnings();
      Pcop pcop = history.engine(Optional.of(store), 1_000_000, warnings,
          InMemoryNotificationSink.create());
      assertEquals(1, warnings.logged.size(), unusable.getKey() + ": " + warnings.logged);
      String warning = warnings.logged.get(0);
      assertTrue(warning.startsWith("pcop engine: stream pcop-pcop is replayed from its start"
          + " because "), warning);
      assertTrue(warning.contains(unusable.getKey().strip()), warning);
      assertSame(expected, history.answers(pcop), unusable.getKey());
    }

    // A snapshot of the default rules is foreign to an engine of another rule set.
    RuleSet other = SnapshotHistory.otherRules();
    Warnings warnings = new Warnings();
    Pcop foreign = history.engine(Optional.of(written), 1_000_000, warnings,
        InMemoryNotificationSink.create(), other);
    assertEquals(1, warnings.logged.size(), warnings.logged.toString());
    assertTrue(warnings.logged.get(0).contains("was taken under another rule set ("
        + Snapshots.fingerprint(DefaultRules.forCommunity(World.PCOP)) + ", the engine's is "
        + Snapshots.fingerprint(other) + ")"), warnings.logged.get(0));
    assertEquals(history.answers(history.engine(Optional.empty(), 1, new Warnings(),
        InMemoryNotificationSink.create(), other)), history.answers(foreign));
  }

  @Test
  void aSnapshotThatCannotBeSavedIsLoggedAndTheCommandStands() {
    SnapshotHistory history = new SnapshotHistory();
    InMemorySnapshotStore snapshots = InMemorySnapshotStore.create();
    Warnings warnings = new Warnings();
    Pcop pcop = history.engine(Optional.of(snapshots), 3, warnings,
        InMemoryNotificationSink.create());
    history.world.populate(pcop);
    Snapshot before = snapshots.load(STREAM).orElseThrow();
    warnings.logged.clear();
    snapshots.failNextSave();
    history.run(pcop, new SplittableRandom(SEED), 40);
    assertEquals(1, warnings.logged.stream().filter(w -> w.contains("was not saved; the"
        + " previous one stays in use")).count(), warnings.logged.toString());
    assertTrue(snapshots.load(STREAM).orElseThrow().version() > before.version(),
        "a later snapshot is saved after as many events again");
  }

  @Test
  void theBuilderRefusesWhatCannotBeASnapshotSetting() {
    PcopBuilder builder = Pcop.builder();
    for (int events : new int[] {0, -1, 100_000_001}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> builder.snapshotEvery(events));
      assertEquals("Pcop.builder().snapshotEvery(" + events + "): the number of events between"
          + " snapshots must be from 1 to 100,000,000", e.getMessage());
    }
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> builder.snapshots(null));
    assertEquals("Pcop.builder().snapshots(store): the snapshot store must not be null; leave"
        + " snapshots unset to replay on every start", e.getMessage());
    assertEquals(PcopBuilder.DEFAULT_SNAPSHOT_EVERY, builder.snapshotEvery);
  }

  /** Equal answers, or a failure that shows the first answer that differs. */
  static void assertSame(List<Object> expected, List<Object> actual, String when) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), when + ": answer " + i + " differs");
    }
    assertEquals(expected.size(), actual.size(), when + ": number of answers");
  }

  private static Snapshot like(Snapshot snapshot, int format, byte[] bytes) {
    return Snapshot.of(snapshot.stream(), snapshot.version(), format,
        snapshot.ruleSetFingerprint(), bytes);
  }

  /**
   * The same snapshot with the rules' record inside (its parts in place after the header)
   * marked as of format version 0, as a snapshot an older release wrote would be, the checksum
   * made right again.
   */
  private static byte[] olderRecordFormat(byte[] bytes) {
    byte[] older = bytes.clone();
    ByteBuffer buffer = ByteBuffer.wrap(older).order(ByteOrder.LITTLE_ENDIAN);
    int community = buffer.getInt(8);
    int recordAt = 12 + community + 16;
    buffer.putInt(recordAt + 4, 0);
    CRC32C crc = new CRC32C();
    crc.update(older, 0, older.length - 4);
    buffer.putInt(older.length - 4, (int) crc.getValue());
    return older;
  }
}
