/**
 * An event store for pcop on plain JDBC: one events table whose constraints keep every guarantee
 * of {@link org.pcop.spi.EventStore}, on H2 and PostgreSQL.
 */
module org.pcop.samples.jdbcstore {
  exports org.pcop.samples.jdbcstore;

  // JdbcEventStore implements the store interface and returns its values.
  requires transitive org.pcop.spi;
  // The store is built from a javax.sql.DataSource, so users read java.sql too.
  requires transitive java.sql;
  // Immutables is an annotation processor; its annotations (in the package style) are not needed
  // at run time.
  requires static org.immutables.value;
}
