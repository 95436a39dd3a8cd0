package org.pcop.benchmarks.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.samples.jdbcstore.JdbcEventStore;
import org.pcop.spi.EventData;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.StreamId;

/**
 * Plain JDBC writes the rows the sample store writes (the time of recording aside), so the two
 * sides of the append benchmark do the same work on the database; and a refused batch leaves the
 * table as it was.
 */
class RawJdbcAppenderTest {
  private static final NationalCommunity HISTORY = NationalCommunity.of(4, 30, 50, 60, 2_000);

  @ParameterizedTest
  @EnumSource(Database.Kind.class)
  void writes_the_rows_the_store_writes(Database.Kind kind) throws SQLException {
    try (Database viaStore = Database.start(kind); Database viaRaw = Database.start(kind)) {
      JdbcEventStore store = JdbcEventStore.open(viaStore.dataSource());
      JdbcEventStore.open(viaRaw.dataSource());
      RawJdbcAppender raw = new RawJdbcAppender(viaRaw.dataSource(), 0, Clock.systemUTC());
      EventBatches forStore = EventBatches.of(HISTORY, 500, "t-");
      EventBatches forRaw = EventBatches.of(HISTORY, 500, "t-");
      for (int i = 0; i < 4; i++) {
        store.append(StreamId.of("s-" + i), ExpectedVersion.noStream(), forStore.next(150));
        raw.append(StreamId.of("s-" + i), forRaw.next(150));
      }
      List<String> rows = rows(viaStore);
      assertEquals(600, rows.size());
      assertEquals(rows, rows(viaRaw));
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Kind.class)
  void a_refused_batch_changes_nothing(Database.Kind kind) throws SQLException {
    try (Database db = Database.start(kind)) {
      JdbcEventStore.open(db.dataSource());
      RawJdbcAppender raw = new RawJdbcAppender(db.dataSource(), 0, Clock.systemUTC());
      EventBatches batches = EventBatches.of(HISTORY, 100, "t-");
      raw.append(StreamId.of("s-1"), batches.next(10));
      List<EventData> repeated = new ArrayList<>(batches.next(5));
      repeated.add(repeated.get(0));
      assertThrows(SQLException.class, () -> raw.append(StreamId.of("s-2"), repeated));
      assertEquals(10, db.number("SELECT COUNT(*) FROM pcop_events"));
    }
  }

  private static List<String> rows(Database db) throws SQLException {
    List<String> rows = new ArrayList<>();
    Connection connection = db.dataSource().getConnection();
    try (PreparedStatement select = connection.prepareStatement("SELECT global_position,"
        + " stream_id, stream_version, event_id, event_type, payload_format, payload, metadata"
        + " FROM pcop_events ORDER BY global_position");
        ResultSet result = select.executeQuery()) {
      while (result.next()) {
        rows.add(result.getLong(1) + "|" + result.getString(2) + "|" + result.getLong(3) + "|"
            + result.getString(4) + "|" + result.getString(5) + "|" + result.getString(6) + "|"
            + Arrays.hashCode(result.getBytes(7)) + "|" + result.getString(8));
      }
    }
    return rows;
  }
}
