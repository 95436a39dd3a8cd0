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
}
