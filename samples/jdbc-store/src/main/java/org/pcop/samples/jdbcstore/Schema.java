package org.pcop.samples.jdbcstore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Brings a database to the schema version this store needs by running the versioned DDL scripts
 * shipped with it ({@code schema-v<n>-<dialect>.sql}), each in one transaction, and refuses a
 * database whose schema is newer than the store knows.
 *
 * <p>Two stores that open the same empty database at the same moment are safe on PostgreSQL,
 * whose DDL is transactional: one creates the tables, the other finds them. H2 commits each DDL
 * statement at once, so there the second store may fail to open while the first is half way; open
 * it again.
 */
final class Schema {
  /** The schema version this code reads and writes. */
  static final int CURRENT_VERSION = 1;

  private static final String VERSION_TABLE = "pcop_schema_version";

  private Schema() {}

  /**
   * Applies the scripts the database lacks.
   *
   * @param dataSource the database
   * @param dialect its dialect
   * @return the schema version the database is at afterwards
   * @throws SQLException if a script fails
   * @throws IllegalStateException if the database's schema is newer than this code
   */
  static int migrate(DataSource dataSource, Dialect dialect) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      int version = appliedVersion(connection);
      if (version > CURRENT_VERSION) {
        throw new IllegalStateException("JdbcEventStore: the database's pcop schema is at version "
            + version + ", newer than this store knows (" + CURRENT_VERSION
            + "); use a newer pcop-sample-jdbc-store");
      }
      for (int next = version + 1; next <= CURRENT_VERSION; next++) {
        try {
          apply(connection, dialect, next);
        } catch (SQLException e) {
          // Another store instance may have applied the same script at the same time.
          if (appliedVersion(connection) < next) {
            throw e;
          }
        }
      }
      return appliedVersion(connection);
    }
  }

  /** The highest version recorded, 0 if the version table does not exist. */
  private static int appliedVersion(Connection connection) throws SQLException {
    if (!tableExists(connection, VERSION_TABLE)) {
      return 0;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM " + VERSION_TABLE)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static boolean tableExists(Connection connection, String table) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String name = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(java.util.Locale.ROOT)
        : table;
    try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(),
        name, null)) {
      return tables.next();
    }
  }

  private static void apply(Connection connection, Dialect dialect, int version)
      throws SQLException {
    List<String> statements = statements(dialect.script(version));
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * The statements of a script: comment lines dropped, split where a line ends with a semicolon.
   *
   * @param resource the script's resource name, relative to this package
   * @return the statements without their semicolons
   */
  static List<String> statements(String resource) {
    String script;
    try (InputStream in = Schema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("JdbcEventStore: the DDL script " + resource
            + " is missing from the module");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("JdbcEventStore: cannot read the DDL script " + resource, e);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        statements.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException("JdbcEventStore: the DDL script " + resource
          + " ends without a semicolon");
    }
    return statements;
  }
}
