/**
 * The embeddable pcop engine: {@link org.pcop.engine.Pcop} takes a host's commands through one
 * pipeline over the providers of {@code org.pcop.spi}, keeps a projection for its queries and
 * evaluates the community's rule set.
 */
module org.pcop.engine {
  exports org.pcop.engine;

  // The engine is built from the host's providers and hands back their values.
  requires transitive org.pcop.spi;
  // Commands take model values; queries return them.
  requires transitive org.pcop.model;
  // evaluation() returns rule results, and the builder takes a rule set and rule kinds.
  requires transitive org.pcop.rules;
  // The builder takes a case-fact policy and guard, so hosts see their types.
  requires transitive org.pcop.guard;
  // Event payloads are stored as JSON text in pcop-io's event format,
  requires org.pcop.io;
  // ... decoded and encoded with pcop-io's strict ObjectMapper.
  requires com.fasterxml.jackson.databind;
  // Immutables is an annotation processor; its annotations are not needed at run time.
  requires static org.immutables.value;
}
