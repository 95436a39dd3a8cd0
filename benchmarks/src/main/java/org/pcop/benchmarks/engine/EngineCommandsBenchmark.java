package org.pcop.benchmarks.engine;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.benchmarks.jdbc.Database;
import org.pcop.benchmarks.jdbc.RawJdbcAppender;
import org.pcop.engine.CommandResult;
import org.pcop.engine.Pcop;
import org.pcop.model.event.EventId;
import org.pcop.samples.jdbcstore.JdbcEventStore;
import org.pcop.spi.EventData;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StreamId;

/**
 * Commands through the embedded engine over the sample {@link JdbcEventStore}, one at a time, in
 * a realistic mix ({@link CommandMix}: participations, exchange steps, requests for information
 * posted, answered and accepted), beside plain JDBC appending the same events, one per
 * transaction, on the same connection ({@link RawJdbcAppender}, as durable as the store). A
 * command is everything the engine does for it: authorise, validate, decide, screen its text
 * for case facts, audit, append (one JDBC transaction: on PostgreSQL one statement and the
 * commit, as the raw side), apply its events to the projection, and notify. Both sides' commits
 * are on the device when they return (see {@link Database}). Mode {@code SampleTime} gives the
 * mean (throughput is its inverse: one thread) and the p50 and p99 of each side.
 *
 * <p>The engine's events are the raw side's payloads: after the community is populated and one
 * cycle has run, the rows one cycle appended (payload and metadata as the engine wrote them) are
 * the pool the raw side appends from, each with a new event id into a new stream.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.unsupported"})
public class EngineCommandsBenchmark {
  /** The database. */
  @Param({"H2", "POSTGRESQL"})
  public Database.Kind database;

  private Database db;
  private Pcop pcop;
  private CommandMix mix;
  private RawJdbcAppender raw;
  private List<EventData> pool;
  private long rawAppends;

  /** Starts the database, populates the community through the engine, and runs one cycle. */
  @Setup(Level.Trial)
  public void setUp() {
    db = Database.start(database);
    JdbcEventStore store = JdbcEventStore.open(db.dataSource());
    mix = new CommandMix("b-");
    pcop = mix.engine(store);
    mix.populate(pcop);
    List<String> types = new ArrayList<>();
    for (int i = 0; i < CommandMix.CYCLE; i++) {
      types.addAll(mix.next(pcop).eventTypes());
    }
    if (!types.equals(CommandMix.cycleTypes())) {
      throw new IllegalStateException("the mix appended " + types + ", expected "
          + CommandMix.cycleTypes());
    }
    StreamId stream = StreamId.of("pcop-" + NationalCommunity.COMMUNITY.getId());
    long version = 0;
    for (List<RecordedEvent> page = store.readStream(stream, 0, 1000); !page.isEmpty();
        page = store.readStream(stream, version, 1000)) {
      version = page.get(page.size() - 1).getVersion();
    }
    pool = new ArrayList<>();
    for (RecordedEvent recorded : store.readStream(stream, version - CommandMix.CYCLE,
        CommandMix.CYCLE)) {
      pool.add(recorded.getEvent());
    }
    raw = new RawJdbcAppender(db.dataSource(), db.number(
        "SELECT COALESCE(MAX(global_position), 0) FROM pcop_events"), Clock.systemUTC());
  }

  /** Closes the engine and stops the database. */
  @TearDown(Level.Trial)
  public void tearDown() {
    pcop.close();
    db.close();
  }

  /**
   * The next command of the mix through the engine.
   *
   * @return what it appended
   */
  @Benchmark
  public CommandResult engineCommand() {
    return mix.next(pcop);
  }

  /**
   * One of the same events appended by plain JDBC in its own transaction.
   *
   * @throws SQLException if the database refuses
   */
  @Benchmark
  public void rawJdbcAppendOfOneEvent() throws SQLException {
    long n = rawAppends++;
    EventData event = pool.get((int) (n % pool.size()));
    raw.append(StreamId.of("raw-" + n), List.of(EventData.builder().from(event)
        .eventId(EventId.of("raw-" + n)).build()));
  }
}
