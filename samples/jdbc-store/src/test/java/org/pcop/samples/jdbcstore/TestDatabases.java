package org.pcop.samples.jdbcstore;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The databases the tests run on: H2 files in a temporary folder, and one real PostgreSQL server
 * per test run (started from the binaries in a Maven artifact, stopped when the JVM exits), with
 * a fresh database for every test.
 */
final class TestDatabases {
  private static final AtomicInteger NEXT_DATABASE = new AtomicInteger();
  private static final Map<DataSource, String> POSTGRES_NAMES =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  /**
   * An H2 database in a file, kept open until {@link #shutDownH2(DataSource)}.
   *
   * @param folder where the file goes
   * @return the data source
   */
  static DataSource h2(Path folder) {
    return new DriverDataSource("jdbc:h2:file:" + folder.resolve("events").toAbsolutePath()
        + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  /**
   * Closes an H2 database, so that the next connection reopens it from its file.
   *
   * @param dataSource the database
   */
  static void shutDownH2(DataSource dataSource) {
    execute(dataSource, "SHUTDOWN");
  }

  /**
   * A new, empty database on the shared PostgreSQL server.
   *
   * @return the data source
   */
  static DataSource postgres() {
    return postgres(Map.of());
  }

  /**
   * A new, empty database on the shared PostgreSQL server, with JDBC driver properties.
   *
   * @param properties driver properties, such as {@code reWriteBatchedInserts}
   * @return the data source
   */
  static DataSource postgres(Map<String, String> properties) {
    EmbeddedPostgres server = postgresServer();
    String name = "pcop_test_" + NEXT_DATABASE.incrementAndGet();
    execute(server.getPostgresDatabase(), "CREATE DATABASE " + name);
    DataSource database = server.getDatabase("postgres", name, properties);
    POSTGRES_NAMES.put(database, name);
    return database;
  }

  /**
   * Drops a database made by {@link #postgres()}, closing whatever connections it still has.
   *
   * @param database the database
   */
  static void dropPostgres(DataSource database) {
    String name = POSTGRES_NAMES.remove(database);
    if (name != null) {
      execute(postgresServer().getPostgresDatabase(), "DROP DATABASE " + name + " WITH (FORCE)");
    }
  }

  private static synchronized EmbeddedPostgres postgresServer() {
    if (postgres == null) {
      long start = System.nanoTime();
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
      }
      System.out.printf("PostgreSQL started in %d ms%n", (System.nanoTime() - start) / 1_000_000);
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // The JVM is exiting; the server's folder is temporary.
        }
      }));
    }
    return postgres;
  }

  /**
   * Runs one statement on a connection, in whatever transaction it is in.
   *
   * @param connection the connection
   * @param sql the statement
   */
  static void execute(Connection connection, String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs a query that selects one number.
   *
   * @param dataSource the database
   * @param sql the query
   * @return the number
   */
  static long number(DataSource dataSource, String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs one statement with auto-commit.
   *
   * @param dataSource the database
   * @param sql the statement
   */
  static void execute(DataSource dataSource, String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
