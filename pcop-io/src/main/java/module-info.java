/**
 * Strict JSON, NDJSON and CSV formats for community documents, event logs, rosters and rule
 * sets, safe against hostile input: explicit limits, strict mode by default, no polymorphic typing
 * by class name, located errors, and imports that apply nothing unless valid as a whole.
 */
module org.pcop.io {
  exports org.pcop.io;
  exports org.pcop.io.json;
  exports org.pcop.io.document;
  exports org.pcop.io.eventlog;
  exports org.pcop.io.roster;
  exports org.pcop.io.ruleset;
  exports org.pcop.io.schema;

  // Documents are made of model values and rule sets; both appear in this API.
  requires transitive org.pcop.model;
  requires transitive org.pcop.rules;
  // PcopJsonModule is a Jackson Module and strictMapper returns an ObjectMapper, so users read
  // Jackson's databind (and, through it, core) too.
  requires transitive com.fasterxml.jackson.databind;
  // Immutables is an annotation processor; its annotations are not needed at run time.
  requires static org.immutables.value;

  // The JSON Schema files are resources of this package; opened so that tools and other
  // modules can load them by name (PcopSchemas also hands them out as streams).
  opens org.pcop.io.schema;
}
