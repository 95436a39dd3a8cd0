package org.pcop.io.eventlog;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import org.pcop.io.internal.EventCodecs;
import org.pcop.model.event.PcopEvent;

/**
 * Writes events to an NDJSON event log, one event a line in UTF-8, each line ending with a line
 * feed. Line breaks inside text are escaped, so a line is always one whole event. Closing the
 * writer closes the output. Not thread-safe.
 */
public final class EventLogWriter implements Closeable, Flushable {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator g;
  private long count;

  EventLogWriter(OutputStream out) throws IOException {
    g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    g.setRootValueSeparator(null);
  }

  /**
   * Appends one event as one line.
   *
   * @param event the event
   * @throws IOException if writing fails
   */
  public void write(PcopEvent event) throws IOException {
    Objects.requireNonNull(event, "event");
    EventCodecs.EVENT.encode(event, g);
    g.writeRaw('\n');
    count++;
  }

  /**
   * Appends every event, in order.
   *
   * @param events the events
   * @throws IOException if writing fails
   */
  public void writeAll(Iterable<? extends PcopEvent> events) throws IOException {
    for (PcopEvent event : events) {
      write(event);
    }
  }

  /**
   * How many events were written.
   *
   * @return the count
   */
  public long count() {
    return count;
  }

  @Override
  public void flush() throws IOException {
    g.flush();
  }

  @Override
  public void close() throws IOException {
    g.close();
  }
}
