package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcop.spi.AppendResult;
import org.pcop.spi.EventData;
import org.pcop.spi.EventStore;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StreamId;
import org.pcop.spi.memory.InMemoryEventStore;

/**
 * A command is decided on the state the engine knows and applies the events it appended as the
 * store acknowledged them, without reading the stream before or after (another engine's events
 * are read only when the store refuses an append for them) and without decoding its own
 * payloads. The state it leaves is the state a replay of the store gives; an acknowledgement of
 * a retry (another engine stored the same request first) is read from the store instead.
 */
class PcopAppendTest {
  /** A store that counts reads of the stream, and can slip an append in before the next one. */
  private static final class CountingStore implements EventStore {
    final InMemoryEventStore memory = InMemoryEventStore.create(CLOCK);
    final RacingStore racing = new RacingStore(memory);
    final List<Long> readsFrom = new ArrayList<>();

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected,
        List<EventData> events) {
      return racing.append(stream, expected, events);
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long afterVersion, int maxCount) {
      readsFrom.add(afterVersion);
      return memory.readStream(stream, afterVersion, maxCount);
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
      return memory.readAll(afterPosition, maxCount);
    }
  }

  @Test
  void aCommandOfTheStreamsOnlyWriterReadsNothingAndLeavesTheStateAReplayGives() {
    CountingStore store = new CountingStore();
    World world = new World(store.memory, store);
    Pcop pcop = world.engine(store);
    world.populate(pcop);
    store.readsFrom.clear();
    pcop.postRfi(world.as(PAT), rfi("q-1"));
    pcop.answerRfi(world.as(LEAD), org.pcop.model.RfiId.of("q-1"),
        org.pcop.model.ResponseId.of("a-1"), "We triage them daily.");
    pcop.acceptAnswer(world.as(PAT), org.pcop.model.RfiId.of("q-1"),
        org.pcop.model.ResponseId.of("a-1"));
    pcop.requestExchange(world.as(PAT), exchange("x-1"));
    assertEquals(List.of(), store.readsFrom, "no command read the stream");
    Pcop replayed = world.engine(store.memory);
    assertEquals(replayed.position(), pcop.position());
    assertEquals(replayed.roster(), pcop.roster());
    assertEquals(replayed.openRfis(), pcop.openRfis());
    assertEquals(replayed.openExchanges(), pcop.openExchanges());
    assertEquals(replayed.history(M_PAT), pcop.history(M_PAT));
    assertEquals(replayed.evaluation(), pcop.evaluation());
    assertEquals(replayed.refusedEvents(), pcop.refusedEvents());
  }

  @Test
  void anAcknowledgedRetryIsReadFromTheStore() {
    CountingStore store = new CountingStore();
    World world = new World(store.memory, store);
    Pcop one = world.engine(store.memory);
    Pcop two = world.engine(store);
    world.populate(one);
    CommandContext ctx = CommandContext.of(PAT, "q-1-post");
    // Another engine stores the same request between this one's read and its append.
    store.racing.beforeNextAppend(() -> one.postRfi(ctx, rfi("q-1")));
    CommandResult result = two.postRfi(ctx, rfi("q-1"));
    assertTrue(result.retry(), "the store acknowledged the other engine's batch");
    assertEquals(one.position(), two.position());
    assertEquals(one.openRfis(), two.openRfis());
    assertEquals(1, two.openRfis().size());
  }
}
