package org.pcop.io.eventlog;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import org.pcop.io.CaseLabels;
import org.pcop.io.internal.CaseLabelsLeftOut;
import org.pcop.io.internal.EventCodecs;
import org.pcop.model.event.PcopEvent;

/**
 * Writes events to an NDJSON event log, one event a line in UTF-8, each line ending with a line
 * feed. Line breaks inside text are escaped, so a line is always one whole event. Case labels
 * are written or left out as the writer was made (see {@link CaseLabels}); a label left out is
 * written as {@link CaseLabels#PLACEHOLDER}, so the log reads back as it is. Closing the writer
 * closes the output. Not thread-safe.
 */
public final class EventLogWriter implements Closeable, Flushable {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator g;
  private final CaseLabels caseLabels;
  private long count;

  EventLogWriter(OutputStream out, CaseLabels caseLabels) throws IOException {
    this.caseLabels = Objects.requireNonNull(caseLabels, "caseLabels");
    JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    generator.setRootValueSeparator(null);
    g = caseLabels == CaseLabels.LEFT_OUT ? new CaseLabelsLeftOut(generator) : generator;
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
   * Whether this writer writes case labels or leaves them out.
   *
   * @return the choice the writer was made with
   */
  public CaseLabels caseLabels() {
    return caseLabels;
  }

  /**
   * How many case labels were left out so far (written as {@link CaseLabels#PLACEHOLDER}); 0
   * when the writer includes them.
   *
   * @return the count
   */
  public long caseLabelsLeftOut() {
    return g instanceof CaseLabelsLeftOut out ? out.leftOut() : 0;
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
