package org.pcop.benchmarks.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.engine.Pcop;
import org.pcop.engine.PcopBuilder;
import org.pcop.io.ReadLimits;
import org.pcop.io.json.EventTypes;
import org.pcop.io.json.PcopJsonModule;
import org.pcop.model.event.PcopEvent;
import org.pcop.spi.EventData;
import org.pcop.spi.EventStore;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.SnapshotStore;
import org.pcop.spi.StreamId;
import org.pcop.spi.memory.InMemoryAccessPolicy;
import org.pcop.spi.memory.InMemoryAuditSink;
import org.pcop.spi.memory.InMemoryEventStore;
import org.pcop.spi.memory.InMemoryIdentityMapping;
import org.pcop.spi.memory.InMemoryNotificationSink;

/**
 * The national history as a host's store holds it: every event in the community's stream, as the
 * engine's payload (pcop-io's JSON), in batches of a thousand, as an import leaves them.
 */
final class EngineHistory {
  private static final int BATCH = 1000;

  private EngineHistory() {}

  /** A store holding the history in the community's stream. */
  static InMemoryEventStore store(NationalCommunity history) {
    ObjectMapper mapper = PcopJsonModule.strictMapper(ReadLimits.defaults());
    InMemoryEventStore store = InMemoryEventStore.create();
    StreamId stream = StreamId.of("pcop-" + NationalCommunity.COMMUNITY.getId());
    List<EventData> batch = new ArrayList<>(BATCH);
    for (PcopEvent event : history) {
      try {
        batch.add(EventData.json(event.getEventId(), EventTypes.nameOf(event),
            mapper.writeValueAsString(event)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot encode " + event.getEventId(), e);
      }
      if (batch.size() == BATCH) {
        store.append(stream, ExpectedVersion.any(), batch);
        batch = new ArrayList<>(BATCH);
      }
    }
    if (!batch.isEmpty()) {
      store.append(stream, ExpectedVersion.any(), batch);
    }
    return store;
  }

  /** An engine over the store, with in-memory providers and the default rule set. */
  static Pcop engine(EventStore store) {
    return engine(store, Optional.empty());
  }

  /** The same, starting from and writing snapshots to {@code snapshots} if given. */
  static Pcop engine(EventStore store, Optional<SnapshotStore> snapshots) {
    PcopBuilder builder = Pcop.builder().store(store).community(NationalCommunity.COMMUNITY)
        .identities(InMemoryIdentityMapping.create()).access(InMemoryAccessPolicy.create())
        .audit(InMemoryAuditSink.create()).notifications(InMemoryNotificationSink.create());
    // Snapshots only when the engine closes, never during a start that is measured.
    snapshots.ifPresent(s -> builder.snapshots(s).snapshotEvery(100_000_000));
    return builder.build();
  }
}
