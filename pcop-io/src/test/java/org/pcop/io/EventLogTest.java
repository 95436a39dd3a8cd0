package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.io.eventlog.EventLogReader;
import org.pcop.io.eventlog.EventLogWriter;
import org.pcop.model.ActivityId;
import org.pcop.model.MemberId;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;

class EventLogTest {
  private final EventLogFormat format = EventLogFormat.create();

  private String write(List<PcopEvent> events) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EventLogWriter writer = format.writer(out, CaseLabels.INCLUDED)) {
      writer.writeAll(events);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesOneEventALineAndReadsThemBack() throws IOException {
    String log = write(Samples.events());
    assertEquals(24, log.split("\n").length);
    assertTrue(log.endsWith("\n"));
    try (Stream<PcopEvent> events = format.reader(log).stream()) {
      assertEquals(Samples.events(), events.toList());
    }
  }

  @Test
  void closingTheStreamClosesTheInput() throws IOException {
    AtomicBoolean closed = new AtomicBoolean();
    InputStream in = new FilterInputStream(
        new java.io.ByteArrayInputStream(
            write(Samples.events()).getBytes(StandardCharsets.UTF_8))) {
      @Override
      public void close() throws IOException {
        closed.set(true);
        super.close();
      }
    };
    try (Stream<PcopEvent> events = format.reader(in).stream()) {
      assertEquals(3, events.limit(3).count());
      assertFalse(closed.get());
    }
    assertTrue(closed.get());
  }

  @Test
  void aBadLineStopsTheReaderNamingLineColumnAndPointer() throws IOException {
    String[] lines = write(Samples.events().subList(0, 3)).split("\n");
    lines[1] = lines[1].replace("\"m-18\"", "\"m 18\"");
    String log = String.join("\n", lines) + "\n";
    EventLogReader reader = format.reader(log);
    reader.next();
    ImportException e = assertThrows(ImportException.class, reader::next);
    ImportError error = e.errors().get(0);
    assertEquals(2, error.line());
    assertEquals("/member", error.pointer());
    assertEquals(lines[1].indexOf("\"m 18\"") + 1, error.column());
    assertFalse(reader.hasNext());
  }

  @Test
  void checkReportsEveryBadLineAndCountsTheGoodOnes() throws IOException {
    String[] lines = write(Samples.events().subList(0, 5)).split("\n");
    lines[1] = "{\"type\":\"member-vanished\"}";
    lines[3] = "not json";
    String log = String.join("\n", lines) + "\n";
    ImportResult<Long> result = format.check(
        new java.io.ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), Samples.known());
    assertEquals(List.of(2L, 4L), result.errors().stream().map(ImportError::line).toList());
    ImportResult<Long> good = format.check(new java.io.ByteArrayInputStream(
        write(Samples.events()).getBytes(StandardCharsets.UTF_8)), Samples.known());
    assertEquals(24L, good.orElseThrow());
  }

  /** Events made on demand, never all in memory. */
  private static Iterator<PcopEvent> generated(int count) {
    return new Iterator<>() {
      int n;

      @Override
      public boolean hasNext() {
        return n < count;
      }

      @Override
      public PcopEvent next() {
        n++;
        return ParticipationRecorded.builder().eventId(EventId.of("e-" + n))
            .actor(MemberId.of("m-" + (n % 97)))
            .occurredAt(Instant.ofEpochSecond(1_700_000_000L + n))
            .participation(Participation.of(ActivityId.of("act-" + (n % 13)),
                MemberId.of("m-" + (n % 89)), ParticipationKind.ATTENDED,
                Instant.ofEpochSecond(1_700_000_000L + n)))
            .build();
      }
    };
  }

  /**
   * An input stream whose bytes are written by an event log writer on demand, a buffer at a time:
   * the log never exists in full, in memory or on disk.
   */
  private static InputStream lazyLog(int count) {
    Iterator<PcopEvent> events = generated(count);
    return new InputStream() {
      private final ByteArrayOutputStream chunk = new ByteArrayOutputStream();
      private byte[] buffer = new byte[0];
      private int pos;
      private EventLogWriter writer;
      long maxBuffered;

      private boolean refill() throws IOException {
        if (writer == null) {
          writer = EventLogFormat.create().writer(new OutputStream() {
            @Override
            public void write(int b) {
              chunk.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
              chunk.write(b, off, len);
            }
          });
        }
        chunk.reset();
        for (int i = 0; i < 100 && events.hasNext(); i++) {
          writer.write(events.next());
        }
        writer.flush();
        buffer = chunk.toByteArray();
        pos = 0;
        maxBuffered = Math.max(maxBuffered, buffer.length);
        return buffer.length > 0;
      }

      @Override
      public int read() throws IOException {
        if (pos == buffer.length && !refill()) {
          return -1;
        }
        return buffer[pos++] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (pos == buffer.length && !refill()) {
          return -1;
        }
        int n = Math.min(len, buffer.length - pos);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }

  @Test
  void streamsALargeLogThatNeverExistsInFull() throws IOException {
    int count = 200_000;
    Iterator<PcopEvent> expected = generated(count);
    long read = 0;
    try (EventLogReader reader = format.reader(lazyLog(count))) {
      while (reader.hasNext()) {
        PcopEvent event = reader.next();
        assertEquals(expected.next(), event);
        read++;
      }
      assertEquals(count, reader.lineNumber());
    }
    assertEquals(count, read);
  }
}
