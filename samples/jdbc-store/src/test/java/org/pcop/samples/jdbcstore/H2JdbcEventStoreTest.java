package org.pcop.samples.jdbcstore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC store on an embedded H2 database in a file. */
class H2JdbcEventStoreTest extends JdbcEventStoreTest {
  @TempDir
  Path folder;

  private int databases;

  @Override
  DataSource newDatabase() {
    return TestDatabases.h2(folder.resolve("db-" + ++databases));
  }

  @Override
  void shutDown(DataSource database) {
    TestDatabases.shutDownH2(database);
  }

  @Override
  void release(DataSource database) {
    TestDatabases.shutDownH2(database);
  }

  @Override
  String productName() {
    return "H2";
  }

  @Override
  String waitingForALockQuery() {
    return "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
  }

  /**
   * A page of a stream is read in the unique index's order and stops at its limit: a plan that
   * sorts reads every later event of the stream for each page, which made an engine's replay of
   * 1,000,000 events over H2 run for more than twenty minutes.
   */
  @Test
  void readsAPageOfAStreamInIndexOrderWithoutSorting() throws SQLException {
    DataSource database = newDatabase();
    try {
      JdbcEventStore.open(database);
      String plan;
      try (Connection connection = database.getConnection();
          PreparedStatement explain = connection.prepareStatement(
              "EXPLAIN " + JdbcEventStore.READ_STREAM)) {
        explain.setString(1, "member-m-17");
        explain.setLong(2, 10);
        explain.setInt(3, 1000);
        try (ResultSet rows = explain.executeQuery()) {
          rows.next();
          plan = rows.getString(1);
        }
      }
      assertTrue(plan.contains("PCOP_EVENTS_STREAM_VERSION_UQ") && plan.contains("index sorted"),
          () -> "a stream's page is not read in index order; the plan:\n" + plan);
    } finally {
      release(database);
    }
  }
}
