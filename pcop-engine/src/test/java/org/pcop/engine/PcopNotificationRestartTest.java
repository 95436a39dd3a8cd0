package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pcop.model.ExchangeId;
import org.pcop.model.event.EventId;
import org.pcop.model.activity.ApproverRole;
import org.pcop.spi.EventData;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.Notification;
import org.pcop.spi.RecordedEvent;
import org.pcop.engine.CommandRefusedException.Reason;
import org.pcop.spi.memory.InMemoryEventStore;
import org.pcop.spi.memory.InMemoryEventStore.Failure;

/**
 * Notifications survive an engine that stops with some still undelivered: the next engine over
 * the store hands them over, each once to a sink that keeps ids once, and never one for an event
 * that was not stored.
 */
class PcopNotificationRestartTest {
  private static final int ONE_FLUSH = HandOvers.ONE_FLUSH;

  private final World world = new World();
  private final HandOvers handOvers = new HandOvers(world.sink);

  private Pcop engine() {
    return world.builder(handOvers).build();
  }

  private List<String> kept() {
    return world.sink.getDelivered().stream().map(Notification::getId)
        .collect(Collectors.toList());
  }

  @Test
  void aNotificationTheSinkRefusedIsDeliveredOnceByTheNextEngine() {
    Pcop first = engine();
    world.populate(first);
    world.sink.failNext(ONE_FLUSH);
    first.requestExchange(CommandContext.of(PAT, "ask-x-1"), exchange("x-1"));
    assertEquals(List.of(), kept(), "the sink refused it");
    // The first engine stops without a flush (the process ends).

    engine();
    assertEquals(List.of("n-ask-x-1.0"), kept());
    engine();
    assertEquals(List.of("n-ask-x-1.0"), kept(), "kept once however often it is handed over");
  }

  @Test
  void aRestartHandsOverOnlyTheLastCommandsNotificationsAgain() {
    Pcop first = engine();
    world.populate(first);
    first.requestExchange(CommandContext.of(PAT, "ask-x-1"), exchange("x-1"));
    first.approveExchange(CommandContext.of(ADVISOR, "ok-advisor"), ExchangeId.of("x-1"),
        ApproverRole.PROGRAM_ADVISOR);
    first.approveExchange(CommandContext.of(LEAD, "ok-lead"), ExchangeId.of("x-1"),
        ApproverRole.HOST_SITE_LEAD);
    List<String> before = handOvers.accepted();
    assertEquals(List.of("n-ask-x-1.0", "n-ok-advisor.0", "n-ok-lead.0"), before);

    engine();
    assertEquals(List.of("n-ok-lead.0"),
        handOvers.accepted().subList(before.size(), handOvers.accepted().size()),
        "only what the last batch could not vouch for is handed over again");
    assertEquals(before, kept());
  }

  @ParameterizedTest
  @EnumSource(Failure.class)
  void onlyAStoredEventIsNotifiedAfterAFailedAppendAndARestart(Failure failure) {
    Pcop first = engine();
    world.populate(first);
    world.memoryStore.failNextAppend(failure);
    CommandRefusedException failed = assertThrows(CommandRefusedException.class,
        () -> first.requestExchange(CommandContext.of(PAT, "ask-x-1"), exchange("x-1")));
    assertEquals(Reason.STORE_FAILURE, failed.getReason());
    assertEquals(List.of(), kept());

    engine();
    boolean stored = failure == Failure.AFTER_COMMIT;
    assertEquals(stored ? List.of("n-ask-x-1.0") : List.of(), kept());
  }

  @Test
  void anotherEngineCommittingMeanwhileDoesNotCoverAPendingNotification() {
    Pcop first = engine();
    world.populate(first);
    Pcop second = engine();
    world.sink.failNext(ONE_FLUSH);
    first.requestExchange(CommandContext.of(PAT, "ask-x-1"), exchange("x-1"));
    second.approveExchange(CommandContext.of(ADVISOR, "ok-advisor"), ExchangeId.of("x-1"),
        ApproverRole.PROGRAM_ADVISOR);
    second.approveExchange(CommandContext.of(LEAD, "ok-lead"), ExchangeId.of("x-1"),
        ApproverRole.HOST_SITE_LEAD);
    assertEquals(List.of("n-ok-advisor.0", "n-ok-lead.0"), kept());
    // The first engine stops with its notification still waiting.

    engine();
    assertEquals(List.of("n-ok-advisor.0", "n-ok-lead.0", "n-ask-x-1.0"), kept());
  }

