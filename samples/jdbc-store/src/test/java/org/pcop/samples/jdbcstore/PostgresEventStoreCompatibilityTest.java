package org.pcop.samples.jdbcstore;

import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.pcop.spi.EventStore;
import org.pcop.tck.EventStoreCompatibilityKit;

/**
 * The JDBC store passes pcop's conformance kit on a real PostgreSQL server that the test run
 * starts itself, with a fresh database for every test. Reopening opens a new store over new
 * connections to the same database; a half-way failure writes the batch's first row inside the
 * transaction and then loses the connection.
 */
@DisplayName("JdbcEventStore on PostgreSQL")
class PostgresEventStoreCompatibilityTest extends EventStoreCompatibilityKit {
  private DataSource database;
  private FaultyDataSource faulty;

  @Override
  protected EventStore createStore() {
    database = TestDatabases.postgres();
    faulty = new FaultyDataSource(database);
    return JdbcEventStore.open(faulty.dataSource());
  }

  @Override
  protected Optional<HalfWayFailure> failHalfWayThroughNextAppend(EventStore store) {
    FaultyDataSource armed = faulty;
    armed.failNext(FaultyDataSource.Fault.HALF_WAY);
    return Optional.of(armed::rowsWrittenBeforeFault);
  }

  @Override
  protected Optional<EventStore> reopen(EventStore store) {
    faulty = new FaultyDataSource(database);
    return Optional.of(JdbcEventStore.open(faulty.dataSource()));
  }

  @Override
  protected void release(EventStore store) {
    TestDatabases.dropPostgres(database);
  }
}
