/**
 * The provider interfaces a case-management system implements (event store, member directory,
 * identity mapping, access policy, notification and audit sinks, snapshot store), their values,
 * and in-memory reference implementations. An adapter needs nothing else: no Jackson, no rules,
 * no engine.
 */
module org.pcop.spi {
  exports org.pcop.spi;
  exports org.pcop.spi.memory;

  // The provider interfaces carry model types (MemberId, EventId, Member, CaseReference).
  requires transitive org.pcop.model;
  // Immutables is an annotation processor; its annotations are not needed at run time.
  requires static org.immutables.value;

  // HostAdapters finds the host's adapter with ServiceLoader.
  uses org.pcop.spi.HostAdapter;
}