  @Test
  void aNotificationStillRefusedAtRestartIsKeptForTheEngineAfter() {
    Pcop first = engine();
    world.populate(first);
    world.sink.failNext(ONE_FLUSH);
    first.requestExchange(CommandContext.of(PAT, "ask-x-1"), exchange("x-1"));

    world.sink.failNext(ONE_FLUSH);
    Pcop second = engine();
    assertEquals(List.of(), kept());
    world.sink.failNext(ONE_FLUSH);
    second.approveExchange(CommandContext.of(ADVISOR, "ok-advisor"), ExchangeId.of("x-1"),
        ApproverRole.PROGRAM_ADVISOR);
    assertEquals(List.of("n-ok-advisor.0"), kept(), "one flush refused, the next accepted");

    engine();
    assertTrue(kept().contains("n-ask-x-1.0"), kept().toString());
    assertEquals(2, kept().size());
  }

  @Test
  void aLogWithoutRecordedPositionsIsTakenAsNotified() {
    Pcop first = engine();
    world.populate(first);
    world.sink.failNext(ONE_FLUSH);
    first.requestExchange(CommandContext.of(PAT, "ask-x-1"), exchange("x-1"));
    List<EventData> withoutPositions = new ArrayList<>();
    for (RecordedEvent recorded : world.memoryStore.readAll(0, 1000)) {
      Map<String, String> metadata = new HashMap<>(recorded.getEvent().getMetadata());
      assertTrue(metadata.remove(Pcop.NOTIFIED_KEY) != null, metadata.toString());
      withoutPositions.add(EventData.builder().from(recorded.getEvent()).metadata(metadata)
          .build());
    }
    InMemoryEventStore older = InMemoryEventStore.create(CLOCK);
    older.append(world.memoryStore.readAll(0, 1).get(0).getStream(), ExpectedVersion.noStream(),
        withoutPositions);

    Pcop overOlder = world.builder(older, handOvers).build();
    assertEquals(List.of(), handOvers.accepted(), "no notification of the history is sent");
    overOlder.approveExchange(CommandContext.of(ADVISOR, "ok-advisor"), ExchangeId.of("x-1"),
        ApproverRole.PROGRAM_ADVISOR);
    assertEquals(List.of("n-ok-advisor.0"), handOvers.accepted());
    engine();
    assertEquals(List.of("n-ok-advisor.0", "n-ask-x-1.0"), handOvers.accepted(),
        "the original store, which has the positions, still owes its notification");
  }

  @Test
  void anEventNoEngineWroteIsTakenAsNotifiedAndHoldsNothingBack() {
    Pcop first = engine();
    world.populate(first);
    first.requestExchange(CommandContext.of(PAT, "ask-x-1"), exchange("x-1"));
    // An import writes one more exchange request straight to the store, without engine metadata.
    RecordedEvent asked = world.memoryStore.readAll(0, 1000).stream()
        .filter(r -> r.getEvent().getEventId().value().equals("ask-x-1.0")).findFirst()
        .orElseThrow();
    world.memoryStore.append(asked.getStream(), ExpectedVersion.any(), List.of(EventData.json(
        EventId.of("import-1"), asked.getEvent().getType(), asked.getEvent().getPayloadText()
            .replace("ask-x-1.0", "import-1").replace("\"x-1\"", "\"x-2\""))));
    first.approveExchange(CommandContext.of(ADVISOR, "ok-advisor"), ExchangeId.of("x-1"),
        ApproverRole.PROGRAM_ADVISOR);
    assertEquals(2, first.openExchanges().size(), "the engine applied the imported request");
    List<String> before = handOvers.accepted();
    assertEquals(List.of("n-ask-x-1.0", "n-ok-advisor.0"), before);

    engine();
    assertEquals(List.of("n-ok-advisor.0"),
        handOvers.accepted().subList(before.size(), handOvers.accepted().size()),
        "the import neither gives a notification nor holds the recorded position back");
  }
}
