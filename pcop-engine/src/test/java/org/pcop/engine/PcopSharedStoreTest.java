package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pcop.model.event.EventId;
import org.pcop.spi.AuditOutcome;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.EventData;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StreamId;
import org.pcop.engine.CommandRefusedException.Reason;
import org.pcop.spi.memory.InMemoryEventStore;

class PcopSharedStoreTest {
  @Test
  void aRestartedEngineRebuildsTheSameStateFromTheStore() {
    World world = new World();
    Pcop first = world.engine();
    world.populate(first);
    first.postRfi(world.as(PAT), rfi("q-1"));
    first.requestExchange(world.as(PAT), exchange("x-1"));
    Pcop restarted = world.engine();
    assertEquals(first.roster(), restarted.roster());
    assertEquals(first.openRfis(), restarted.openRfis());
    assertEquals(first.openExchanges(), restarted.openExchanges());
    assertEquals(first.history(M_PAT), restarted.history(M_PAT));
    assertEquals(first.position(), restarted.position());
    assertEquals(first.evaluation(), restarted.evaluation());
  }

  @Test
  void startUpRefusesALogWithAnEventTypeItDoesNotKnow() {
    World world = new World();
    world.memoryStore.append(StreamId.of("pcop-pcop"), ExpectedVersion.noStream(),
        List.of(EventData.json(EventId.of("e-1"), "com.example.Foreign", "{}")));
    IllegalStateException e = assertThrows(IllegalStateException.class, world::engine);
    assertTrue(e.getMessage().contains("position 1")
        && e.getMessage().contains("com.example.Foreign"), e.getMessage());
  }

  @Test
  void eventsOfOtherStreamsAreLeftAlone() {
    World world = new World();
    world.memoryStore.append(StreamId.of("host-other"), ExpectedVersion.noStream(),
        List.of(EventData.json(EventId.of("e-1"), "com.example.Foreign", "{}")));
    Pcop pcop = world.engine();
    world.populate(pcop);
    assertEquals(3, pcop.roster().size());
  }

  @Test
  void aRaceBetweenTwoEnginesIsDecidedAgainOnTheFreshStateAndCorruptsNothing() {
    InMemoryEventStore memory = InMemoryEventStore.create(CLOCK);
    RacingStore racing = new RacingStore(memory);
    World world = new World(memory, racing);
    Pcop one = world.engine(memory);
    Pcop two = world.engine(racing);
    world.populate(one);
    racing.beforeNextAppend(() -> one.postRfi(world.as(PAT), rfi("q-1")));
    CommandContext ctx = CommandContext.of(PAT, "q-2-post");
    CommandResult posted = two.postRfi(ctx, rfi("q-2"));
    assertFalse(posted.retry());
    assertEquals(List.of("q-1", "q-2"), ids(one.openRfis()));
    assertEquals(List.of("q-1", "q-2"), ids(two.openRfis()));
    assertTrue(two.postRfi(ctx, rfi("q-2")).retry());
    assertEquals(List.of("q-1", "q-2"), ids(world.engine().openRfis()));
  }

  @Test
  void aRetryOfACommandAnotherEngineStoredIsAcknowledgedWithItsEvents() {
    World world = new World();
    Pcop one = world.engine();
    world.populate(one);
    Pcop two = world.engine();
    CommandResult first = one.postRfi(CommandContext.of(PAT, "q-1-post"), rfi("q-1"));
    // Two has not seen the post: its own decision has the same event ids, which the store
    // recognises; two catches up and acknowledges the stored command.
    CommandResult again = two.postRfi(CommandContext.of(PAT, "q-1-post"), rfi("q-1"));
    assertTrue(again.retry());
    assertEquals(first.events(), again.events());
    // A command under a request id another engine stored with other input is refused.
    one.postRfi(CommandContext.of(PAT, "q-2-post"), rfi("q-2"));
    CommandRefusedException other = assertThrows(CommandRefusedException.class,
        () -> two.postRfi(CommandContext.of(PAT, "q-2-post"), rfi("q-3")));
    assertEquals(Reason.INVALID, other.getReason(), other.getMessage());
    assertEquals(2, world.memoryStore.readAll(0, 100_000).stream()
        .filter(r -> r.getEvent().getType().equals("rfi-posted")).count());
  }

  /** Two engines over one store, both built before the first populates the community. */
  @Nested
  class TwoEnginesOverOneStore {
    private final World world = new World();
    private final Pcop one = world.engine();
    private final Pcop two = world.engine();

    @BeforeEach
    void populateThroughTheFirst() {
      world.populate(one);
    }

