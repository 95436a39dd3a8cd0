package org.pcop.tck;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.pcop.spi.SnapshotStore;
import org.pcop.spi.memory.InMemorySnapshotStore;

/**
 * The in-memory reference snapshot store passes the kit. Nothing it holds survives the process,
 * and it says so: durability (R707) is declared unsupported. Its failure injection provides the
 * hook of R705.
 */
@DisplayName("InMemorySnapshotStore")
class InMemorySnapshotStoreCompatibilityTest extends SnapshotStoreCompatibilityKit {
  @Override
  protected SnapshotStore createStore() {
    return InMemorySnapshotStore.create();
  }

  @Override
  protected boolean failNextSave(SnapshotStore store) {
    ((InMemorySnapshotStore) store).failNextSave();
    return true;
  }

  @Override
  protected Map<Guarantee, String> declaredLimitations() {
    return Map.of(Guarantee.DURABILITY, "keeps snapshots in memory only; nothing survives the"
        + " process");
  }
}
