package org.pcop.tck;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.pcop.model.event.EventId;
import org.pcop.spi.EventData;
import org.pcop.spi.PayloadFormat;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StreamId;

/**
 * The events {@link EventStoreCompatibilityKit} appends (JSON with non-ASCII text and metadata, in
 * batches, up to the largest payload the interface allows) and how it names and compares what
 * comes back.
 */
final class StorePayloads {
  private StorePayloads() {}

  static StreamId stream(String name) {
    return StreamId.of(name);
  }

  static EventData json(String id, String json) {
    return EventData.builder().eventId(EventId.of(id)).type("tck.Json/1")
        .format(PayloadFormat.JSON).payload(json.getBytes(StandardCharsets.UTF_8))
        .putMetadata("request", "req-" + id).build();
  }

  static List<EventData> batch(String prefix, int size) {
    return IntStream.rangeClosed(1, size)
        .mapToObj(i -> json(prefix + "-" + i, "{\"n\":" + i + ",\"text\":\"café ✓\"}"))
        .collect(Collectors.toList());
  }

  static List<String> ids(List<RecordedEvent> events) {
    return events.stream().map(e -> e.getEvent().getEventId().value())
        .collect(Collectors.toList());
  }

  static List<String> eventIds(List<EventData> events) {
    return events.stream().map(e -> e.getEventId().value()).collect(Collectors.toList());
  }

  /**
   * A JSON text of exactly {@link EventData#MAX_PAYLOAD_BYTES} bytes: a byte order mark, CRLF and
   * tabs between tokens, decomposed and precomposed non-ASCII, escapes, and trailing white space
   * that fills it to the limit.
   */
  static String largestJson() {
    String head = "\ufeff {\r\n\t\"text\": \"";
    String tail = "\"\r\n}";
    String chunk = "Jose\u0301 Zo\u00eb \u540d\u524d \ud83d\ude42 \\u00e9\\t ";
    int bytes = utf8Length(head) + utf8Length(tail);
    int chunkBytes = utf8Length(chunk);
    StringBuilder json = new StringBuilder(head);
    while (bytes + chunkBytes <= EventData.MAX_PAYLOAD_BYTES) {
      json.append(chunk);
      bytes += chunkBytes;
    }
    json.append(tail);
    json.append(" ".repeat(EventData.MAX_PAYLOAD_BYTES - bytes));
    return json.toString();
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Where two payloads first differ, for a failure message. */
  static String difference(byte[] expected, byte[] actual) {
    int at = 0;
    while (at < expected.length && at < actual.length && expected[at] == actual[at]) {
      at++;
    }
    return "expected " + expected.length + " bytes, got " + actual.length + "; first difference"
        + " at byte " + at;
  }
}
