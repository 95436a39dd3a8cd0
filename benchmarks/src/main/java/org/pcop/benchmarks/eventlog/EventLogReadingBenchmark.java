package org.pcop.benchmarks.eventlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.io.eventlog.EventLogReader;

/**
 * Reading an NDJSON event log of {@value #LINES} events ({@link GeneratedEventLog}, written to a
 * temporary file once) two ways: {@link #pcopReader} with pcop's {@link EventLogReader} into
 * model events (parse, build, validate, every check of the format), and {@link #rawTokens}, a raw
 * Jackson streaming pass over the same file that only reads tokens. Both score in lines per second
 * (one operation is one line), so their ratio is the price of a safe import; the target is at
 * least half the raw pass's throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--add-modules", "jdk.unsupported"})
public class EventLogReadingBenchmark {
  /** Events (lines) in the log; one operation is one line. */
  public static final int LINES = 1_000_000;

  /**
   * Which log: {@code national}, the national community's full-mix history (enrolments,
   * exchanges and every other kind, as {@link GeneratedEventLog#writeNational} writes it), or
   * {@code synthetic}, the earlier log of mostly participations ({@link GeneratedEventLog#write}).
   */
  @Param({"national", "synthetic"})
  public String log;

  private Path file;
  private final JsonFactory raw = new JsonFactory();

  /**
   * Writes the log and checks once that both passes see every line.
   *
   * @throws IOException if the file cannot be written or read
   * @throws IllegalStateException if a pass does not see every line
   */
  @Setup(Level.Trial)
  public void writeLog() throws IOException {
    file = Files.createTempFile("pcop-event-log", ".ndjson");
    if (log.equals("national")) {
      GeneratedEventLog.writeNational(file, LINES);
    } else {
      GeneratedEventLog.write(file, LINES);
    }
    long events = 0;
    try (EventLogReader reader = EventLogFormat.create().reader(file)) {
      while (reader.hasNext()) {
        reader.next();
        events++;
      }
    }
    long objects = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        JsonParser p = raw.createParser(in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_OBJECT
            && p.getParsingContext().getParent().inRoot()) {
          objects++;
        }
      }
    }
    if (events != LINES || objects != LINES) {
      throw new IllegalStateException("expected " + LINES + " lines; pcop read " + events
          + " events and the raw pass " + objects + " objects");
    }
  }

  /**
   * Deletes the log.
   *
   * @throws IOException if it cannot be deleted
   */
  @TearDown(Level.Trial)
  public void deleteLog() throws IOException {
    Files.deleteIfExists(file);
  }

  /**
   * pcop's reader: every line parsed, built into a model event and validated.
   *
   * @param sink receives each event
   * @throws IOException if the file cannot be read
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public void pcopReader(Blackhole sink) throws IOException {
    try (EventLogReader reader = EventLogFormat.create().reader(file)) {
      while (reader.hasNext()) {
        sink.consume(reader.next());
      }
    }
  }

  /**
   * The raw pass: Jackson's streaming parser over the same bytes, reading tokens only.
   *
   * @param sink receives each token
   * @throws IOException if the file cannot be read
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public void rawTokens(Blackhole sink) throws IOException {
    try (InputStream in = Files.newInputStream(file); JsonParser p = raw.createParser(in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        sink.consume(t);
      }
    }
  }
}
