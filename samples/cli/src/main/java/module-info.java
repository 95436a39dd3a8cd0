/**
 * The {@code pcop} command: a demo community of the National Public Safety Partnership's sites
 * simulated for a year on an embedded H2 database, import and export of community documents,
 * event logs and rosters, evaluation of the default rule set and an engagement report as text or
 * as a self-contained HTML page.
 */
module org.pcop.samples.cli {
  requires org.pcop.engine;
  // Imports and exports community documents, event logs, rosters and rule sets.
  requires org.pcop.io;
  requires org.pcop.samples.jdbcstore;
  requires info.picocli;
  // H2 is the embedded database of a data folder. It ships no descriptor; the build adds one
  // (src/module-descriptors) so that the command's runtime graph has no automatic module.
  requires com.h2database;
  // H2's JdbcDataSource, which opens a data folder's database, is a JNDI Referenceable.
  requires java.naming;
  // The command logs each run through java.util.logging into pcop.log in the data folder
  // (and, with --verbose, on the error stream).
  requires java.logging;
  // Immutables is an annotation processor; its annotations are not needed at run time.
  requires static org.immutables.value;

  // picocli reads the command classes' annotations and sets their option fields reflectively.
  opens org.pcop.samples.cli to info.picocli;
}
