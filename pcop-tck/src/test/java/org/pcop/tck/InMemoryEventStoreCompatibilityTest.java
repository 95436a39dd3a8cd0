package org.pcop.tck;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.pcop.spi.EventStore;
import org.pcop.spi.memory.InMemoryEventStore;

/**
 * The in-memory reference store passes the whole kit. Nothing it holds survives the process, and
 * it says so: durability (R161) is declared unsupported. Its failure injection provides the
 * half-way hook of R131.
 */
@DisplayName("InMemoryEventStore")
class InMemoryEventStoreCompatibilityTest extends EventStoreCompatibilityKit {
  @Override
  protected EventStore createStore() {
    return InMemoryEventStore.create();
  }

  @Override
  protected Optional<HalfWayFailure> failHalfWayThroughNextAppend(EventStore store) {
    InMemoryEventStore memory = (InMemoryEventStore) store;
    memory.failNextAppend(InMemoryEventStore.Failure.HALF_WAY);
    return Optional.of(memory::eventsStagedBeforeLastFailure);
  }

  @Override
  protected Map<Guarantee, String> declaredLimitations() {
    return Map.of(Guarantee.DURABILITY,
        "keeps events in memory only; nothing survives the process");
  }
}
