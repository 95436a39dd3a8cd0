package org.pcop.samples.jdbcstore;

import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.spi.SnapshotStore;
import org.pcop.tck.SnapshotStoreCompatibilityKit;

/**
 * The JDBC snapshot store passes pcop's conformance kit on an embedded H2 database kept in a file.
 * Reopening shuts the database down and opens it again from its file; a failed save writes its
 * row inside the transaction and then loses the connection at the commit.
 */
@DisplayName("JdbcSnapshotStore on H2")
class H2SnapshotStoreCompatibilityTest extends SnapshotStoreCompatibilityKit {
  @TempDir
  Path folder;

  private DataSource database;
  private FaultyDataSource faulty;

  @Override
  protected SnapshotStore createStore() {
    database = TestDatabases.h2(folder);
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
    TestDatabases.shutDownH2(database);
    return Optional.of(JdbcSnapshotStore.open(database));
  }

  @Override
  protected void release(SnapshotStore store) {
    TestDatabases.shutDownH2(database);
  }
}
