package org.pcop.samples.jdbcstore;

import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.pcop.spi.SnapshotStore;
import org.pcop.tck.SnapshotStoreCompatibilityKit;

/**
 * The JDBC snapshot store passes pcop's conformance kit on a real PostgreSQL server that the test
 * run starts itself, with a fresh database for every test. Reopening opens a new store over new
 * connections to the same database; a failed save writes its row inside the transaction and then
 * loses the connection at the commit.
 */
@DisplayName("JdbcSnapshotStore on PostgreSQL")
class PostgresSnapshotStoreCompatibilityTest extends SnapshotStoreCompatibilityKit {
  private DataSource database;
  private FaultyDataSource faulty;

  @Override
  protected SnapshotStore createStore() {
    database = TestDatabases.postgres();
    faulty = new FaultyDataSource(database);
    return JdbcSnapshotStore.open(faulty.dataSource());
  }

  @Override
  protected boolean failNextSave(SnapshotStore store) {
    faulty.failNext(FaultyDataSource.Fault.COMMIT_LOST);
    return true;
  }

  @Override
  protected Optional<SnapshotStore> reopen(SnapshotStore store) {
    return Optional.of(JdbcSnapshotStore.open(database));
  }

  @Override
  protected void release(SnapshotStore store) {
    TestDatabases.dropPostgres(database);
  }
}
