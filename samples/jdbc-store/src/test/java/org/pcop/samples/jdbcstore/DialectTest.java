package org.pcop.samples.jdbcstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialectTest {
  @Test
  void recognisesTheSupportedDatabasesByProductName() {
    assertEquals(Dialect.H2, Dialect.of("H2"));
    assertEquals(Dialect.POSTGRESQL, Dialect.of("PostgreSQL"));
  }

  @Test
  void refusesAnotherDatabaseNamingItAndTheSupportedOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dialect.of("Oracle"));
    assertEquals("JdbcEventStore: the data source is a Oracle database, which this store has no"
        + " schema for; supported: [H2, PostgreSQL]", e.getMessage());
  }

  @Test
  void retriesOnlyErrorsThatLeaveNothingCommitted() {
    assertTrue(Dialect.POSTGRESQL.isRetryable(new SQLException("deadlock", "40P01")));
    assertTrue(Dialect.POSTGRESQL.isRetryable(new SQLException("lock", "55P03")));
    assertTrue(Dialect.H2.isRetryable(new SQLException("lock timeout", "HYT00")));
    assertTrue(Dialect.H2.isRetryable(new SQLException("duplicate", "23505")));
    assertFalse(Dialect.H2.isRetryable(new SQLException("connection lost", "08006")));
    assertFalse(Dialect.POSTGRESQL.isRetryable(new SQLException("syntax", "42601")));
    assertFalse(Dialect.H2.isRetryable(new SQLException("no state")));
  }

  @Test
  void looksIntoTheNextExceptionOfABatch() {
    BatchUpdateException batch = new BatchUpdateException("batch aborted", "22000", new int[0]);
    batch.setNextException(new SQLException("duplicate key", "23505"));
    assertTrue(Dialect.POSTGRESQL.isRetryable(batch));
  }

  @Test
  void recognisesAUniqueViolationAlsoBehindABatchError() {
    BatchUpdateException batch = new BatchUpdateException("batch aborted", "22000", new int[0]);
    batch.setNextException(new SQLException("duplicate key", "23505"));
    assertTrue(Dialect.isUniqueViolation(batch));
    assertTrue(Dialect.isUniqueViolation(new SQLException("duplicate key", "23505")));
    assertFalse(Dialect.isUniqueViolation(new SQLException("deadlock", "40P01")));
    assertFalse(Dialect.isUniqueViolation(new SQLException("no state")));
  }

  @Test
  void takesPositionsAndReadsTheVersionInOneStatementPerDatabase() {
    assertEquals(List.of(2, 1, false), List.of(Dialect.H2.countParameter(),
        Dialect.H2.streamParameter(), Dialect.H2.setsIsolationInStatement()));
    assertTrue(Dialect.H2.takePositionsSql().contains("FROM FINAL TABLE (UPDATE"),
        Dialect.H2.takePositionsSql());
    assertEquals(List.of(1, 2, true), List.of(Dialect.POSTGRESQL.countParameter(),
        Dialect.POSTGRESQL.streamParameter(), Dialect.POSTGRESQL.setsIsolationInStatement()));
    assertTrue(Dialect.POSTGRESQL.takePositionsSql().startsWith(
        "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; UPDATE pcop_event_position"),
        Dialect.POSTGRESQL.takePositionsSql());
    assertTrue(Dialect.POSTGRESQL.takePositionsSql().contains(" RETURNING last_position, "),
        Dialect.POSTGRESQL.takePositionsSql());
  }

  @Test
  void shipsAScriptPerDatabaseThatSplitsIntoStatements() {
    for (Dialect dialect : Dialect.values()) {
      List<String> statements = Schema.statements(dialect.script(Schema.CURRENT_VERSION));
      assertEquals(5, statements.size(), dialect + ": " + statements);
      assertTrue(statements.get(0).startsWith("CREATE TABLE pcop_events"), statements.get(0));
      assertTrue(statements.stream().noneMatch(s -> s.contains(";") || s.contains("--")),
          dialect + ": " + statements);
    }
  }
}
