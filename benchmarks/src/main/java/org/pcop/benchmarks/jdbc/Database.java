package org.pcop.benchmarks.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh database for one measurement, H2 in a file or a real PostgreSQL server started from the
 * binaries in a Maven artifact (as root it runs the server in a user namespace; the same JDBC
 * driver settings for every caller; {@code fsync} and {@code synchronous_commit} on, as PostgreSQL
 * ships, so every commit is on the device when it returns, as the store's are), with one
 * connection that every caller reuses, as a connection pool would hand out: the measurement is
 * of appends, not of connecting. Close it to stop the server and delete the files.
 */
public final class Database implements AutoCloseable {
  /** The databases measured. */
  public enum Kind {
    /** H2 2.x, embedded, in a file. */
    H2,
    /**
     * PostgreSQL 17, a separate server process on this machine, with the driver setting the
     * store recommends, {@code reWriteBatchedInserts=true}: a batch of inserts goes as multi-row
     * inserts. The store and plain JDBC share the connection, so both get it.
     */
    POSTGRESQL,
    /** The same PostgreSQL with the driver's defaults: each insert of a batch is sent alone. */
    POSTGRESQL_DRIVER_DEFAULTS,
    /**
     * {@link #POSTGRESQL} with {@code fsync} off (not run by default): a commit still waits until
     * its log is written, on both sides alike, but not until it is on the device, so the database's
     * own work is timed without the disk's. Not durable: for splitting costs only.
     */
    POSTGRESQL_FSYNC_OFF
  }

  private final Kind kind;
  private final Path folder;
  private final EmbeddedPostgres postgres;
  private final Connection connection;
  private final DataSource dataSource;

  private Database(Kind kind, Path folder, EmbeddedPostgres postgres, Connection connection) {
    this.kind = kind;
    this.folder = folder;
    this.postgres = postgres;
    this.connection = connection;
    this.dataSource = new ReusedConnection(connection);
  }

  /**
   * Starts an empty database.
   *
   * @param kind which database
   * @return the database
   * @throws UncheckedIOException if the folder or the server cannot be made
   * @throws IllegalStateException if no connection can be opened
   */
  public static Database start(Kind kind) {
    try {
      Path folder = Files.createTempDirectory("pcop-bench-" + kind.name().toLowerCase(
          java.util.Locale.ROOT));
      if (kind == Kind.H2) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("events").toAbsolutePath());
        h2.setUser("sa");
        return new Database(kind, folder, null, h2.getConnection());
      }
      // The embedded server starts with fsync and synchronous commit off, for tests; as shipped,
      // PostgreSQL has both on, so a commit returns once its log is on the device. The store
      // turns synchronous commit on for its own transactions whatever the server says, so with
      // it off the store's commits would be timed against plain JDBC's asynchronous ones.
      EmbeddedPostgres server = EmbeddedPostgres.builder()
          .setServerConfig("fsync", kind == Kind.POSTGRESQL_FSYNC_OFF ? "off" : "on")
          .setServerConfig("synchronous_commit", "on").start();
      Map<String, String> driver = kind != Kind.POSTGRESQL_DRIVER_DEFAULTS
          ? Map.of("reWriteBatchedInserts", "true") : Map.of();
      return new Database(kind, folder, server,
          server.getPostgresDatabase(driver).getConnection());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + kind, e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to " + kind + ": " + e.getMessage(), e);
    }
  }

  /**
   * Which database this is.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The database, handing out its one connection; closing what it hands out does nothing.
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Runs one statement and returns the single number it selects.
   *
   * @param sql a query selecting one number
   * @return the number
   * @throws IllegalStateException if the query fails
   */
  public long number(String sql) {
    try (Statement statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Closes the connection, stops the server and deletes the files. */
  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing anyway; the files go next.
    }
    try {
      if (postgres != null) {
        postgres.close();
      }
    } catch (IOException e) {
      // The server's folder is removed below.
    }
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary folder; the system cleans it eventually.
    }
  }

  /** A data source that hands out one connection whose close does nothing. */
  private static final class ReusedConnection implements DataSource {
    private final Connection shared;

    ReusedConnection(Connection connection) {
      this.shared = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
              return null;
            }
            try {
              return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public Connection getConnection() {
      return shared;
    }

    @Override
    public Connection getConnection(String user, String password) {
      return shared;
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      // Nothing to log.
    }

    @Override
    public void setLoginTimeout(int seconds) {
      // The connection is open already.
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException("no logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
