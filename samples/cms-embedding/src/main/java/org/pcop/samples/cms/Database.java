package org.pcop.samples.cms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The system's database: transactions on a data source, and the schema script. */
final class Database {
  /** Work inside one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  Database(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  DataSource dataSource() {
    return dataSource;
  }

  /**
   * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
   *
   * @throws CmsException naming {@code what} if the database fails
   */
  <T> T inTransaction(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new CmsException(what + ": " + e.getMessage(), e);
    }
  }

  /** Creates the tables that are missing; safe to run on every start. */
  void createSchema() {
    String script;
    try (InputStream in = Database.class.getResourceAsStream("cms-schema-v1.sql")) {
      if (in == null) {
        throw new IllegalStateException("cms-schema-v1.sql is missing from the module");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    inTransaction("creating the schema", connection -> {
      try (Statement statement = connection.createStatement()) {
        for (String sql : script.replaceAll("(?m)^--.*$", "").split(";\\s*(\\n|$)")) {
          if (!sql.isBlank()) {
            statement.execute(sql);
          }
        }
      }
      return null;
    });
  }
}
