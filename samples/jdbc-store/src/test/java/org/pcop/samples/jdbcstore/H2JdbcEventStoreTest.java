package org.pcop.samples.jdbcstore;

import java.nio.file.Path;
import javax.sql.DataSource;
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
}
