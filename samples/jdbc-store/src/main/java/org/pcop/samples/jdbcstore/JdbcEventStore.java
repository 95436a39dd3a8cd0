package org.pcop.samples.jdbcstore;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.pcop.model.event.EventId;
import org.pcop.spi.AppendResult;
import org.pcop.spi.EventData;
import org.pcop.spi.EventIdConflictException;
import org.pcop.spi.EventStore;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.PayloadFormat;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StoreFailureException;
import org.pcop.spi.StreamId;
import org.pcop.spi.VersionConflictException;

/**
 * An {@link EventStore} on plain JDBC, for H2 and PostgreSQL: a sample of the adapter a vendor
 * writes for its own database. It keeps every guarantee of the interface through the database,
 * not through state in this object, so any number of store instances, in one process or on
 * several servers, can share one database.
 *
 * <h2>Tables</h2>
 * {@code pcop_events} holds one row per event: global position (primary key), stream id, stream
 * version, event id, type name, payload format, payload bytes, metadata (a JSON object of
 * strings) and time of recording. It has a unique constraint on (stream id, stream version) and
 * one on the event id. {@code pcop_event_position} has exactly one row with the last global
 * position handed out. {@code pcop_schema_version} records the DDL scripts applied;
 * {@link #open(DataSource)} applies the missing ones.
 *
 * <h2>How each guarantee is kept</h2>
 * <ul>
 *   <li><b>Atomic batches:</b> an append is one transaction (auto-commit off, read committed);
 *       any failure before the commit rolls it back, so readers see all of a batch or none.
 *   <li><b>A gap-free global order:</b> an append first updates the position row
 *       ({@code last_position = last_position + batch size}), which locks the row until the
 *       transaction ends. Appends are therefore serialised by the database, each one's positions
 *       follow the previous commit's, and a rolled-back append gives its positions back. A
 *       sequence or identity column would be faster but leaves gaps on rollback and hands out
 *       numbers in an order other than commit order, so a reader could see position 7 before 6
 *       commits. The price is one writer at a time per database, which an event log of a
 *       community of practice (a few events a second at most) never notices.
 *   <li><b>Expected versions:</b> under that lock the append reads the stream's last version and
 *       refuses with a {@link VersionConflictException} if it is not the expected one. The unique
 *       constraint on (stream, version) is the database's own backstop: even a writer that does
 *       not take the lock cannot store two events at one version.
 *   <li><b>Idempotent retries:</b> under the lock the append looks up its event ids. All found,
 *       as one committed run of the same stream, means a retry: the original versions and
 *       positions are returned and nothing is written. Some found, or found elsewhere, is an
 *       {@link EventIdConflictException}. The unique constraint on the event id guarantees that
 *       no id is ever stored twice, whatever happens.
 *   <li><b>Durability:</b> the append returns only after the database acknowledged the commit.
 * </ul>
 * A lock timeout, a deadlock or a unique violation (another writer got there first) means nothing
 * was committed; the store then runs the append again, a few times at most, and the next attempt
 * sees what the other writer stored. A failure of the commit itself is reported as a
 * {@link StoreFailureException}: the batch may or may not be stored, and a retry with the same
 * event ids settles it.
 *
 * <p>The store holds no connection between calls: it takes one from the data source for each
 * call and closes it, so give it a pooled data source in production. It is thread-safe.
 */
public final class JdbcEventStore implements EventStore {
  /** How often an append that lost a lock or a race is tried in all. */
  private static final int MAX_ATTEMPTS = 8;

  /** Most event ids looked up in one statement. */
  private static final int LOOKUP_CHUNK = 100;

  private static final String COLUMNS = "global_position, stream_id, stream_version, event_id,"
      + " event_type, payload_format, payload, metadata, recorded_at";

  private final DataSource dataSource;
  private final Clock clock;
  private final Dialect dialect;
  private final String description;

