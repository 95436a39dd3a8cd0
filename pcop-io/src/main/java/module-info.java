/**
 * Strict JSON, NDJSON and CSV formats for community documents, event logs, rosters and rule sets,
 * safe against hostile input.
 */
module org.pcop.io {

  // Documents are made of model values and rule sets.
  requires transitive org.pcop.model;
  requires transitive org.pcop.rules;
  requires com.fasterxml.jackson.databind;
  // Immutables is an annotation processor; its annotations are not needed at run time.
  requires static org.immutables.value;
}
