package org.pcop.samples.jdbcstore;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The databases the store knows: how to recognise each, which DDL script creates its schema, and
 * which of its errors mean "nothing was written, try the transaction again".
 */
enum Dialect {
  /** H2 2.x, embedded or as a server. */
  H2("H2", "h2", Set.of(
      "40001", // deadlock detected or a concurrent update of the same row
      "HYT00"), // lock timeout
      // A data change delta table: the updated row as the UPDATE left it, under its lock.
      "SELECT last_position, " + Sql.STREAM_VERSION_SUBQUERY
          + " FROM FINAL TABLE (" + Sql.MOVE_POSITION + ")", 2, 1,
      "SELECT last_position, " + Sql.VERSION_STORED_SUBQUERY
          + " FROM FINAL TABLE (" + Sql.MOVE_POSITION + ")", new int[] {3, 1, 2}, false,
      // H2 acknowledges a commit before its background writer puts it in the file (by default
      // about half a second later) and never forces the file to the device on a commit; this
      // writes what is committed and forces it. It needs admin rights.
      "CHECKPOINT SYNC"),
  /** PostgreSQL 12 or newer. */
  POSTGRESQL("PostgreSQL", "postgresql", Set.of(
      "40001", // serialization failure (a stricter isolation level than ours)
      "40P01", // deadlock detected
      "55P03"), // lock not available (lock_timeout)
      // SET TRANSACTION fixes read committed for this transaction only, whatever the session's
      // default, and leaves nothing to restore; the driver sends both statements at once.
      // A commit returns once its write-ahead log is flushed when synchronous_commit is on, as
      // shipped, or stricter; where a server or session turned it off, a third column of the
      // update's row turns it on for this transaction only (set_config with is_local, as SET
      // LOCAL) and leaves the stricter replication levels alone: no statement of its own.
      "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; " + Sql.MOVE_POSITION
          + " RETURNING last_position, " + Sql.STREAM_VERSION_SUBQUERY + ", "
          + Sql.SYNCHRONOUS_COMMIT, 1, 2,
      "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; " + Sql.MOVE_POSITION
          + " RETURNING last_position, " + Sql.VERSION_STORED_SUBQUERY + ", "
          + Sql.SYNCHRONOUS_COMMIT, new int[] {1, 2, 3}, true,
      null);

  /**
   * The last version of the stream ({@code ?}), 0 if it has none; the same in every dialect. It
   * reads one entry of the unique index on (stream id, stream version), from the end of the
   * stream's part: ordered by both columns, both databases read that index backwards and stop
   * after the first row. ({@code MAX(stream_version)} made H2 visit every event of the stream.)
   */
  static final String STREAM_VERSION = "SELECT COALESCE((SELECT stream_version FROM pcop_events"
      + " WHERE stream_id = ? ORDER BY stream_id DESC, stream_version DESC LIMIT 1), 0)";

  /** SQLState of a unique constraint violation, the same in H2 and PostgreSQL. */
  static final String UNIQUE_VIOLATION = "23505";

  private final String productName;
  private final String scriptName;
  private final Set<String> transientStates;
  private final String takePositions;
  private final int countParameter;
  private final int streamParameter;
  private final String probePositions;
  private final int[] probeParameters;
  private final boolean isolationInStatement;
  private final String syncAfterCommit;

  Dialect(String productName, String scriptName, Set<String> transientStates,
      String takePositions, int countParameter, int streamParameter, String probePositions,
      int[] probeParameters, boolean isolationInStatement, String syncAfterCommit) {
    this.productName = productName;
    this.scriptName = scriptName;
    this.transientStates = transientStates;
    this.takePositions = takePositions;
    this.countParameter = countParameter;
    this.streamParameter = streamParameter;
    this.probePositions = probePositions;
    this.probeParameters = probeParameters;
    this.isolationInStatement = isolationInStatement;
    this.syncAfterCommit = syncAfterCommit;
  }

