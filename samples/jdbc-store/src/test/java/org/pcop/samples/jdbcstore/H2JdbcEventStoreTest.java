package org.pcop.samples.jdbcstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.model.event.EventId;
import org.pcop.spi.EventData;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.StreamId;

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

  /**
   * A stream's last version (what an append expecting any version, or one that lost a race,
   * reads) is one entry of the unique index, read from the end of the stream's part of it:
   * {@code MAX(stream_version)} made H2 visit every event of the stream, and an engine keeps its
   * whole history in one stream.
   */
  @Test
  void readsAStreamsLastVersionFromOneIndexEntry() throws SQLException {
    DataSource database = newDatabase();
    try {
      JdbcEventStore store = JdbcEventStore.open(database);
      for (String stream : List.of("member-m-1", "member-m-17", "member-m-2")) {
        store.append(StreamId.of(stream), ExpectedVersion.noStream(), IntStream.rangeClosed(1,
            stream.equals("member-m-17") ? 300 : 3).mapToObj(i -> EventData.json(
                EventId.of(stream + "-" + i), "pcop.Test/1", "{}")).collect(Collectors.toList()));
      }
      try (Connection connection = database.getConnection()) {
        assertEquals(List.of(300L, 3L, 3L, 0L), List.of(
            lastVersion(connection, "", "member-m-17"), lastVersion(connection, "", "member-m-1"),
            lastVersion(connection, "", "member-m-2"), lastVersion(connection, "", "member-m-3")));
        long scanned = lastVersion(connection, "EXPLAIN ANALYZE ", "member-m-17");
        assertTrue(scanned <= 2, () -> "the last version of a stream of 300 events visited "
            + scanned + " rows");
      }
    } finally {
      release(database);
    }
  }

  /** The stream's last version, or with EXPLAIN ANALYZE, how many rows reading it visited. */
  private static long lastVersion(Connection connection, String explain, String stream)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(explain
        + Dialect.STREAM_VERSION)) {
      select.setString(1, stream);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        if (explain.isEmpty()) {
          return rows.getLong(1);
        }
        Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(rows.getString(1));
        long most = 0;
        while (scanned.find()) {
          most = Math.max(most, Long.parseLong(scanned.group(1)));
        }
        return most;
      }
    }
  }
}