    @Test
    void aSecondEngineSeesTheFirstOnesEventsBeforeDeciding() {
      two.postRfi(world.as(PAT), rfi("q-1"));
      assertEquals(1, one.openRfis().size());
      CommandRefusedException e = assertThrows(CommandRefusedException.class,
          () -> one.postRfi(world.as(PAT), rfi("q-1")));
      assertEquals(Reason.RULE, e.getReason());
    }

    @Test
    void aCommandDecidedOnWhatAnotherEngineChangedIsDecidedAgainAndRefusedIfItNoLongerFits() {
      assertEquals(3, two.roster().size(), "two caught up with the community");
      // One uses up the host site's capacity (two exchanges) while two does not look.
      one.requestExchange(world.as(PAT), exchange("x-1"));
      one.requestExchange(world.as(PAT), exchange("x-2"));
      int stored = world.memoryStore.readAll(0, 100_000).size();

      CommandRefusedException full = assertThrows(CommandRefusedException.class,
          () -> two.requestExchange(CommandContext.of(PAT, "x-3-request"), exchange("x-3")));

      assertEquals(Reason.RULE, full.getReason(), full.getMessage());
      assertTrue(full.getProblems().get(0).contains("already hosts 2"), full.getMessage());
      assertEquals(stored, world.memoryStore.readAll(0, 100_000).size());
      List<AuditOutcome> outcomes = world.audit.getRecords().stream()
          .filter(r -> r.getRequestId().equals("x-3-request")).map(AuditRecord::getOutcome)
          .collect(Collectors.toList());
      assertEquals(List.of(AuditOutcome.COMMITTED, AuditOutcome.REJECTED, AuditOutcome.REJECTED),
          outcomes, "decided on the state two knew, refused by the store, decided again on the"
          + " fresh state and refused by the rule");
      assertEquals(List.of("x-1", "x-2"), two.openExchanges().stream()
          .map(x -> x.getId().toString()).sorted().collect(Collectors.toList()));
    }

    @Test
    void aRefusalIsGivenOnlyOnAStateCaughtUpWithTheStore() {
      int audits = world.audit.getRecords().size();
      // Two has not seen the community: on what it knows, PAT is no member, so it catches up
      // before refusing, finds the community, decides again and commits.
      CommandResult posted = two.postRfi(CommandContext.of(PAT, "q-1-post"), rfi("q-1"));
      assertEquals(List.of("rfi-posted"), posted.eventTypes());
      assertEquals(List.of(AuditOutcome.COMMITTED), world.audit.getRecords()
          .subList(audits, world.audit.getRecords().size()).stream()
          .filter(r -> r.getRequestId().equals("q-1-post")).map(AuditRecord::getOutcome)
          .collect(Collectors.toList()), "no refusal on the state two knew is audited");
      assertEquals(List.of("q-1"), ids(one.openRfis()));
    }

    @Test
    void concurrentCommandsFromManyThreadsCommitOrConflictAndReplayToTheSameState()
        throws Exception {
      int threads = 8;
      int perThread = 15;
      AtomicInteger committed = new AtomicInteger();
      AtomicInteger conflicts = new AtomicInteger();
      Set<EventId> committedIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Pcop engine = t % 2 == 0 ? one : two;
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            String id = "q-" + thread + "-" + i;
            try {
              CommandResult result = engine.postRfi(CommandContext.of(PAT, "post-" + id),
                  rfi(id));
              committed.incrementAndGet();
              committedIds.addAll(result.events());
            } catch (CommandRefusedException e) {
              assertEquals(Reason.CONFLICT, e.getReason(), e.getMessage());
              conflicts.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertEquals(threads * perThread, committed.get() + conflicts.get());
      List<RecordedEvent> log = world.memoryStore.readAll(0, 100_000);
      Set<EventId> logged = new HashSet<>();
      log.forEach(r -> assertTrue(logged.add(r.getEvent().getEventId()), "duplicate event"));
      List<EventId> rfiEvents = log.stream().map(r -> r.getEvent())
          .filter(d -> d.getType().equals("rfi-posted")).map(EventData::getEventId)
          .collect(Collectors.toList());
      assertEquals(committedIds, new HashSet<>(rfiEvents));
      assertEquals(committed.get(), rfiEvents.size());
      Pcop replayed = world.engine();
      assertEquals(committed.get(), replayed.openRfis().size());
      assertEquals(replayed.openRfis(), one.openRfis());
      assertEquals(replayed.openRfis(), two.openRfis());
      assertFalse(replayed.openRfis().isEmpty());
    }
  }

  private static List<String> ids(List<org.pcop.model.activity.RequestForInformation> rfis) {
    return rfis.stream().map(r -> r.getId().toString()).sorted().collect(Collectors.toList());
  }
}
