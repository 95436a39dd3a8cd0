/**
 * Engagement rules as data (eligibility, levels, points, service levels, exchange policy,
 * coverage and dormancy), evaluated by pure functions over the model and its history.
 */
module org.pcop.rules {
  exports org.pcop.rules;
  exports org.pcop.rules.definition;
  exports org.pcop.rules.calendar;
  exports org.pcop.rules.spi;
  // The byte writer and reader of snapshots: the engine writes its own snapshot around the
  // record's with the same parts, and reads the record from the snapshot's buffer without a copy.
  exports org.pcop.rules.snapshot to org.pcop.engine;

  // Rule inputs and results are model values (members, sites, events).
  requires transitive org.pcop.model;
  // Immutable lists and maps inside explanations and the coverage matrix; no Guava type is in
  // this module's API.
  requires com.google.common;
  // Immutables is an annotation processor; its annotations are not needed at run time.
  requires static org.immutables.value;

  // Custom rule kinds are plugins, found with ServiceLoader by RuleKindRegistry.installed.
  uses org.pcop.rules.spi.RuleKind;
}
