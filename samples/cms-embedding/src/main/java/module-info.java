/**
 * A miniature prosecutor case-management system that embeds pcop: its own tables on H2 and the
 * providers its vendor writes over them.
 */
module org.pcop.samples.cms {
  exports org.pcop.samples.cms;

  // The system hands out pcop providers and its engine, and takes pcop values (members, case
  // references).
  requires transitive org.pcop.engine;
  // Its events go to the sample JDBC event store, on the system's own database.
  requires org.pcop.samples.jdbcstore;
  // The system is opened on a javax.sql.DataSource, so users read java.sql too.
  requires transitive java.sql;
  // H2 is the system's embedded database (a file-name-free automatic module, com.h2database).
  requires com.h2database;
  // H2's JdbcDataSource is a javax.naming.Referenceable, so the compiler must see java.naming.
  requires java.naming;
}