  /** SQL shared by the dialects. */
  private static final class Sql {
    /** Moves the position row on by the batch size ({@code ?}), taking its lock. */
    static final String MOVE_POSITION = "UPDATE pcop_event_position"
        + " SET last_position = last_position + ? WHERE id = 1";
    /** The stream's last version as a subquery, for the position statements. */
    static final String STREAM_VERSION_SUBQUERY = "(" + STREAM_VERSION + ")";
    /**
     * 1 if the stream ({@code ?}) holds the version ({@code ?}), else 0: one lookup in the
     * unique index on (stream id, stream version), where the stream's last version may have to
     * visit every row of the stream (H2 reads a {@code MAX} over an index prefix row by row).
     */
    static final String VERSION_STORED_SUBQUERY = "(SELECT COUNT(*) FROM pcop_events"
        + " WHERE stream_id = ? AND stream_version = ?)";
    /**
     * Turns synchronous commit on for this transaction where a server or session turned it off:
     * a scalar subquery, a column of the row the append's first statement returns, so that it
     * costs no statement of its own (null where nothing was to be done).
     */
    static final String SYNCHRONOUS_COMMIT = "(SELECT set_config('synchronous_commit', 'on',"
        + " true) WHERE current_setting('synchronous_commit') IN ('off', 'local'))";

    private Sql() {}
  }

  /**
   * One statement that moves the position row on by the batch size, which locks the row until
   * the transaction ends, and returns one row: the new last position and the stream's last
   * version. The version is read in the same statement, so it may predate commits that finished
   * while the statement waited for the lock; the store deals with that (see
   * {@link JdbcEventStore}). Run it with {@code execute()} and take the first result set: on
   * PostgreSQL it is preceded by a {@code SET TRANSACTION}.
   *
   * @return the SQL
   */
  String takePositionsSql() {
    return takePositions;
  }

  /**
   * Where the batch size goes in {@link #takePositionsSql()}.
   *
   * @return the parameter index, from 1
   */
  int countParameter() {
    return countParameter;
  }

  /**
   * Where the stream id goes in {@link #takePositionsSql()}.
   *
   * @return the parameter index, from 1
   */
  int streamParameter() {
    return streamParameter;
  }

  /**
   * Like {@link #takePositionsSql()}, but instead of the stream's last version the statement
   * returns whether the stream holds one given version (1 or 0), a single index lookup: enough
   * to check an exact expectation (the version is stored, and the unique constraint on (stream,
   * version) refuses the insert if a later one is) or no stream (version 1 is not stored).
   *
   * @return the SQL
   */
  String probePositionsSql() {
    return probePositions;
  }

  /**
   * Where the batch size, the stream id and the version go in {@link #probePositionsSql()}.
   *
   * @return the parameter indexes, from 1, in that order
   */
  int[] probeParameters() {
    return probeParameters.clone();
  }

  /** The most events an append inserts in the statement that moves the position row. */
  static final int MOST_INSERTED_WITH_POSITIONS = 200;

  /**
   * Whether the database can move the position row, check the expectation and insert the batch
   * in one statement ({@link #probeAndInsertSql(int)}): PostgreSQL can, with data-modifying
   * {@code WITH} queries.
   *
   * @return true on PostgreSQL
   */
  boolean insertsWithPositions() {
    return this == POSTGRESQL;
  }

