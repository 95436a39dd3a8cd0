package org.pcop.benchmarks.jdbc;

import java.sql.SQLException;
import java.time.Clock;
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
import org.pcop.samples.jdbcstore.JdbcEventStore;
import org.pcop.spi.AppendResult;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.StreamId;

/**
 * Appending one batch of events to a new stream: through the sample {@link JdbcEventStore} (one
 * transaction: one statement that moves the position row on, taking its lock, and checks that
 * the stream is new; the batch insert; commit; on PostgreSQL, for up to 200 events, the position
 * row, the check and the insert are one statement) beside plain JDBC batch inserts of the same rows
 * into the same table ({@link RawJdbcAppender}). Both sides use the same connection, with the same
 * driver settings: on {@code POSTGRESQL} the store's recommended
 * {@code reWriteBatchedInserts=true}, on {@code POSTGRESQL_DRIVER_DEFAULTS} (not run by default;
 * add {@code -p database=POSTGRESQL_DRIVER_DEFAULTS}) the driver's defaults. Each trial starts a
 * fresh database; the table grows as the measurement goes on, for both alike. Payloads are
 * generated events as NDJSON lines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.unsupported"})
public class JdbcAppendBenchmark {
  /** The database. */
  @Param({"H2", "POSTGRESQL"})
  public Database.Kind database;

  /** Events in a batch. */
  @Param({"100", "1000"})
  public int batch;

  private Database db;
  private JdbcEventStore store;
  private RawJdbcAppender raw;
  private EventBatches events;
  private long streams;

  /** Starts the database, creates the store's tables and prepares the payloads. */
  @Setup(Level.Trial)
  public void setUp() {
    db = Database.start(database);
    store = JdbcEventStore.open(db.dataSource());
    raw = new RawJdbcAppender(db.dataSource(), 0, Clock.systemUTC());
    events = EventBatches.of(NationalCommunity.national(200_000), 10_000, "bench-");
  }

  /** Stops the database. */
  @TearDown(Level.Trial)
  public void tearDown() {
    db.close();
  }

  /**
   * The sample JDBC event store.
   *
   * @return the append's result
   */
  @Benchmark
  public AppendResult jdbcEventStore() {
    return store.append(StreamId.of("member-" + streams++), ExpectedVersion.noStream(),
        events.next(batch));
  }

  /**
   * Plain JDBC batch inserts of the same rows.
   *
   * @throws SQLException if the database refuses
   */
  @Benchmark
  public void rawJdbc() throws SQLException {
    raw.append(StreamId.of("member-" + streams++), events.next(batch));
  }
}
