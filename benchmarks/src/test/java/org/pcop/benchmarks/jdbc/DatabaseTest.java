package org.pcop.benchmarks.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The PostgreSQL server the benchmarks start commits as PostgreSQL ships: a commit returns once
 * its write-ahead log is on the device. The store turns synchronous commit on for its own
 * transactions whatever the server says, so a server with it off would time the store's durable
 * commits against plain JDBC's asynchronous ones. Only the kind named for it runs without
 * {@code fsync}, to time the database's work without the disk's.
 */
class DatabaseTest {
  @ParameterizedTest
  @EnumSource(value = Database.Kind.class, names = {"POSTGRESQL", "POSTGRESQL_DRIVER_DEFAULTS",
      "POSTGRESQL_FSYNC_OFF"})
  void postgresql_commits_wait_for_the_log_on_the_device(Database.Kind kind) {
    try (Database db = Database.start(kind)) {
      assertEquals(1, db.number("SELECT COUNT(*) FROM pg_settings"
          + " WHERE name = 'synchronous_commit' AND setting = 'on'"), "synchronous_commit");
      assertEquals(kind == Database.Kind.POSTGRESQL_FSYNC_OFF ? 0 : 1, db.number(
          "SELECT COUNT(*) FROM pg_settings WHERE name = 'fsync' AND setting = 'on'"), "fsync");
    }
  }
}