  /**
   * One statement (on PostgreSQL, with the {@code SET TRANSACTION} before it, sent together) that
   * moves the position row on by the batch size, and inserts the batch after the new last
   * position at the versions after a base version only if the stream holds a given version
   * ({@code 1}) or does not ({@code 0}); it returns one row: the new last position, how many
   * events it inserted (the batch size, or 0 when the check failed) and the synchronous-commit
   * guard's column. Parameters: the batch size, twice; the stream id; the base version; the
   * time of recording; then for each event its id, type, format, payload and metadata text; then
   * the stream id, the version checked, and 1 or 0.
   *
   * @param size the batch size, 1 to {@link #MOST_INSERTED_WITH_POSITIONS}
   * @return the SQL
   */
  String probeAndInsertSql(int size) {
    StringBuilder sql = new StringBuilder("SET TRANSACTION ISOLATION LEVEL READ COMMITTED;"
        + " WITH moved AS (" + Sql.MOVE_POSITION.replace("?", "?::bigint")
        + " RETURNING last_position), inserted AS (INSERT INTO pcop_events (global_position,"
        + " stream_id, stream_version, event_id, event_type, payload_format, payload, metadata,"
        + " recorded_at) SELECT moved.last_position - ?::bigint + b.n, ?::varchar,"
        + " ?::bigint + b.n, b.event_id, b.event_type, b.payload_format, b.payload, b.metadata,"
        + " ?::timestamptz FROM moved, (VALUES ");
    for (int i = 1; i <= size; i++) {
      sql.append(i == 1 ? "" : ", ").append('(').append(i)
          .append(", ?::varchar, ?::varchar, ?::varchar, ?::bytea, ?::text)");
    }
    return sql.append(") AS b (n, event_id, event_type, payload_format, payload, metadata)"
        + " WHERE " + Sql.VERSION_STORED_SUBQUERY + " = ? RETURNING 1)"
        + " SELECT last_position, (SELECT COUNT(*) FROM inserted), " + Sql.SYNCHRONOUS_COMMIT
        + " FROM moved").toString();
  }

  /**
   * Whether {@link #takePositionsSql()} sets the transaction to read committed itself. If not,
   * the store sets the connection's isolation when it is not read committed already (on H2 a
   * call inside the driver, no statement) and restores it afterwards.
   *
   * @return true on PostgreSQL
   */
  boolean setsIsolationInStatement() {
    return isolationInStatement;
  }

  /**
   * The statement that puts committed transactions on the device, run after each commit of an
   * append, or null if the database's commit does so itself.
   *
   * @return the SQL, or null
   */
  String syncAfterCommitSql() {
    return syncAfterCommit;
  }

  /**
   * The dialect of a database, from its JDBC product name.
   *
   * @param productName what {@code DatabaseMetaData.getDatabaseProductName()} says
   * @return the dialect
   * @throws IllegalArgumentException if the database is not one the store knows
   */
  static Dialect of(String productName) {
    for (Dialect dialect : values()) {
      if (dialect.productName.equalsIgnoreCase(productName)) {
        return dialect;
      }
    }
    throw new IllegalArgumentException("JdbcEventStore: the data source is a " + productName
        + " database, which this store has no schema for; supported: "
        + Arrays.toString(Arrays.stream(values()).map(d -> d.productName).toArray()));
  }

  /**
   * The resource name of the DDL script that brings the schema to a version.
   *
   * @param version the schema version, from 1
   * @return the resource name, relative to this package
   */
  String script(int version) {
    return "schema-v" + version + "-" + scriptName + ".sql";
  }

  /**
   * The resource name of the DDL script that creates the snapshot store's table.
   *
   * @return the resource name, relative to this package
   */
  String snapshotScript() {
    return "snapshots-v1-" + scriptName + ".sql";
  }

  /**
   * Whether an error means the transaction was refused before anything was committed and may
   * simply be tried again: a lock timeout, a deadlock, a serialization failure or a unique
   * violation (another writer got there first; the next attempt sees what it wrote).
   *
   * @param error the error
   * @return true if the transaction may be retried
   */
  boolean isRetryable(SQLException error) {
    Throwable t = error;
    for (int depth = 0; t != null && depth < 16; depth++, t = next(t)) {
      if (t instanceof SQLException) {
        String state = ((SQLException) t).getSQLState();
        if (state != null && (UNIQUE_VIOLATION.equals(state)
            || transientStates.contains(state.toUpperCase(Locale.ROOT)))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether an error, or one chained to it (a batch's next exception), is a unique constraint
   * violation: on an insert of the store, an event id, a stream version or a global position that
   * is taken already.
   *
   * @param error the error
   * @return true if the database refused a duplicate key
   */
  static boolean isUniqueViolation(SQLException error) {
    Throwable t = error;
    for (int depth = 0; t != null && depth < 16; depth++, t = next(t)) {
      if (t instanceof SQLException && UNIQUE_VIOLATION.equals(((SQLException) t).getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable t) {
    if (t instanceof SQLException && ((SQLException) t).getNextException() != null) {
      return ((SQLException) t).getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  @Override
  public String toString() {
    return productName;
  }
}
