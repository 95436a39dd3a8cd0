package org.pcop.samples.jdbcstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.spi.StoreFailureException;

/**
 * What the store's durability rests on besides its own code: on H2 the rights to force commits
 * to disk, on PostgreSQL the server settings as shipped.
 */
class DurableCommitSettingsTest {
  @TempDir
  Path folder;

  @Test
  void anH2UserWithoutAdminRightsIsRefusedAtOpenNotAtTheFirstAppend() {
    DataSource admin = TestDatabases.h2(folder);
    try {
      TestDatabases.execute(admin, "CREATE USER clerk PASSWORD 'x'");
      TestDatabases.execute(admin, "CREATE TABLE t (i INT)"); // a schema to grant on
      DataSource clerk = new DriverDataSource("jdbc:h2:file:"
          + folder.resolve("events").toAbsolutePath(), "clerk", "x");
      JdbcEventStore.open(admin); // the tables exist; the clerk may use them
      TestDatabases.execute(admin, "GRANT SELECT, INSERT, UPDATE ON SCHEMA PUBLIC TO clerk");

      StoreFailureException e = assertThrows(StoreFailureException.class,
          () -> JdbcEventStore.open(clerk));

      assertTrue(e.getMessage().startsWith("JdbcEventStore.open: cannot put commits on disk"
          + " with CHECKPOINT SYNC (on H2 the user needs admin rights): "), e.getMessage());
    } finally {
      TestDatabases.shutDownH2(admin);
    }
  }

  /**
   * A PostgreSQL commit returns once its write-ahead log is flushed when synchronous_commit and
   * fsync are on, as PostgreSQL ships them (their boot values). The test server runs with both
   * off for speed, so every PostgreSQL test of the store also runs its statement that turns
   * synchronous_commit on for an append's transaction.
   */
  @Test
  void postgresqlShipsWithCommitsThatWaitForTheLogFlush() throws SQLException {
    DataSource database = TestDatabases.postgres();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      assertEquals("on", value(statement, "SELECT boot_val FROM pg_settings"
          + " WHERE name = 'synchronous_commit'"));
      assertEquals("on", value(statement, "SELECT boot_val FROM pg_settings"
          + " WHERE name = 'fsync'"));
    } finally {
      TestDatabases.dropPostgres(database);
    }
  }

  private static String value(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
