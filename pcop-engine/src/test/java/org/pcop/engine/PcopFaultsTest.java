package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.spi.AuditOutcome;
import org.pcop.engine.CommandRefusedException.Reason;
import org.pcop.spi.memory.InMemoryEventStore.Failure;

class PcopFaultsTest {
  private final World world = new World();
  private final Pcop pcop = world.engine();

  @Test
  void aRetryWithTheSameRequestIdIsAcknowledgedWithoutDuplicates() {
    world.populate(pcop);
    CommandContext ctx = CommandContext.of(PAT, "post-q-1");
    CommandResult first = pcop.postRfi(ctx, rfi("q-1"));
    long stored = world.memoryStore.readAll(0, 1000).size();
    CommandResult again = pcop.postRfi(ctx, rfi("q-1"));
    assertTrue(again.retry());
    assertEquals(first.events(), again.events());
    assertEquals(stored, world.memoryStore.readAll(0, 1000).size());
    assertEquals(1, pcop.openRfis().size());
  }

  @Test
  void aRequestIdReusedForAnotherCommandOrOtherInputIsRefused() {
    world.populate(pcop);
    pcop.postRfi(CommandContext.of(PAT, "req-9"), rfi("q-1"));
    CommandRefusedException otherInput = assertThrows(CommandRefusedException.class,
        () -> pcop.postRfi(CommandContext.of(PAT, "req-9"), rfi("q-2")));
    assertEquals(Reason.INVALID, otherInput.getReason());
    assertTrue(pcop.postRfi(CommandContext.of(PAT, "req-9"), rfi("q-1")).retry());
    assertEquals(1, pcop.openRfis().size());
    CommandRefusedException other = assertThrows(CommandRefusedException.class,
        () -> pcop.requestExchange(CommandContext.of(PAT, "req-9"), exchange("x-1")));
    assertEquals(Reason.INVALID, other.getReason());
    assertTrue(pcop.openExchanges().isEmpty());
  }

  @ParameterizedTest
  @EnumSource(Failure.class)
  void aFailedAppendIsRetriedExactlyOnceAndNotifiesOnlyWhatWasStored(Failure failure) {
    world.populate(pcop);
    pcop.postRfi(world.as(PAT), rfi("q-1"));
    long before = world.memoryStore.readAll(0, 1000).size();
    CommandContext ctx = CommandContext.of(LEAD, "answer-1");
    world.memoryStore.failNextAppend(failure);
    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> pcop.answerRfi(ctx, RfiId.of("q-1"), ResponseId.of("a-1"), "Daily triage."));
    assertEquals(Reason.STORE_FAILURE, e.getReason());
    assertEquals(AuditOutcome.FAILED, lastAudit().getOutcome());
    boolean committed = failure == Failure.AFTER_COMMIT;
    assertEquals(before + (committed ? 1 : 0), world.memoryStore.readAll(0, 1000).size());
    assertEquals(committed ? 1 : 0, pcop.rfi(RfiId.of("q-1")).get().getResponses().size());
    assertTrue(world.sink.getDelivered().isEmpty());

    CommandResult retry = pcop.answerRfi(ctx, RfiId.of("q-1"), ResponseId.of("a-1"),
        "Daily triage.");
    assertEquals(committed, retry.retry());
    assertEquals(before + 1, world.memoryStore.readAll(0, 1000).size());
    assertEquals(1, pcop.rfi(RfiId.of("q-1")).get().getResponses().size());
    assertEquals(List.of("n-answer-1.0"), world.sink.getDelivered().stream()
        .map(n -> n.getId()).collect(Collectors.toList()));
    pcop.answerRfi(ctx, RfiId.of("q-1"), ResponseId.of("a-1"), "Daily triage.");
    assertEquals(1, world.sink.getDelivered().size());
  }

  @Test
  void aFailingAuditSinkFailsTheCommandClosed() {
    world.populate(pcop);
    long before = world.memoryStore.readAll(0, 1000).size();
    world.audit.failNext(1);
    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> pcop.postRfi(world.as(PAT), rfi("q-1")));
    assertEquals(Reason.STORE_FAILURE, e.getReason());
    assertEquals(before, world.memoryStore.readAll(0, 1000).size());
    assertTrue(pcop.openRfis().isEmpty());
  }

  @Test
  void allowedAndDeniedCommandsAreAudited() {
    pcop.registerSite(CommandContext.of(ADMIN, "s-1"), site(KC));
    assertThrows(CommandRefusedException.class,
        () -> pcop.registerSite(CommandContext.of(STRANGER, "s-2"), site(STL)));
    assertEquals(List.of("s-1 site.register COMMITTED [s-1.0]", "s-2 site.register DENIED []"),
        world.audit.getRecords().stream().map(r -> r.getRequestId() + " " + r.getCommand()
            + " " + r.getOutcome() + " " + r.getEvents()).collect(Collectors.toList()));
  }

  @Test
  void aRefusedNotificationWaitsInTheOutboxUntilAFlush() {
    world.populate(pcop);
    pcop.postRfi(world.as(PAT), rfi("q-1"));
    world.sink.failNext(3);
    pcop.answerRfi(world.as(LEAD), RfiId.of("q-1"), ResponseId.of("a-1"), "Daily triage.");
    assertTrue(world.sink.getDelivered().isEmpty());
    assertEquals(0, pcop.flushNotifications());
    assertEquals(1, world.sink.getDelivered().size());
    assertFalse(world.sink.getDelivered().get(0).getText().isBlank());
  }

  private org.pcop.spi.AuditRecord lastAudit() {
    List<org.pcop.spi.AuditRecord> records = world.audit.getRecords();
    return records.get(records.size() - 1);
  }
}
