package org.pcop.benchmarks.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.pcop.spi.EventData;
import org.pcop.spi.StreamId;

/**
 * What a developer would write instead of an event store: one transaction per batch, one
 * prepared insert, {@code addBatch} per event, {@code executeBatch}, commit. It writes the rows
 * {@code JdbcEventStore} writes into the same {@code pcop_events} table, but keeps positions in
 * memory and checks nothing: no expected version, no retry detection, no position row. It
 * assumes it is the only writer and that every batch goes to a new stream. Its commits are as
 * durable as the store's: on H2 it forces each commit to disk with {@code CHECKPOINT SYNC}, as
 * the store does (PostgreSQL's commit waits for the log flush by itself).
 */
public final class RawJdbcAppender {
  private static final String INSERT = "INSERT INTO pcop_events (global_position, stream_id,"
      + " stream_version, event_id, event_type, payload_format, payload, metadata, recorded_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final DataSource dataSource;
  private final Clock clock;
  private long lastPosition;

  /**
   * An appender after the rows already in the table.
   *
   * @param dataSource the database, with the pcop tables
   * @param lastPosition the last global position in the table
   * @param clock the clock for the time of recording
   */
  public RawJdbcAppender(DataSource dataSource, long lastPosition, Clock clock) {
    this.dataSource = dataSource;
    this.lastPosition = lastPosition;
    this.clock = clock;
  }

  private static boolean h2(Connection connection) throws SQLException {
    return "H2".equals(connection.getMetaData().getDatabaseProductName());
  }

  /**
   * Inserts a batch as versions 1 to n of a new stream.
   *
   * @param stream the new stream
   * @param batch the events
   * @throws SQLException if the database refuses; the transaction is rolled back
   */
  public void append(StreamId stream, List<EventData> batch) throws SQLException {
    OffsetDateTime now = OffsetDateTime.ofInstant(
        clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        for (int i = 0; i < batch.size(); i++) {
          EventData event = batch.get(i);
          insert.setLong(1, lastPosition + 1 + i);
          insert.setString(2, stream.value());
          insert.setLong(3, 1 + i);
          insert.setString(4, event.getEventId().value());
          insert.setString(5, event.getType());
          insert.setString(6, event.getFormat().name());
          insert.setBytes(7, event.getPayload());
          insert.setString(8, metadata(event.getMetadata()));
          insert.setObject(9, now);
          insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
        if (h2(connection)) {
          // As durable as the store: H2's commit is not on disk until a checkpoint forces it.
          try (Statement sync = connection.createStatement()) {
            sync.execute("CHECKPOINT SYNC");
          }
        }
        lastPosition += batch.size();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  /** The metadata as the store writes it: a JSON object of strings. */
  private static String metadata(Map<String, String> metadata) {
    if (metadata.isEmpty()) {
      return "{}";
    }
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      json.append(json.length() == 1 ? "" : ",");
      quote(json, entry.getKey()).append(':');
      quote(json, entry.getValue());
    }
    return json.append('}').toString();
  }

  private static StringBuilder quote(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"');
  }
}
