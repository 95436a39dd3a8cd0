package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.snapshot.RecordParts;
import org.pcop.rules.snapshot.SnapshotBytes;

/**
 * An output that streams, which the engine writes its snapshot with so that a large snapshot is
 * never one array, writes exactly the bytes the buffered output returns, parts larger than its
 * buffer included; and a record written in place inside a larger snapshot reads back as the
 * record, leaving the reader after it.
 */
class StreamedSnapshotTest {
  private static byte[] buffered(Consumer<SnapshotBytes.Output> parts) {
    SnapshotBytes.Output out = new SnapshotBytes.Output(16);
    parts.accept(out);
    return out.finish();
  }

  private static byte[] streamed(Consumer<SnapshotBytes.Output> parts) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    SnapshotBytes.Output out = new SnapshotBytes.Output((bytes, count) -> sink.write(bytes, 0,
        count));
    parts.accept(out);
    out.finishStream();
    return sink.toByteArray();
  }

  @Test
  void aStreamedOutputWritesTheBytesTheBufferedOneReturns() {
    SplittableRandom random = new SplittableRandom(11);
    for (int size : new int[] {0, 1, 16_383, 16_384, 16_385, 65_536, 200_001}) {
      int[] ints = random.ints(size).toArray();
      long[] longs = random.longs(size / 2 + 1).toArray();
      byte[] bytes = new byte[size * 2];
      random.nextBytes(bytes);
      Consumer<SnapshotBytes.Output> parts = out -> {
        out.putInt(size);
        out.putString("a text, \u00e9 and all");
        out.putString(null);
        out.putInts(ints, size);
        out.putByte(7);
        out.putLongs(longs);
        out.putBytes(bytes);
        out.putInstant(Instant.ofEpochSecond(1_700_000_000L, 5));
        out.putInts(ints, size / 3);
        out.putLong(-1);
      };
      assertArrayEquals(buffered(parts), streamed(parts), size + " numbers");
    }
  }

  @Test
  void eachOutputEndsOnlyItsOwnWay() {
    assertThrows(IllegalStateException.class,
        () -> new SnapshotBytes.Output((bytes, count) -> { }).finish());
    assertThrows(IllegalStateException.class, () -> new SnapshotBytes.Output().finishStream());
  }

  @Test
  void moreValuesThanOnePartHoldReadBackWhole() {
    Scenario s = new Scenario().twoSites(Scenario.at("2026-01-05T09:00"));
    int count = 2 * org.pcop.rules.internal.RecordSnapshots.VALUES_PER_PART + 1;
    for (int i = 0; i < count; i++) {
      s.member(String.format("m-%05d", i), i % 2 == 0 ? "a-kc" : "a-mem",
          Scenario.at("2026-01-05T10:00"));
      s.membership(String.format("m-%05d", i), org.pcop.model.MembershipRole.MEMBER,
          org.pcop.model.MembershipStatus.ACTIVE, Scenario.at("2026-01-05T10:00"));
    }
    RecordSnapshotTest.KeptValues values = new RecordSnapshotTest.KeptValues();
    EngagementRecord read = RecordSnapshot.read(RecordSnapshot.write(s.record, values), values);
    RecordSnapshotTest.assertSameAnswers(s.record, read, s.log, count + " members");
    assertEquals(count, read.memberships(Scenario.PCOP).size());
  }

  @Test
  void aRecordWrittenInPlaceReadsBackAndLeavesTheReaderAfterIt() {
    for (int attempt = 0; attempt < 20; attempt++) {
      SplittableRandom random = new SplittableRandom(31 + attempt);
      List<Integer> choices = new ArrayList<>();
      for (int i = 0, size = attempt == 0 ? 0 : random.nextInt(300); i < size; i++) {
        choices.add(random.nextInt(100_001));
      }
      List<PcopEvent> log = RandomHistory.of(choices);
      EngagementRecord record = EngagementRecord.of(Scenario.COMMUNITY);
      log.forEach(record::apply);
      RecordSnapshotTest.KeptValues values = new RecordSnapshotTest.KeptValues();
      byte[] bytes = streamed(out -> {
        out.putString("before");
        RecordParts.write(record, values, out);
        out.putString("after");
      });
      SnapshotBytes.Input in = SnapshotBytes.Input.checked(ByteBuffer.wrap(bytes));
      assertEquals("before", in.string());
      EngagementRecord read = RecordParts.read(in, values);
      assertEquals("after", in.string(), "seed " + (31 + attempt));
      in.end();
      RecordSnapshotTest.assertSameAnswers(record, read, log, "seed " + (31 + attempt));
      assertArrayEquals(RecordSnapshot.write(record, new RecordSnapshotTest.KeptValues()),
          RecordSnapshot.write(read, new RecordSnapshotTest.KeptValues()),
          "seed " + (31 + attempt) + ": the record read back is the record written");
    }
  }
}
