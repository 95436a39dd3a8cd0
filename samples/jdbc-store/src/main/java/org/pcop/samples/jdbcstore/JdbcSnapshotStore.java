package org.pcop.samples.jdbcstore;

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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.pcop.spi.Snapshot;
import org.pcop.spi.SnapshotStore;
import org.pcop.spi.StoreFailureException;
import org.pcop.spi.StreamId;

/**
 * A {@link SnapshotStore} on plain JDBC, on H2 and PostgreSQL: one row per stream in the table
 * {@code pcop_snapshots}, created when the store is opened if the database lacks it. A save
 * updates (or, the first time, inserts) the stream's row in one transaction, so a reader sees the
 * row as committed before or after it, never half written; a save that fails or a process that
 * dies before the commit leaves the previous snapshot as it was. On H2, each commit is put on the
 * device as the event store's appends are. It may share a database with {@link JdbcEventStore}.
 */
public final class JdbcSnapshotStore implements SnapshotStore {
  private static final String TABLE = "pcop_snapshots";
  private static final int MAX_ATTEMPTS = 8;
  private static final String UPDATE = "UPDATE pcop_snapshots SET stream_version = ?,"
      + " format_version = ?, rule_set_fingerprint = ?, bytes = ?, byte_count = ?, saved_at = ?"
      + " WHERE stream_id = ?";
  private static final String INSERT = "INSERT INTO pcop_snapshots (stream_version,"
      + " format_version, rule_set_fingerprint, bytes, byte_count, saved_at, stream_id)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT = "SELECT stream_version, format_version,"
      + " rule_set_fingerprint, bytes, byte_count FROM pcop_snapshots WHERE stream_id = ?";

  private final DataSource dataSource;
  private final Dialect dialect;
  private final Clock clock;

  private JdbcSnapshotStore(DataSource dataSource, Dialect dialect, Clock clock) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.clock = clock;
  }

  /**
   * Opens the store on a database, creating its table if needed.
   *
   * @param dataSource an H2 or PostgreSQL database
   * @return the store
   * @throws IllegalArgumentException if {@code dataSource} is null or not a supported database
   * @throws StoreFailureException if the database cannot be reached or the table not created
   */
  public static JdbcSnapshotStore open(DataSource dataSource) {
    if (dataSource == null) {
      throw new IllegalArgumentException("JdbcSnapshotStore.open: dataSource must not be null");
    }
    Dialect dialect;
    try (Connection connection = dataSource.getConnection()) {
      dialect = Dialect.of(connection.getMetaData().getDatabaseProductName());
      if (!tableExists(connection)) {
        createTable(connection, dialect);
      }
    } catch (SQLException e) {
      throw new StoreFailureException("JdbcSnapshotStore.open: cannot create or find the table "
          + TABLE + ": " + e.getMessage(), e);
    }
    return new JdbcSnapshotStore(dataSource, dialect, Clock.systemUTC());
  }

  private static boolean tableExists(Connection connection) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String name = metaData.storesUpperCaseIdentifiers() ? TABLE.toUpperCase(Locale.ROOT) : TABLE;
    try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(),
        name, null)) {
      return tables.next();
    }
  }

  private static void createTable(Connection connection, Dialect dialect) throws SQLException {
    List<String> statements = Schema.statements(dialect.snapshotScript());
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      // Another store may have created it at the same moment.
      if (!tableExists(connection)) {
        throw e;
      }
    }
  }

  @Override
  public void save(Snapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    SQLException last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        saveOnce(snapshot);
        return;
      } catch (SQLException e) {
        last = e;
        if (!dialect.isRetryable(e)) {
          break;
        }
      }
    }
    throw new StoreFailureException("JdbcSnapshotStore: the snapshot of stream "
        + snapshot.stream() + " at version " + snapshot.version() + " was not saved; the one"
        + " saved before stays: " + last.getMessage(), last);
  }

  private void saveOnce(Snapshot snapshot) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        if (write(connection, UPDATE, snapshot) == 0) {
          write(connection, INSERT, snapshot);
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        try {
          connection.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
          // The connection is going back to the pool or closing; the save's outcome stands.
        }
      }
      String sync = dialect.syncAfterCommitSql();
      if (sync != null) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(sync);
        }
      }
    }
  }

  private int write(Connection connection, String sql, Snapshot snapshot) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, snapshot.version());
      statement.setInt(2, snapshot.formatVersion());
      statement.setString(3, snapshot.ruleSetFingerprint());
      // Read from the snapshot's pieces as the driver sends them: no copy of the whole.
      statement.setBinaryStream(4, snapshot.openStream(), snapshot.size());
      statement.setInt(5, snapshot.size());
      statement.setObject(6, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
          .truncatedTo(ChronoUnit.MICROS));
      statement.setString(7, snapshot.stream().value());
      return statement.executeUpdate();
    }
  }

  @Override
  public Optional<Snapshot> load(StreamId stream) {
    Objects.requireNonNull(stream, "stream");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(SELECT)) {
      statement.setString(1, stream.value());
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        byte[] bytes = row.getBytes(4);
        int count = row.getInt(5);
        if (bytes == null || bytes.length != count) {
          throw new StoreFailureException("JdbcSnapshotStore: the snapshot of stream " + stream
              + " has " + (bytes == null ? 0 : bytes.length) + " bytes where " + count
              + " were saved", null);
        }
        return Optional.of(Snapshot.of(stream, row.getLong(1), row.getInt(2), row.getString(3),
            bytes));
      }
    } catch (SQLException e) {
      throw new StoreFailureException("JdbcSnapshotStore: cannot read the snapshot of stream "
          + stream + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "JdbcSnapshotStore[" + dialect + "]";
  }
}