  private JdbcEventStore(DataSource dataSource, Clock clock, Dialect dialect,
      String description) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.dialect = dialect;
    this.description = description;
  }

  /**
   * Opens the store on a database, creating or upgrading its tables if needed, with times of
   * recording from the system clock.
   *
   * @param dataSource an H2 or PostgreSQL database
   * @return the store
   * @throws IllegalArgumentException if {@code dataSource} is null or not a supported database
   * @throws IllegalStateException if the database's schema is newer than this store knows
   * @throws StoreFailureException if the database cannot be reached or the schema not created
   */
  public static JdbcEventStore open(DataSource dataSource) {
    return open(dataSource, Clock.systemUTC());
  }

  /**
   * Opens the store on a database, creating or upgrading its tables if needed.
   *
   * @param dataSource an H2 or PostgreSQL database
   * @param clock the clock for {@link RecordedEvent#getRecordedAt()} (kept to microseconds)
   * @return the store
   * @throws IllegalArgumentException if an argument is null or the database is not supported
   * @throws IllegalStateException if the database's schema is newer than this store knows
   * @throws StoreFailureException if the database cannot be reached or the schema not created
   */
  public static JdbcEventStore open(DataSource dataSource, Clock clock) {
    checkArgument(dataSource != null, "JdbcEventStore.open: dataSource must not be null");
    checkArgument(clock != null, "JdbcEventStore.open: clock must not be null");
    Dialect dialect;
    String description;
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      dialect = Dialect.of(metaData.getDatabaseProductName());
      description = "JdbcEventStore[" + metaData.getDatabaseProductName() + " "
          + metaData.getDatabaseProductVersion() + "]";
    } catch (SQLException e) {
      throw new StoreFailureException("JdbcEventStore.open: cannot connect to the database: "
          + e.getMessage(), e);
    }
    try {
      Schema.migrate(dataSource, dialect);
    } catch (SQLException e) {
      throw new StoreFailureException("JdbcEventStore.open: cannot create the pcop tables on "
          + dialect + ": " + e.getMessage(), e);
    }
    return new JdbcEventStore(dataSource, clock, dialect, description);
  }

  @Override
  public AppendResult append(StreamId stream, ExpectedVersion expected, List<EventData> events) {
    checkArgument(stream != null, "append: stream must not be null");
    checkArgument(expected != null, "append: expected version must not be null (stream %s)",
        stream);
    checkArgument(events != null && !events.isEmpty(),
        "append: events must hold at least one event (stream %s)", stream);
    Set<EventId> ids = new HashSet<>();
    for (int i = 0; i < events.size(); i++) {
      EventData event = events.get(i);
      checkArgument(event != null, "append: events[%d] must not be null (stream %s)", i, stream);
      checkArgument(ids.add(event.getEventId()),
          "append: events[%d] repeats event id %s within one batch (stream %s)", i,
          event.getEventId(), stream);
    }
    List<EventData> batch = List.copyOf(events);
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        return appendOnce(connection, stream, expected, batch);
      } catch (SQLException e) {
        if (attempt < MAX_ATTEMPTS && dialect.isRetryable(e)) {
          continue;
        }
        throw new StoreFailureException("stream " + stream + ": the append of "
            + batch.size() + " event(s) failed before its commit; nothing was written: "
            + e.getMessage(), e);
      }
    }
  }

  /**
   * One attempt in one transaction. Throws SQLException only if nothing was committed; a failed
   * commit becomes a StoreFailureException right here, since it must not be retried blindly.
   */
  private AppendResult appendOnce(Connection connection, StreamId stream,
      ExpectedVersion expected, List<EventData> batch) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    int isolation = connection.getTransactionIsolation();
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    try {
      AppendResult result;
      try {
        long lastPosition = takePositions(connection, batch.size());
        AppendResult retry = retryOf(connection, stream, batch);
        if (retry != null) {
          connection.rollback();
          return retry;
        }
        long actual = streamVersion(connection, stream);
        if (!expected.isMetBy(actual)) {
          connection.rollback();
          throw new VersionConflictException(stream, expected, actual);
        }
        long firstPosition = lastPosition - batch.size() + 1;
        insert(connection, stream, actual + 1, firstPosition, batch);
        result = AppendResult.builder().stream(stream).firstVersion(actual + 1)
            .lastVersion(actual + batch.size()).firstPosition(firstPosition)
            .lastPosition(lastPosition).retry(false).build();
      } catch (SQLException | RuntimeException e) {
        rollbackAfter(connection, e);
        throw e;
      }
      try {
        connection.commit();
      } catch (SQLException e) {
        rollbackAfter(connection, e);
        throw new StoreFailureException("stream " + stream + ": the commit of "
            + batch.size() + " event(s) failed; the batch may or may not be stored, so retry it"
            + " with the same event ids: " + e.getMessage(), e);
      }
      return result;
    } finally {
      restore(connection, autoCommit, isolation);
    }
  }

  /** Locks the position row by moving it on; returns the last position of the batch. */
  private static long takePositions(Connection connection, int count) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE pcop_event_position SET last_position = last_position + ? WHERE id = 1")) {
      update.setLong(1, count);
      if (update.executeUpdate() != 1) {
        throw new SQLException("the row of pcop_event_position is missing; the pcop schema is"
            + " damaged");
      }
    }
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT last_position FROM pcop_event_position WHERE id = 1");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The original result if the batch repeats one committed batch, null if none of it exists. */
  private static AppendResult retryOf(Connection connection, StreamId stream,
      List<EventData> batch) throws SQLException {
    Map<String, long[]> stored = new HashMap<>();
    Map<String, String> storedStream = new HashMap<>();
    for (int from = 0; from < batch.size(); from += LOOKUP_CHUNK) {
      List<EventData> chunk = batch.subList(from, Math.min(batch.size(), from + LOOKUP_CHUNK));
      String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT event_id, stream_id, stream_version, global_position FROM pcop_events"
              + " WHERE event_id IN (" + marks + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          select.setString(i + 1, chunk.get(i).getEventId().value());
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            stored.put(rows.getString(1), new long[] {rows.getLong(3), rows.getLong(4)});
            storedStream.put(rows.getString(1), rows.getString(2));
          }
        }
      }
    }
    if (stored.isEmpty()) {
      return null;
    }
    List<EventId> storedIds = new ArrayList<>();
    for (EventData event : batch) {
      if (stored.containsKey(event.getEventId().value())) {
        storedIds.add(event.getEventId());
      }
    }
    boolean sameRun = storedIds.size() == batch.size();
    long[] first = stored.get(batch.get(0).getEventId().value());
    for (int i = 0; sameRun && i < batch.size(); i++) {
      String id = batch.get(i).getEventId().value();
      long[] at = stored.get(id);
      sameRun = stream.value().equals(storedStream.get(id))
          && at[0] == first[0] + i && at[1] == first[1] + i;
    }
    if (!sameRun) {
      throw new EventIdConflictException(stream, storedIds);
    }
    return AppendResult.builder().stream(stream).firstVersion(first[0])
        .lastVersion(first[0] + batch.size() - 1).firstPosition(first[1])
        .lastPosition(first[1] + batch.size() - 1).retry(true).build();
  }

  private static long streamVersion(Connection connection, StreamId stream)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT MAX(stream_version) FROM pcop_events WHERE stream_id = ?")) {
      select.setString(1, stream.value());
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private void insert(Connection connection, StreamId stream, long firstVersion,
      long firstPosition, List<EventData> batch) throws SQLException {
    OffsetDateTime now = OffsetDateTime.ofInstant(
        clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO pcop_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < batch.size(); i++) {
        EventData event = batch.get(i);
        insert.setLong(1, firstPosition + i);
        insert.setString(2, stream.value());
        insert.setLong(3, firstVersion + i);
        insert.setString(4, event.getEventId().value());
        insert.setString(5, event.getType());
        insert.setString(6, event.getFormat().name());
        insert.setBytes(7, event.getPayload());
        insert.setString(8, MetadataText.write(event.getMetadata()));
        insert.setObject(9, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  @Override
  public List<RecordedEvent> readStream(StreamId stream, long afterVersion, int maxCount) {
    checkArgument(stream != null, "readStream: stream must not be null");
    checkArgument(afterVersion >= 0, "readStream: afterVersion must be 0 or more; got %d",
        afterVersion);
    checkArgument(maxCount >= 1, "readStream: maxCount must be 1 or more; got %d", maxCount);
    return read("SELECT " + COLUMNS + " FROM pcop_events WHERE stream_id = ?"
        + " AND stream_version > ? ORDER BY stream_version LIMIT ?", "stream " + stream,
        stream.value(), afterVersion, maxCount);
  }

  @Override
  public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
    checkArgument(afterPosition >= 0, "readAll: afterPosition must be 0 or more; got %d",
        afterPosition);
    checkArgument(maxCount >= 1, "readAll: maxCount must be 1 or more; got %d", maxCount);
    return read("SELECT " + COLUMNS + " FROM pcop_events WHERE global_position > ?"
        + " ORDER BY global_position LIMIT ?", "all streams", afterPosition, maxCount);
  }

  private List<RecordedEvent> read(String sql, String what, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setObject(i + 1, parameters[i]);
      }
      List<RecordedEvent> events = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          events.add(recorded(rows));
        }
      }
      return List.copyOf(events);
    } catch (SQLException e) {
      throw new StoreFailureException("reading " + what + " failed: " + e.getMessage(), e);
    }
  }

  private static RecordedEvent recorded(ResultSet rows) throws SQLException {
    long position = rows.getLong(1);
    try {
      EventData event = EventData.builder()
          .eventId(EventId.of(rows.getString(4)))
          .type(rows.getString(5))
          .format(PayloadFormat.valueOf(rows.getString(6)))
          .payload(rows.getBytes(7))
          .metadata(MetadataText.read(rows.getString(8)))
          .build();
      return RecordedEvent.builder()
          .position(position)
          .stream(StreamId.of(rows.getString(2)))
          .version(rows.getLong(3))
          .event(event)
          .recordedAt(rows.getObject(9, OffsetDateTime.class).toInstant())
          .build();
    } catch (IllegalArgumentException e) {
      // An InvalidValueException from a value's builder, or unreadable metadata text.
      throw new StoreFailureException("the row of pcop_events at global position " + position
          + " is not a valid event (was the table changed by hand?): " + e.getMessage(), e);
    }
  }

  private static void rollbackAfter(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void restore(Connection connection, boolean autoCommit, int isolation) {
    try {
      connection.setTransactionIsolation(isolation);
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      // The connection is closed next; a pool discards a connection it cannot reset.
    }
  }

  private static void checkArgument(boolean condition, String message, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(message, args));
    }
  }

  /**
   * Names the store and its database, for example {@code JdbcEventStore[H2 2.3.232 (2024-08-11)]},
   * as the conformance kit's messages show it.
   */
  @Override
  public String toString() {
    return description;
  }
}
