package org.pcop.samples.jdbcstore;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The databases the store knows: how to recognise each, which DDL script creates its schema, and
 * which of its errors mean "nothing was written, try the transaction again".
 */
enum Dialect {
  /** H2 2.x, embedded or as a server. */
  H2("H2", "h2", Set.of(
      "40001", // deadlock detected or a concurrent update of the same row
      "HYT00")), // lock timeout
  /** PostgreSQL 12 or newer. */
  POSTGRESQL("PostgreSQL", "postgresql", Set.of(
      "40001", // serialization failure (a stricter isolation level than ours)
      "40P01", // deadlock detected
      "55P03")); // lock not available (lock_timeout)

  /** SQLState of a unique constraint violation, the same in H2 and PostgreSQL. */
  static final String UNIQUE_VIOLATION = "23505";

  private final String productName;
  private final String scriptName;
  private final Set<String> transientStates;

  Dialect(String productName, String scriptName, Set<String> transientStates) {
    this.productName = productName;
    this.scriptName = scriptName;
    this.transientStates = transientStates;
  }

  /**
   * The dialect of a database, from its JDBC product name.
   *
   * @param productName what {@code DatabaseMetaData.getDatabaseProductName()} says
   * @return the dialect
   * @throws IllegalArgumentException if the database is not one the store knows
   */
  static Dialect of(String productName) {
    for (Dialect dialect : values()) {
      if (dialect.productName.equalsIgnoreCase(productName)) {
        return dialect;
      }
    }
    throw new IllegalArgumentException("JdbcEventStore: the data source is a " + productName
        + " database, which this store has no schema for; supported: "
        + Arrays.toString(Arrays.stream(values()).map(d -> d.productName).toArray()));
  }

  /**
   * The resource name of the DDL script that brings the schema to a version.
   *
   * @param version the schema version, from 1
   * @return the resource name, relative to this package
   */
  String script(int version) {
    return "schema-v" + version + "-" + scriptName + ".sql";
  }

  /**
   * Whether an error means the transaction was refused before anything was committed and may
   * simply be tried again: a lock timeout, a deadlock, a serialization failure or a unique
   * violation (another writer got there first; the next attempt sees what it wrote).
   *
   * @param error the error
   * @return true if the transaction may be retried
   */
  boolean isRetryable(SQLException error) {
    Throwable t = error;
    for (int depth = 0; t != null && depth < 16; depth++, t = next(t)) {
      if (t instanceof SQLException) {
        String state = ((SQLException) t).getSQLState();
        if (state != null && (UNIQUE_VIOLATION.equals(state)
            || transientStates.contains(state.toUpperCase(Locale.ROOT)))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Throwable next(Throwable t) {
    if (t instanceof SQLException && ((SQLException) t).getNextException() != null) {
      return ((SQLException) t).getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  @Override
  public String toString() {
    return productName;
  }
}
