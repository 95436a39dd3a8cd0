package org.pcop.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pcop.model.InvalidValueException;

/**
 * A snapshot made in pieces through {@link Snapshot#writer()} holds the same bytes as one made
 * whole with {@link Snapshot#of}, whatever the runs it was written in: equal, with the same hash,
 * the same bytes through every reader, and its stream reads them without a copy of the whole.
 */
class SnapshotWriterTest {
  private static final StreamId STREAM = StreamId.of("pcop-pcop");

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new SplittableRandom(size).nextBytes(bytes);
    return bytes;
  }

  private static byte[] readAll(InputStream in, int run) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[run];
    for (int read; (read = in.read(buffer, 0, run)) >= 0; ) {
      all.write(buffer, 0, read);
    }
    return all.toByteArray();
  }

  @Test
  void aSnapshotWrittenInPiecesEqualsTheSameMadeWhole() throws IOException {
    for (int size : new int[] {0, 1, 4_095, 4_096, 4_097, 12_288, 1 << 20, (3 << 20) + 5}) {
      byte[] bytes = random(size);
      for (int run : new int[] {1, 1_000, 65_537}) {
        if (run == 1 && size > 100_000) {
          continue;
        }
        Snapshot.Writer writer = Snapshot.writer();
        for (int at = 0; at < size; at += run) {
          if (run == 1) {
            writer.write(bytes[at]);
          } else {
            writer.write(bytes, at, Math.min(run, size - at));
          }
        }
        assertEquals(size, writer.size());
        Snapshot pieces = writer.toSnapshot(STREAM, 7, 2, "rules-7");
        Snapshot whole = Snapshot.of(STREAM, 7, 2, "rules-7", bytes);
        String when = size + " bytes in runs of " + run;
        assertEquals(whole, pieces, when);
        assertEquals(pieces, whole, when);
        assertEquals(whole.hashCode(), pieces.hashCode(), when);
        assertEquals(whole.toString(), pieces.toString(), when);
        assertEquals(size, pieces.size(), when);
        assertArrayEquals(bytes, pieces.toByteArray(), when);
        byte[] viewed = new byte[size];
        pieces.bytes().get(viewed);
        assertArrayEquals(bytes, viewed, when);
        assertArrayEquals(bytes, readAll(pieces.openStream(), 10_000), when);
        assertArrayEquals(bytes, readAll(whole.openStream(), 333), when);
        InputStream one = pieces.openStream();
        for (int i = 0; i < Math.min(size, 9_000); i++) {
          assertEquals(bytes[i] & 0xff, one.read(), when + ", byte " + i);
        }
      }
    }
  }

  @Test
  void aDifferentByteAnywhereMakesItAnotherSnapshot() {
    byte[] bytes = random(20_000);
    Snapshot whole = Snapshot.of(STREAM, 7, 2, "rules-7", bytes);
    for (int at : new int[] {0, 4_095, 4_096, 12_287, 12_288, 19_999}) {
      byte[] changed = bytes.clone();
      changed[at] ^= 1;
      Snapshot.Writer writer = Snapshot.writer();
      writer.write(changed, 0, changed.length);
      assertNotEquals(whole, writer.toSnapshot(STREAM, 7, 2, "rules-7"), "byte " + at);
    }
    Snapshot.Writer shorter = Snapshot.writer();
    shorter.write(bytes, 0, bytes.length - 1);
    assertNotEquals(whole, shorter.toSnapshot(STREAM, 7, 2, "rules-7"));
  }

  @Test
  void aWriterMakesOneSnapshotAndTakesNoBytesAfterIt() {
    Snapshot.Writer writer = Snapshot.writer();
    writer.write(1);
    Snapshot made = writer.toSnapshot(STREAM, 1, 1, "rules-1");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> writer.write(2));
    assertEquals("Snapshot.Writer: the snapshot was already made", e.getMessage());
    assertThrows(IllegalStateException.class,
        () -> writer.toSnapshot(STREAM, 1, 1, "rules-1"));
    assertArrayEquals(new byte[] {1}, made.toByteArray());
  }

  @Test
  void theWritersPartsAreCheckedAsOfChecksThem() {
    Snapshot.Writer writer = Snapshot.writer();
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> writer.toSnapshot(STREAM, -1, 1, "rules-1"));
    assertEquals(assertThrows(InvalidValueException.class,
        () -> Snapshot.of(STREAM, -1, 1, "rules-1", new byte[0])).getMessage(), e.getMessage());
    assertThrows(InvalidValueException.class, () -> writer.toSnapshot(null, 1, 1, "rules-1"));
    assertThrows(InvalidValueException.class, () -> writer.toSnapshot(STREAM, 1, 0, "rules-1"));
    assertThrows(InvalidValueException.class, () -> writer.toSnapshot(STREAM, 1, 1, "a b"));
    writer.write(5);
    assertEquals(1, writer.toSnapshot(STREAM, 1, 1, "rules-1").size(),
        "a refused make leaves the writer usable");
  }
}
