package org.pcop.samples.jdbcstore;

import javax.sql.DataSource;

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
}
