package org.pcop.samples.jdbcstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.pcop.model.event.EventId;
import org.pcop.spi.EventData;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.StreamId;

/** The JDBC store on a real PostgreSQL server started by the test run. */
class PostgresJdbcEventStoreTest extends JdbcEventStoreTest {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }

  @Override
  void shutDown(DataSource database) {
    // Every append was committed on the server; a new store opens new connections to it.
  }

  @Override
  void release(DataSource database) {
    TestDatabases.dropPostgres(database);
  }

  @Override
  String productName() {
    return "PostgreSQL";
  }

  @Override
  String waitingForALockQuery() {
    return "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
        + " AND datname = current_database()";
  }

  /**
   * An append's transaction commits with synchronous_commit on where the session has it off (the
   * test server has it off too), whichever way the append takes: no stream, an exact version,
   * any version, and a batch too large for the one statement that inserts with the position.
   */
  @Test
  void commitsEveryAppendWithSynchronousCommitOnWhereTheSessionHasItOff() throws SQLException {
    DataSource database = TestDatabases.postgres();
    List<String> atCommit = Collections.synchronizedList(new ArrayList<>());
    DataSource watched = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {DataSource.class}, (self, method, args) -> {
          Object result = FaultyDataSource.invoke(database, method, args);
          if (!(result instanceof Connection)) {
            return result;
          }
          Connection connection = (Connection) result;
          try (Statement off = connection.createStatement()) {
            off.execute("SET synchronous_commit = off");
          }
          return Proxy.newProxyInstance(getClass().getClassLoader(),
              new Class<?>[] {Connection.class}, (c, m, a) -> {
                if (m.getName().equals("commit")) {
                  try (Statement read = connection.createStatement();
                      ResultSet rows = read.executeQuery(
                          "SELECT current_setting('synchronous_commit')")) {
                    rows.next();
                    atCommit.add(rows.getString(1));
                  }
                }
                return FaultyDataSource.invoke(connection, m, a);
              });
        });
    try {
      JdbcEventStore store = JdbcEventStore.open(watched);
      atCommit.clear(); // the schema's creation
      StreamId stream = StreamId.of("member-m-1");
      store.append(stream, ExpectedVersion.noStream(), batch("a", 1));
      store.append(stream, ExpectedVersion.exactly(1), batch("b", 2));
      store.append(stream, ExpectedVersion.any(), batch("c", 1));
      store.append(stream, ExpectedVersion.exactly(4), batch("d", 250));

      assertEquals(List.of("on", "on", "on", "on"), atCommit);
      assertEquals(254, TestDatabases.number(database, "SELECT COUNT(*) FROM pcop_events"));
    } finally {
      TestDatabases.dropPostgres(database);
    }
  }

  private static List<EventData> batch(String prefix, int size) {
    return IntStream.rangeClosed(1, size).mapToObj(i -> EventData.json(
        EventId.of(prefix + "-" + i), "pcop.Test/1", "{}")).collect(Collectors.toList());
  }
}
