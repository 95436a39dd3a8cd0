package org.pcop.samples.jdbcstore;

import java.util.Map;
import javax.sql.DataSource;

/**
 * The JDBC store on a real PostgreSQL server through the driver setting the store recommends,
 * {@code reWriteBatchedInserts=true}: batches go as multi-row inserts, and a refused batch comes
 * back as one error for the rewritten statement, which must be told apart just the same.
 */
class PostgresRewrittenBatchesJdbcEventStoreTest extends PostgresJdbcEventStoreTest {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres(Map.of("reWriteBatchedInserts", "true"));
  }
}
