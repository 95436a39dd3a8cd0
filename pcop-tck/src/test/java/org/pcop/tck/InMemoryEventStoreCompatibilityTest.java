package org.pcop.tck;

import org.pcop.spi.EventStore;
import org.pcop.spi.memory.InMemoryEventStore;

/**
 * The in-memory reference store passes the whole kit. It cannot be reopened (nothing survives the
 * process), so R161 is skipped; its failure injection provides the half-way hook of R131.
 */
class InMemoryEventStoreCompatibilityTest extends EventStoreCompatibilityKit {
  @Override
  protected EventStore createStore() {
    return InMemoryEventStore.create();
  }

  @Override
  protected boolean failHalfWayThroughNextAppend(EventStore store) {
    ((InMemoryEventStore) store).failNextAppend(InMemoryEventStore.Failure.HALF_WAY);
    return true;
  }
}
