package org.pcop.samples.jdbcstore;

import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.spi.EventStore;
import org.pcop.tck.EventStoreCompatibilityKit;

/**
 * The JDBC store passes pcop's conformance kit on an embedded H2 database kept in a file. Reopening
 * shuts the database down and opens it again from its file; a half-way failure writes the batch's
 * first row inside the transaction and then loses the connection.
 */
@DisplayName("JdbcEventStore on H2")
class H2EventStoreCompatibilityTest extends EventStoreCompatibilityKit {
  @TempDir
  Path folder;

  private DataSource database;
  private FaultyDataSource faulty;

  @Override
  protected EventStore createStore() {
    database = TestDatabases.h2(folder);
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
    TestDatabases.shutDownH2(database);
    faulty = new FaultyDataSource(database);
    return Optional.of(JdbcEventStore.open(faulty.dataSource()));
  }

  @Override
  protected void release(EventStore store) {
    TestDatabases.shutDownH2(database);
  }
}
