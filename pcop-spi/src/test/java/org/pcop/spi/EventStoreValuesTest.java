package org.pcop.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MissingValueException;
import org.pcop.model.event.EventId;

/** The values the event store speaks in refuse what no store should keep. */
class EventStoreValuesTest {
  private static final EventId ID = EventId.of("e-1");

  private static void assertRefused(String message, Runnable build) {
    assertEquals(message, assertThrows(InvalidValueException.class, build::run).getMessage());
  }

  @Test
  void streamIdsFollowTheIdentifierShapeUpTo128Characters() {
    assertEquals("member-m-17", StreamId.of("member-m-17").toString());
    assertEquals(128, StreamId.of("s".repeat(128)).value().length());
    assertRefused("StreamId.value: must be 1 to 128 letters, digits, '.', '_', ':' or '-',"
        + " starting with a letter or digit; got \"-x\"", () -> StreamId.of("-x"));
    assertThrows(InvalidValueException.class, () -> StreamId.of("s".repeat(129)));
    assertRefused("StreamId.value: must not be null", () -> StreamId.of(null));
    assertTrue(StreamId.of("a").compareTo(StreamId.of("b")) < 0);
  }

  @Test
  void expectedVersionsSayWhichStreamsMeetThem() {
    assertTrue(ExpectedVersion.noStream().isMetBy(0));
    assertFalse(ExpectedVersion.noStream().isMetBy(1));
    assertTrue(ExpectedVersion.exactly(3).isMetBy(3));
    assertFalse(ExpectedVersion.exactly(3).isMetBy(2));
    assertFalse(ExpectedVersion.exactly(3).isMetBy(4));
    assertTrue(ExpectedVersion.any().isMetBy(0));
    assertTrue(ExpectedVersion.any().isMetBy(9));
    assertEquals("no stream", ExpectedVersion.noStream().toString());
    assertEquals("version 3", ExpectedVersion.exactly(3).toString());
    assertEquals("any version", ExpectedVersion.any().toString());
  }

  @Test
  void expectedVersionsRefuseImpossibleVersions() {
    assertRefused("ExpectedVersion.version: must be 1 or more for an exact expectation (a"
        + " stream's first event has version 1; use noStream() for a stream that must not"
        + " exist); got 0", () -> ExpectedVersion.exactly(0));
    assertRefused("ExpectedVersion.version: must be 0 for ANY; got 2",
        () -> new ExpectedVersion(ExpectedVersion.Kind.ANY, 2));
    assertRefused("ExpectedVersion.kind: must not be null", () -> new ExpectedVersion(null, 0));
  }

  @Test
  void payloadsAreCopiedInAndOut() {
    byte[] bytes = {1, 2, 3};
    EventData event = EventData.binary(ID, "t", bytes);
    bytes[0] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, event.getPayload());
    event.getPayload()[1] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, event.getPayload());
    assertEquals(EventData.binary(ID, "t", new byte[] {1, 2, 3}), event);
    assertNotEquals(EventData.binary(ID, "t", new byte[] {1, 2, 4}), event);
  }

  @Test
  void jsonPayloadsAreUtf8Text() {
    EventData event = EventData.json(ID, "pcop.MemberEnrolled/1", "{\"name\":\"Zoë Ñúñez\"}");
    assertEquals(PayloadFormat.JSON, event.getFormat());
    assertEquals("{\"name\":\"Zoë Ñúñez\"}", event.getPayloadText());
    assertArrayEquals("{\"name\":\"Zoë Ñúñez\"}".getBytes(StandardCharsets.UTF_8),
        event.getPayload());
    assertRefused("EventData.payload: a JSON payload must be UTF-8 text; event e-1 is not",
        () -> EventData.builder().eventId(ID).type("t").format(PayloadFormat.JSON)
            .payload(new byte[] {(byte) 0xC3}).build());
  }

  @Test
  void refusesBadTypesOversizedPayloadsAndBadMetadata() {
    assertRefused("EventData.type: must be 1 to 200 letters, digits, '.', '_', ':', '-' or '/',"
        + " starting with a letter or digit; got \"two words\"",
        () -> EventData.json(ID, "two words", "{}"));
    assertEquals(EventData.MAX_PAYLOAD_BYTES,
        EventData.binary(ID, "t", new byte[EventData.MAX_PAYLOAD_BYTES]).getPayload().length);
    assertRefused("EventData.payload: must be at most 1048576 bytes; got 1048577",
        () -> EventData.binary(ID, "t", new byte[EventData.MAX_PAYLOAD_BYTES + 1]));
    assertRefused("EventData.metadata: keys must be 1 to 64 letters, digits, '.', '_', ':' or"
        + " '-'; got \"a b\"", () -> EventData.builder().eventId(ID).type("t")
            .format(PayloadFormat.JSON).payload(new byte[0]).putMetadata("a b", "x").build());
    assertRefused("EventData.metadata[k]: must be at most 1024 characters; got 1025",
        () -> EventData.builder().eventId(ID).type("t").format(PayloadFormat.JSON)
            .payload(new byte[0]).metadata(Map.of("k", "x".repeat(1025))).build());
    assertThrows(MissingValueException.class, () -> EventData.json(null, "t", "{}"));
  }

  @Test
  void appendResultsDescribeOneConsecutiveBatch() {
    AppendResult result = AppendResult.builder().stream(StreamId.of("s")).firstVersion(2)
        .lastVersion(4).firstPosition(10).lastPosition(12).recordedAt(Instant.EPOCH).retry(false)
        .build();
    assertEquals(4, result.getLastVersion());
    assertEquals(Instant.EPOCH, result.getRecordedAt());
    assertThrows(MissingValueException.class, () -> AppendResult.builder()
        .stream(StreamId.of("s")).firstVersion(2).lastVersion(4).firstPosition(10)
        .lastPosition(12).retry(false).build());
    assertRefused("AppendResult.lastPosition: a batch of 3 events must span as many positions;"
        + " got 10 to 13", () -> AppendResult.builder().from(result).lastPosition(13).build());
    assertRefused("AppendResult.lastVersion: must not be below firstVersion 2; got 1",
        () -> AppendResult.builder().from(result).lastVersion(1).build());
    assertRefused("AppendResult.firstVersion: must be 1 or more; got 0",
        () -> AppendResult.builder().from(result).firstVersion(0).build());
  }

  @Test
  void recordedEventsStartAtVersionAndPositionOne() {
    assertRefused("RecordedEvent.position: must be 1 or more; got 0",
        () -> RecordedEvent.builder().stream(StreamId.of("s")).version(1).position(0)
            .recordedAt(Instant.EPOCH).event(EventData.json(ID, "t", "{}")).build());
  }

  @Test
  void conflictsCarryBothVersions() {
    VersionConflictException e = new VersionConflictException(StreamId.of("s"),
        ExpectedVersion.exactly(2), 5);
    assertEquals(ExpectedVersion.exactly(2), e.getExpected());
    assertEquals(5, e.getActual());
    assertEquals("stream s: expected version 2 but the stream is at version 5; nothing was"
        + " written", e.getMessage());
    assertEquals("stream s: expected version 2 but the stream is at no stream (version 0);"
        + " nothing was written",
        new VersionConflictException(StreamId.of("s"), ExpectedVersion.exactly(2), 0)
            .getMessage());
  }
}
