package org.pcop.io.eventlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.pcop.io.ImportError;
import org.pcop.io.ImportException;
import org.pcop.io.ReadLimits;
import org.pcop.io.internal.Codec;
import org.pcop.io.internal.Decoding;
import org.pcop.io.internal.EventCodecs;
import org.pcop.io.internal.JsonInput;
import org.pcop.io.internal.LineInput;
import org.pcop.io.internal.Validators;
import org.pcop.model.event.PcopEvent;

/**
 * Streams the events of an NDJSON event log, one line at a time: only the current line is held,
 * never the log. Each event is decoded through the model's builders and validated; the first bad
 * line stops the reader with an {@link ImportException} naming the line, the column and the JSON
 * pointer and what was expected there. Use {@link EventLogFormat#check} first to find every bad
 * line without applying anything.
 *
 * <p>Closing the reader closes the input; so does closing its {@link #stream()}. Not thread-safe.
 */
public final class EventLogReader implements Iterator<PcopEvent>, Closeable {
  private static final String WHAT = "event log";
  private static final Codec<PcopEvent> EVENT = Validators.validated(EventCodecs.EVENT);

  private static final Decoding.Locator UNLOCATED =
      (pointer, message) -> ImportError.json(0, 0, pointer, message);

  private final LineInput input;
  private final ReadLimits limits;
  private final JsonFactory factory;
  private final Decoding quickDecoding;
  private final EventDecoder quickly;
  private PcopEvent next;
  private PcopEvent lastDecoded;
  private long lineNumber;
  private boolean finished;

  EventLogReader(InputStream in, ReadLimits limits) {
    this.input = new LineInput(in, limits.getMaxEventLineLength());
    this.limits = limits;
    this.quickDecoding = new Decoding(limits, UNLOCATED);
    this.factory = JsonInput.factory(limits, limits.getMaxEventLineLength());
    this.quickly = EventDecoder.with(limits);
  }

  /**
   * Whether another event follows.
   *
   * @return true when {@link #next()} returns an event
   * @throws ImportException if the next line is not a valid event
   * @throws UncheckedIOException if the input cannot be read
   */
  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (finished) {
      return false;
    }
    try {
      next = readEvent();
    } catch (IOException e) {
      finished = true;
      throw new UncheckedIOException(e);
    } catch (ImportException e) {
      finished = true;
      throw e;
    }
    if (next == null) {
      finished = true;
    }
    return next != null;
  }

  /**
   * The next event.
   *
   * @return the event
   * @throws NoSuchElementException at the end of the log
   * @throws ImportException if the next line is not a valid event
   */
  @Override
  public PcopEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the event log has no more events");
    }
    PcopEvent event = next;
    next = null;
    return event;
  }

  /**
   * The number of the line read last, from 1.
   *
   * @return the line number
   */
  public long lineNumber() {
    return lineNumber;
  }

  /**
   * The remaining events as a sequential stream; closing the stream closes this reader.
   *
   * @return the stream
   */
  public Stream<PcopEvent> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::closeQuietly);
  }

  private PcopEvent readEvent() throws IOException {
    while (true) {
      List<ImportError> errors = nextLine();
      if (errors == null) {
        return null;
      }
      if (!errors.isEmpty()) {
        throw new ImportException(WHAT, errors, 0);
      }
      if (input.length() == 0) {
        if (limits.isStrict()) {
          throw new ImportException(WHAT, List.of(ImportError.json(lineNumber, 1, "",
              "empty line; expected one event per line")), 0);
        }
        continue;
      }
      Decoding d = decodeLine();
      if (d.errorCount() > 0) {
        throw new ImportException(WHAT, d.errors(), d.omitted());
      }
      return lastDecoded;
    }
  }

  /**
   * Decodes the current line into {@link #lastDecoded}, collecting its errors. A line is first
   * read the two quick ways of {@link EventDecoder} (straight from its bytes into the builders for
   * the kinds of event a log mostly holds, answering only when sure; then a tree read from its
   * bytes, without noting where each value is); only a line refused both ways is
   * read again from its text, noting every location, so that its errors are exactly those of a
   * careful reading. Every way applies every check.
   */
  Decoding decodeLine() throws IOException {
    lastDecoded = null;
    PcopEvent quick = quickly.decodeWithoutLocations(input.bytes(), input.offset(),
        input.length());
    if (quick != null) {
      lastDecoded = quick;
      return quickDecoding;
    }
    JsonInput json;
    try (JsonParser p = factory.createParser(input.text())) {
      json = JsonInput.read(p, limits, lineNumber);
    } catch (JsonInput.Failure e) {
      Decoding d = new Decoding(limits, (pointer, message) ->
          ImportError.json(lineNumber, 0, pointer, message));
      d.add(e.error());
      return d;
    }
    Decoding d = new Decoding(limits, json);
    PcopEvent event = EVENT.decode(json.root(), "", d);
    if (event != null && d.errorCount() == 0) {
      lastDecoded = event;
    }
    return d;
  }

  /** The event {@link #decodeLine()} read last, or null if the line had errors. */
  PcopEvent decodedEvent() {
    return lastDecoded;
  }

  /**
   * Reads the next line.
   *
   * @return null at the end of input, an empty list for a line read, or the errors that refused
   *     the line (too long, malformed UTF-8); the rest of a refused line is skipped
   */
  List<ImportError> nextLine() throws IOException {
    LineInput.Status status = input.next();
    lineNumber = input.lineNumber();
    switch (status) {
      case END:
        return null;
      case TOO_LONG:
        return List.of(ImportError.json(lineNumber, limits.getMaxEventLineLength() + 1L, "",
            "line is longer than " + limits.getMaxEventLineLength()
                + " characters; expected one event per line within the limit"));
      case MALFORMED:
        finished = true;
        return List.of(ImportError.json(lineNumber, input.malformedColumn(), "",
            "malformed UTF-8; expected the log to be UTF-8 text"));
      default:
        return List.of();
    }
  }

  boolean isEmptyLine() {
    return input.length() == 0;
  }

  boolean inputBroken() {
    return finished;
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    finished = true;
    next = null;
    input.close();
  }
}
