package org.pcop.io.eventlog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.pcop.io.CaseLabels;
import org.pcop.io.ImportError;
import org.pcop.io.ImportResult;
import org.pcop.io.ReadLimits;
import org.pcop.io.internal.Decoding;

/**
 * Reads and writes event logs: NDJSON, one event a line, each an object whose {@code "type"} is
 * one of {@link org.pcop.io.json.EventTypes#names()}. Its JSON Schema ships in this module (see
 * {@link org.pcop.io.schema.PcopSchemas}).
 *
 * <pre>{@code
 * EventLogFormat format = EventLogFormat.with(ReadLimits.defaults());
 * try (EventLogWriter writer = format.writer(Files.newOutputStream(file))) {
 *   writer.write(event);                  // case labels left out unless CaseLabels.INCLUDED
 * }
 * ImportResult<Long> check = format.check(file);      // every bad line and unknown id
 * try (Stream<PcopEvent> events = format.reader(file).stream()) {
 *   events.forEach(projection::apply);
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; readers and writers are not.
 */
public final class EventLogFormat {
  private final ReadLimits limits;

  private EventLogFormat(ReadLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * A format reading under the default limits, strictly.
   *
   * @return the format
   */
  public static EventLogFormat create() {
    return new EventLogFormat(ReadLimits.defaults());
  }

  /**
   * A format reading under {@code limits} (the line length limit is
   * {@link ReadLimits#getMaxEventLineLength()}).
   *
   * @param limits the limits
   * @return the format
   */
  public static EventLogFormat with(ReadLimits limits) {
    return new EventLogFormat(limits);
  }

  /**
   * A reader of the log in {@code in}, which the reader closes.
   *
   * @param in UTF-8 NDJSON
   * @return the reader
   */
  public EventLogReader reader(InputStream in) {
    return new EventLogReader(Objects.requireNonNull(in, "in"), limits);
  }

  /**
   * A reader of the log in {@code file}.
   *
   * @param file the file
   * @return the reader, which closes the file
   * @throws IOException if the file cannot be opened
   */
  public EventLogReader reader(Path file) throws IOException {
    return reader(Files.newInputStream(file));
  }

  /**
   * A reader of a log held as text.
   *
   * @param ndjson the log
   * @return the reader
   */
  public EventLogReader reader(String ndjson) {
    return reader(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A writer to {@code out}, which the writer closes, that leaves case labels out: each is
   * written as {@link CaseLabels#PLACEHOLDER}.
   *
   * @param out the output
   * @return the writer
   * @throws IOException if the output cannot be written
   */
  public EventLogWriter writer(OutputStream out) throws IOException {
    return writer(out, CaseLabels.LEFT_OUT);
  }

  /**
   * A writer to {@code out}, which the writer closes, that writes case labels or leaves them out.
   *
   * @param out the output
   * @param caseLabels {@link CaseLabels#INCLUDED} to write labels as they are
   * @return the writer
   * @throws IOException if the output cannot be written
   */
  public EventLogWriter writer(OutputStream out, CaseLabels caseLabels) throws IOException {
    return new EventLogWriter(Objects.requireNonNull(out, "out"), caseLabels);
  }

  /**
   * Reads a whole log from the start of a community without keeping its events, and reports
   * every bad line (up to {@link ReadLimits#getMaxErrors()}, with a count of the rest): a line
   * that is not a valid event, and an event that names a member, agency, site, activity,
   * exchange, request for information or topic that no earlier line created, with the line, the
   * JSON pointer and the missing id. It is {@link #check(InputStream, KnownIds)} with
   * {@link KnownIds#none()}; for a log that continues a stored history, give what the store
   * holds there. Use it before applying a log that must be applied all or nothing. Closes
   * {@code in}.
   *
   * @param in UTF-8 NDJSON
   * @return the number of events when every line is valid and every reference resolves, or the
   *     errors
   * @throws IOException if the input cannot be read
   */
  public ImportResult<Long> check(InputStream in) throws IOException {
    return check(in, KnownIds.none());
  }

  /**
   * Reads a whole log, reports every bad line as {@link #check(InputStream)} does, and checks
   * that every reference resolves at its point of the history: an event that names a member, agency, site, activity,
   * exchange, request for information or topic that neither {@code known} holds nor an earlier
   * line created is an error naming the line, the JSON pointer and the missing id. Only ids are
   * kept, so memory grows with what the log creates, not with its length. Closes {@code in}.
   *
   * @param in UTF-8 NDJSON
   * @param known what exists before the log's first line ({@link KnownIds#none()} for a log
   *     from the start of a community)
   * @return the number of events when every line is valid and every reference resolves, or the
   *     errors
   * @throws IOException if the input cannot be read
   */
  public ImportResult<Long> check(InputStream in, KnownIds known) throws IOException {
    return check(in, new References(Objects.requireNonNull(known, "known")));
  }

  private ImportResult<Long> check(InputStream in, References references) throws IOException {
    Decoding all = new Decoding(limits, (pointer, message) -> ImportError.json(0, 0, pointer,
        message));
    long events = 0;
    try (EventLogReader reader = reader(in)) {
      List<ImportError> lineErrors;
      while ((lineErrors = reader.nextLine()) != null) {
        lineErrors.forEach(all::add);
        if (!lineErrors.isEmpty()) {
          if (reader.inputBroken()) {
            break;
          }
          continue;
        }
        if (reader.isEmptyLine()) {
          if (limits.isStrict()) {
            all.add(ImportError.json(reader.lineNumber(), 1, "",
                "empty line; expected one event per line"));
          }
          continue;
        }
        Decoding line = reader.decodeLine();
        line.errors().forEach(all::add);
        for (int i = 0; i < line.omitted(); i++) {
          all.add(ImportError.json(reader.lineNumber(), 0, "", "further error"));
        }
        if (line.errorCount() == 0) {
          List<References.Problem> problems = references.apply(reader.decodedEvent());
          for (References.Problem problem : problems) {
            all.add(ImportError.json(reader.lineNumber(), 0, problem.pointer(),
                problem.message()));
          }
          if (problems.isEmpty()) {
            events++;
          }
        }
      }
    }
    if (all.errorCount() > 0) {
      return ImportResult.invalid("event log", all.errors(), all.omitted());
    }
    return ImportResult.valid("event log", events);
  }

  /**
   * Checks the log in {@code file} from the start of a community, its references included; see
   * {@link #check(InputStream)}.
   *
   * @param file the file
   * @return the number of events, or the errors
   * @throws IOException if the file cannot be read
   */
  public ImportResult<Long> check(Path file) throws IOException {
    return check(Files.newInputStream(file));
  }

  /**
   * Checks the log in {@code file} and its references; see
   * {@link #check(InputStream, KnownIds)}.
   *
   * @param file the file
   * @param known what exists before the log's first line
   * @return the number of events, or the errors
   * @throws IOException if the file cannot be read
   */
  public ImportResult<Long> check(Path file, KnownIds known) throws IOException {
    return check(Files.newInputStream(file), Objects.requireNonNull(known, "known"));
  }
}
