/**
 * The embeddable pcop engine and the provider interfaces a case-management system implements.
 */
module org.pcop.spi {
  exports org.pcop.spi;
  exports org.pcop.spi.memory;
  exports org.pcop.spi.engine;

  // Commands, queries and results speak in model values, rule results and io formats; the
  // provider interfaces carry model types (MemberId, EventId, Member, CaseReference).
  requires transitive org.pcop.model;
  requires transitive org.pcop.rules;
  requires transitive org.pcop.io;
  // Immutables is an annotation processor; its annotations are not needed at run time.
  requires static org.immutables.value;

  // HostAdapters finds the host's adapter with ServiceLoader.
  uses org.pcop.spi.HostAdapter;
}
