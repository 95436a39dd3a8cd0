/**
 * An event store and a snapshot store for pcop on plain JDBC, on H2 and PostgreSQL: one events
 * table whose constraints keep every guarantee of {@link org.pcop.spi.EventStore}, and one row per
 * stream for {@link org.pcop.spi.SnapshotStore}.
 */
module org.pcop.samples.jdbcstore {
  exports org.pcop.samples.jdbcstore;

  // JdbcEventStore and JdbcSnapshotStore implement the store interfaces and return their values.
  requires transitive org.pcop.spi;
  // The store is built from a javax.sql.DataSource, so users read java.sql too.
  requires transitive java.sql;
  // Immutables is an annotation processor; its annotations (in the package style) are not needed
  // at run time.
  requires static org.immutables.value;
}
