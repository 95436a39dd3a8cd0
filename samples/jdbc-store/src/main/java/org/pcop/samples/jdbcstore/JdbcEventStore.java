package org.pcop.samples.jdbcstore;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * <h2>An append</h2>
 * An append is one transaction of three calls to the database (round trips, on PostgreSQL) when
 * nothing is in the way:
 * <ol>
 *   <li>one statement moves the position row on by the batch size and returns the new last
 *       position and what the expectation needs to know of the stream ({@code UPDATE ...
 *       RETURNING} on PostgreSQL, {@code SELECT ... FROM FINAL TABLE (UPDATE ...)} on H2): for an
 *       exact version, whether that version is stored, and for no stream, whether version 1 is,
 *       each one lookup in the unique index on (stream id, stream version); for any version,
 *       the stream's last version (one entry of that index too, read backwards from the end
 *       of the stream's part of it);
 *   <li>the batch is inserted with one prepared statement, {@code addBatch} and
 *       {@code executeBatch};
 *   <li>commit.
 * </ol>
 * On PostgreSQL an append that expects an exact version or no stream, of up to 200 events, is
 * two round trips: one statement moves the position row, checks the expectation and inserts
 * the batch only if it is met (data-modifying {@code WITH} queries, returning the new last
 * position and how many rows went in), then commit. When the check fails, the store goes on as
 * below with the position row locked.
 * Only when something is refused does it do more: a wrong expected version or a unique violation
 * on insert rolls back and looks the batch's event ids up (one {@code event_id = ANY(?)} array
 * lookup) to tell a retry from a conflict.
 *
 * <h2>How each guarantee is kept</h2>
 * <ul>
 *   <li><b>Atomic batches:</b> an append is one transaction at read committed; any failure before
 *       the commit rolls it back, so readers see all of a batch or none.
 *   <li><b>A gap-free global order:</b> an append first updates the position row
 *       ({@code last_position = last_position + batch size}), which locks the row until the
 *       transaction ends. Appends are therefore serialised by the database, each one's positions
 *       follow the previous commit's, and a rolled-back append gives its positions back. A
 *       sequence or identity column would be faster but leaves gaps on rollback and hands out
 *       numbers in an order other than commit order, so a reader could see position 7 before 6
 *       commits. The price is one writer at a time per database, which an event log of a
 *       community of practice (a few events a second at most) never notices.
 *   <li><b>Expected versions:</b> what the expectation needs of the stream comes from the same
 *       statement that takes the position row's lock. For an exact version {@code v}, the
 *       version {@code v} being stored means the stream is at {@code v} or later, and inserting
 *       at {@code v + 1} tells which, through the unique constraint below; for no stream, version
 *       1 not being stored means the stream is empty unless a commit the statement did not see
 *       wrote it, which the insert at version 1 tells likewise. Below, "the version" is what that
 *       statement read. At read committed that statement reads from a snapshot taken when it
 *       started, so if it had to wait for the lock, the version may miss events
 *       that the writer it waited for committed to the same stream. A concurrent writer still
 *       cannot slip in:
 *       <ul>
 *         <li>if the (possibly old) version meets the expectation, the batch is inserted at the
 *             versions after it, and the unique constraint on (stream, version) refuses the
 *             insert if any of them was taken meanwhile. Nothing is written; the append is tried
 *             again, and that attempt and any later one read the version again in a separate
 *             statement after the lock is held, which sees every commit before it. So a batch is
 *             only ever stored right after the stream's true last version;
 *         <li>if it does not meet the expectation, the version is read again under the lock
 *             before the store refuses, so a {@link VersionConflictException} carries the
 *             stream's version as of the moment the append held the lock.
 *       </ul>
 *       The constraint is also the backstop against writers that do not take the lock: no two
 *       events are ever stored at one version.
 *   <li><b>Idempotent retries, checked optimistically:</b> a retry is rare, so an append does not
 *       look its event ids up in advance; it inserts, and the unique constraint on the event id
 *       refuses a batch any of whose ids is stored. Then, and when the expected version is not
 *       met (a retry of a committed batch usually expects a version the batch itself has since
 *       moved past), the store rolls back and looks the ids up among committed events. All found,
 *       as one run of the same stream in the batch's order, means a retry: the original versions
 *       and positions are returned and nothing is written. Some found, or found elsewhere, is an
 *       {@link EventIdConflictException} for the whole batch. None found after a unique
 *       violation means the race on a stream version above, which is tried again. The ids are
 *       committed rows that are never changed or deleted, so looking them up after the rollback
 *       gives the same answer as under the lock; and a batch is committed whole, so a lookup
 *       never sees part of one. Since the database's constraint decides, not a cache, no id is
 *       ever stored twice, whatever happens.
 *   <li><b>Durability:</b> the append returns only after its events are on the storage device.
 *       PostgreSQL's commit does that with {@code synchronous_commit} on, as shipped; where a
 *       server or session has it {@code off} or {@code local}, the append's first statement
 *       turns it on for its own transaction (a column computed with
 *       {@code set_config(..., true)}, as
 *       {@code SET LOCAL}), so the store never acknowledges a commit that a crash can take
 *       back. (A server with {@code fsync} off can still lose commits; keep it on.) H2's commit
 *       does not: it is acknowledged before H2's background writer puts it in the file (by
 *       default up to about half a second later) and the file is never forced to the device on
 *       a commit. So on H2 the store runs {@code CHECKPOINT SYNC} after each commit, which
 *       writes what is committed and forces the file ({@code fsync}); the H2 user must have
 *       admin rights for it, which {@link #open(DataSource)} checks. This costs one
 *       {@code fsync} per append; see the project's benchmarks for the figures.
 * </ul>
 * A lock timeout, a deadlock, a serialization failure or a unique violation that is not a retry
 * means nothing was committed; the store then runs the append again, a few times at most, and
 * the next attempt sees what the other writer stored. A failure of the commit itself is reported
 * as a {@link StoreFailureException}: the batch may or may not be stored, and a retry with the
 * same event ids settles it.
 *
 * <h2>Connections</h2>
 * The store holds no connection between calls: it takes one from the data source for each call
 * and closes it, so give it a pooled data source in production. It is thread-safe. An append
 * needs auto-commit off and read committed; it changes only what is not so already and puts back
 * what it changed, so a pool's connection comes back as it was handed out:
 * <ul>
 *   <li>auto-commit is read from the driver (no statement) and switched off only when on;
 *   <li>on PostgreSQL the position statement begins with {@code SET TRANSACTION ISOLATION LEVEL
 *       READ COMMITTED}, which holds for that transaction only and is sent with it, so a
 *       connection whose default is repeatable read or serializable is neither refused nor
 *       changed, and no round trip is spent reading or setting the level. The connection must
 *       not be inside a transaction that has run statements already (PostgreSQL refuses the
 *       {@code SET TRANSACTION} then, and the append fails naming the cause);
 *   <li>on H2 the level is read from the driver (embedded: no statement) and set to read
 *       committed for the append only when it differs, then set back. Read uncommitted would
 *       let an append see rows of a transaction that may still roll back; H2's stricter levels
 *       refuse an update of the position row that another append committed after this
 *       transaction's snapshot (SQLState 40001), which the store would retry, but under
 *       contention appends would then take several attempts instead of waiting for the lock.
 * </ul>
 * On PostgreSQL, add {@code reWriteBatchedInserts=true} to the JDBC URL (or set it on the
 * driver's data source): the driver then sends a batch's rows as multi-row inserts, which made
 * appends of 100 to 1,000 events two to three times faster in the project's benchmark. The store
 * works with and without it.
 */
public final class JdbcEventStore implements EventStore {
  /** How often an append that lost a lock or a race is tried in all. */
  private static final int MAX_ATTEMPTS = 8;

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
    if (dialect.syncAfterCommitSql() != null) {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(dialect.syncAfterCommitSql());
      } catch (SQLException e) {
        throw new StoreFailureException("JdbcEventStore.open: cannot put commits on disk with "
            + dialect.syncAfterCommitSql() + " (on H2 the user needs admin rights): "
            + e.getMessage(), e);
      }
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
    boolean readUnderLock = false;
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        return appendOnce(connection, stream, expected, batch, readUnderLock);
      } catch (SQLException e) {
        if (attempt < MAX_ATTEMPTS && dialect.isRetryable(e)) {
          // Another writer got in the way; read the stream's version under the lock from now on.
          readUnderLock = true;
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
   *
   * @param readUnderLock whether to read the stream's version in a statement of its own after
   *     the position row is locked, rather than trust the one read with the lock
   */
  private AppendResult appendOnce(Connection connection, StreamId stream,
      ExpectedVersion expected, List<EventData> batch, boolean readUnderLock)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    if (autoCommit) {
      connection.setAutoCommit(false);
    }
    int isolation = Connection.TRANSACTION_READ_COMMITTED;
    try {
      if (!dialect.setsIsolationInStatement()) {
        isolation = connection.getTransactionIsolation();
        if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
          connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
      }
      AppendResult result;
      try {
        long lastPosition;
        long actual;
        if (readUnderLock || expected.kind() == ExpectedVersion.Kind.ANY) {
          long[] taken = takePositions(connection, stream, batch.size());
          lastPosition = taken[0];
          actual = taken[1];
          if (readUnderLock || !expected.isMetBy(actual)) {
            actual = streamVersion(connection, stream);
          }
        } else {
          // An exact expectation is met if its version is stored (a later one would make the
          // insert break the unique constraint on (stream, version)); no stream, if version 1
          // is not. One index lookup, where the last version may cost a scan of the stream.
          boolean exact = expected.kind() == ExpectedVersion.Kind.EXACT;
          long probe = exact ? expected.version() : 1;
          long base = exact ? expected.version() : 0;
          if (dialect.insertsWithPositions()
              && batch.size() <= Dialect.MOST_INSERTED_WITH_POSITIONS) {
            // The position row, the check and the insert in one statement and one round trip.
            OffsetDateTime now = now();
            long[] done = probeAndInsert(connection, stream, probe, exact, base, now, batch);
            if (done[1] == batch.size()) {
              result = AppendResult.builder().stream(stream).firstVersion(base + 1)
                  .lastVersion(base + batch.size()).firstPosition(done[0] - batch.size() + 1)
                  .lastPosition(done[0]).recordedAt(now.toInstant()).retry(false).build();
              commit(connection, stream, batch);
              return result;
            }
            lastPosition = done[0];
            actual = streamVersion(connection, stream);
          } else {
            long[] taken = probePositions(connection, stream, probe, batch.size());
            lastPosition = taken[0];
            boolean stored = taken[1] > 0;
            actual = exact == stored ? base : streamVersion(connection, stream);
          }
        }
        if (!expected.isMetBy(actual)) {
          connection.rollback();
          AppendResult retry = committedBatch(connection, stream, batch);
          if (retry != null) {
            return retry;
          }
          throw new VersionConflictException(stream, expected, actual);
        }
        long firstPosition = lastPosition - batch.size() + 1;
        OffsetDateTime now = now();
        insert(connection, stream, actual + 1, firstPosition, now, batch);
        result = AppendResult.builder().stream(stream).firstVersion(actual + 1)
            .lastVersion(actual + batch.size()).firstPosition(firstPosition)
            .lastPosition(lastPosition).recordedAt(now.toInstant()).retry(false).build();
      } catch (SQLException e) {
        rollbackAfter(connection, e);
        if (!Dialect.isUniqueViolation(e)) {
          throw e;
        }
        AppendResult retry;
        try {
          retry = committedBatch(connection, stream, batch);
        } catch (SQLException lookup) {
          lookup.addSuppressed(e);
          throw lookup;
        }
        if (retry != null) {
          return retry;
        }
        throw e; // A race on a stream version: retried, reading the version under the lock.
      } catch (RuntimeException e) {
        rollbackAfter(connection, e);
        throw e;
      }
      commit(connection, stream, batch);
      return result;
    } finally {
      restore(connection, autoCommit, isolation);
    }
  }

  /**
   * Commits the append's transaction and puts it on the device; a failure here becomes a
   * StoreFailureException, since the batch may or may not be stored.
   */
  private void commit(Connection connection, StreamId stream, List<EventData> batch) {
    try {
      connection.commit();
      sync(connection);
    } catch (SQLException e) {
      rollbackAfter(connection, e);
      throw new StoreFailureException("stream " + stream + ": the commit of "
          + batch.size() + " event(s) failed; the batch may or may not be stored, so retry it"
          + " with the same event ids: " + e.getMessage(), e);
    }
  }

  /**
   * Moves the position row on, and inserts the batch at the versions after {@code base} if the
   * stream holds {@code probe} (or, if not {@code stored}, does not hold it), in one statement;
   * returns the batch's last position and how many events were inserted (all or none).
   */
  private long[] probeAndInsert(Connection connection, StreamId stream, long probe,
      boolean stored, long base, OffsetDateTime now, List<EventData> batch) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        dialect.probeAndInsertSql(batch.size()))) {
      int at = 1;
      statement.setLong(at++, batch.size());
      statement.setLong(at++, batch.size());
      statement.setString(at++, stream.value());
      statement.setLong(at++, base);
      statement.setObject(at++, now);
      for (EventData event : batch) {
        statement.setString(at++, event.getEventId().value());
        statement.setString(at++, event.getType());
        statement.setString(at++, event.getFormat().name());
        statement.setBytes(at++, event.getPayload());
        statement.setString(at++, MetadataText.write(event.getMetadata()));
      }
      statement.setString(at++, stream.value());
      statement.setLong(at++, probe);
      statement.setLong(at, stored ? 1 : 0);
      return firstRow(statement);
    }
  }

  /** Puts what is committed on the device, where the database's commit does not. */
  private void sync(Connection connection) throws SQLException {
    String sql = dialect.syncAfterCommitSql();
    if (sql != null) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
    }
  }

  /**
   * Locks the position row by moving it on; returns the last position of the batch and the
   * stream's last version as the same statement read it.
   */
  private long[] takePositions(Connection connection, StreamId stream, int count)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(dialect.takePositionsSql())) {
      statement.setLong(dialect.countParameter(), count);
      statement.setString(dialect.streamParameter(), stream.value());
      return firstRow(statement);
    }
  }

  /** Runs the position statement and returns its row's two numbers. */
  private static long[] firstRow(PreparedStatement statement) throws SQLException {
    boolean isResultSet = statement.execute();
    while (!isResultSet && statement.getUpdateCount() != -1) {
      isResultSet = statement.getMoreResults();
    }
    if (!isResultSet) {
      throw new SQLException("the update of pcop_event_position returned no row; the pcop"
          + " schema is damaged");
    }
    try (ResultSet rows = statement.getResultSet()) {
      if (!rows.next()) {
        throw new SQLException("the row of pcop_event_position is missing; the pcop schema is"
            + " damaged");
      }
      return new long[] {rows.getLong(1), rows.getLong(2)};
    }
  }

  /**
   * Locks the position row by moving it on; returns the last position of the batch and 1 if the
   * stream holds the version, else 0.
   */
  private long[] probePositions(Connection connection, StreamId stream, long version, int count)
      throws SQLException {
    int[] at = dialect.probeParameters();
    try (PreparedStatement statement = connection.prepareStatement(dialect.probePositionsSql())) {
      statement.setLong(at[0], count);
      statement.setString(at[1], stream.value());
      statement.setLong(at[2], version);
      return firstRow(statement);
    }
  }

  /**
   * After a rollback: the original result if the batch repeats one committed batch, null if none
   * of its event ids is stored. Ends the read-only transaction it runs in.
   *
   * @throws EventIdConflictException if some of the ids are stored, or not as this batch
   */
  private static AppendResult committedBatch(Connection connection, StreamId stream,
      List<EventData> batch) throws SQLException {
    Map<String, long[]> stored = new HashMap<>();
    Map<String, String> storedStream = new HashMap<>();
    Map<String, OffsetDateTime> storedAt = new HashMap<>();
    try {
      Object[] ids = new Object[batch.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = batch.get(i).getEventId().value();
      }
      Array array = connection.createArrayOf("VARCHAR", ids);
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT event_id, stream_id, stream_version, global_position, recorded_at"
              + " FROM pcop_events WHERE event_id = ANY(?)")) {
        select.setArray(1, array);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            stored.put(rows.getString(1), new long[] {rows.getLong(3), rows.getLong(4)});
            storedStream.put(rows.getString(1), rows.getString(2));
            storedAt.put(rows.getString(1), rows.getObject(5, OffsetDateTime.class));
          }
        }
      } finally {
        array.free();
      }
    } finally {
      connection.rollback();
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
        .lastPosition(first[1] + batch.size() - 1)
        .recordedAt(storedAt.get(batch.get(0).getEventId().value()).toInstant())
        .retry(true).build();
  }

  /** The stream's last version in a statement of its own: under the lock, it sees every commit. */
  private static long streamVersion(Connection connection, StreamId stream)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(Dialect.STREAM_VERSION)) {
      select.setString(1, stream.value());
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** The time of recording of a batch, as the column keeps it (microseconds, UTC). */
  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS),
        ZoneOffset.UTC);
  }

  private static void insert(Connection connection, StreamId stream, long firstVersion,
      long firstPosition, OffsetDateTime now, List<EventData> batch) throws SQLException {
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

  /**
   * A page of one stream, in version order. It orders by both columns of the unique
   * {@code (stream_id, stream_version)} index, so a database reads the page in the index's order
   * and stops after {@code LIMIT} rows: ordered by {@code stream_version} alone, H2 does not see
   * that the index's order serves it, reads every later event of the stream and sorts them, so
   * reading a long stream page by page took time growing with the square of its length.
   */
  static final String READ_STREAM = "SELECT " + COLUMNS + " FROM pcop_events"
      + " WHERE stream_id = ? AND stream_version > ? ORDER BY stream_id, stream_version LIMIT ?";

  @Override
  public List<RecordedEvent> readStream(StreamId stream, long afterVersion, int maxCount) {
    checkArgument(stream != null, "readStream: stream must not be null");
    checkArgument(afterVersion >= 0, "readStream: afterVersion must be 0 or more; got %d",
        afterVersion);
    checkArgument(maxCount >= 1, "readStream: maxCount must be 1 or more; got %d", maxCount);
    return read(READ_STREAM, "stream " + stream, stream.value(), afterVersion, maxCount);
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

  /** Puts back what {@code appendOnce} changed: the isolation level and auto-commit. */
  private static void restore(Connection connection, boolean autoCommit, int isolation) {
    try {
      if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
        connection.setTransactionIsolation(isolation);
      }
      if (autoCommit) {
        connection.setAutoCommit(true);
      }
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
