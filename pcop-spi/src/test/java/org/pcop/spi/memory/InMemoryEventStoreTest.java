package org.pcop.spi.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pcop.model.event.EventId;
import org.pcop.spi.AppendResult;
import org.pcop.spi.EventData;
import org.pcop.spi.EventIdConflictException;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StoreFailureException;
import org.pcop.spi.StreamId;
import org.pcop.spi.VersionConflictException;

/**
 * The in-memory store's own behaviour; the conformance kit in pcop-tck checks its guarantees
 * once more, the way it checks every vendor's store.
 */
class InMemoryEventStoreTest {
  private static final StreamId A = StreamId.of("a");
  private static final StreamId B = StreamId.of("b");
  private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

  private final InMemoryEventStore store =
      InMemoryEventStore.create(Clock.fixed(NOW, ZoneOffset.UTC));

  private static List<EventData> events(String... ids) {
    return java.util.Arrays.stream(ids)
        .map(id -> EventData.json(EventId.of(id), "t", "{\"id\":\"" + id + "\"}"))
        .collect(Collectors.toList());
  }

  private List<String> all() {
    return store.readAll(0, 100).stream().map(r -> r.getEvent().getEventId().value())
        .collect(Collectors.toList());
  }

  @Test
  void appendsAndNumbersEventsPerStreamAndGlobally() {
    AppendResult first = store.append(A, ExpectedVersion.noStream(), events("a1", "a2"));
    AppendResult second = store.append(B, ExpectedVersion.any(), events("b1"));
    AppendResult third = store.append(A, ExpectedVersion.exactly(2), events("a3"));
    assertEquals(List.of(1L, 2L, 1L, 2L), List.of(first.getFirstVersion(), first.getLastVersion(),
        first.getFirstPosition(), first.getLastPosition()));
    assertEquals(3, second.getFirstPosition());
    assertEquals(3, third.getLastVersion());
    assertEquals(4, third.getLastPosition());
    assertEquals(List.of("a1", "a2", "b1", "a3"), all());
    RecordedEvent a3 = store.readStream(A, 2, 10).get(0);
    assertEquals(List.of(3L, 4L, NOW), List.of(a3.getVersion(), a3.getPosition(),
        a3.getRecordedAt()));
    assertEquals(NOW, third.getRecordedAt());
    assertEquals(List.of("a2"), store.readStream(A, 1, 1).stream()
        .map(r -> r.getEvent().getEventId().value()).collect(Collectors.toList()));
    assertEquals(List.of(), store.readStream(StreamId.of("none"), 0, 10));
    assertEquals(List.of(), store.readAll(4, 10));
  }

  @Test
  void refusesAWrongExpectedVersionWritingNothing() {
    store.append(A, ExpectedVersion.noStream(), events("a1"));
    VersionConflictException e = assertThrows(VersionConflictException.class,
        () -> store.append(A, ExpectedVersion.noStream(), events("a2")));
    assertEquals(1, e.getActual());
    assertEquals(ExpectedVersion.noStream(), e.getExpected());
    assertThrows(VersionConflictException.class,
        () -> store.append(B, ExpectedVersion.exactly(1), events("b1")));
    assertEquals(List.of("a1"), all());
  }

  @Test
  void acknowledgesARetryWithTheOriginalPositions() {
    store.append(B, ExpectedVersion.noStream(), events("b1"));
    AppendResult original = store.append(A, ExpectedVersion.noStream(), events("a1", "a2"));
    store.append(B, ExpectedVersion.exactly(1), events("b2"));
    AppendResult retry = store.append(A, ExpectedVersion.noStream(), events("a1", "a2"));
    assertTrue(retry.isRetry());
    assertFalse(original.isRetry());
    assertEquals(AppendResult.builder().from(original).retry(true).build(), retry);
    assertEquals(List.of("b1", "a1", "a2", "b2"), all());
  }

  @Test
  void refusesAPartlyOverlappingBatchWhole() {
    store.append(A, ExpectedVersion.noStream(), events("a1", "a2"));
    EventIdConflictException e = assertThrows(EventIdConflictException.class,
        () -> store.append(A, ExpectedVersion.any(), events("a2", "a3")));
    assertEquals(List.of(EventId.of("a2")), e.getAlreadyStored());
    assertThrows(EventIdConflictException.class,
        () -> store.append(B, ExpectedVersion.any(), events("a1", "a2")));
    assertThrows(EventIdConflictException.class,
        () -> store.append(A, ExpectedVersion.any(), events("a2", "a1")));
    assertEquals(List.of("a1", "a2"), all());
  }

  @Test
  void refusesBadArgumentsNamingThem() {
    assertEquals("append: events must hold at least one event (stream a)",
        assertThrows(IllegalArgumentException.class,
            () -> store.append(A, ExpectedVersion.any(), List.of())).getMessage());
    assertEquals("append: events[1] repeats event id x within one batch (stream a)",
        assertThrows(IllegalArgumentException.class,
            () -> store.append(A, ExpectedVersion.any(), events("x", "x"))).getMessage());
    assertEquals("readAll: afterPosition must be 0 or more; got -1",
        assertThrows(IllegalArgumentException.class, () -> store.readAll(-1, 1)).getMessage());
    assertEquals("readStream: maxCount must be 1 or more; got 0",
        assertThrows(IllegalArgumentException.class, () -> store.readStream(A, 0, 0))
            .getMessage());
    assertEquals(List.of(), all());
  }

  @Test
  void aFailureBeforeOrHalfWayWritesNothingAndTheRetrySucceedsOnce() {
    for (InMemoryEventStore.Failure failure : List.of(InMemoryEventStore.Failure.BEFORE_WRITE,
        InMemoryEventStore.Failure.HALF_WAY)) {
      store.failNextAppend(failure);
      assertThrows(StoreFailureException.class,
          () -> store.append(A, ExpectedVersion.any(), events("f1", "f2", "f3", "f4")));
      assertEquals(List.of(), all(), failure.name());
    }
    AppendResult retry = store.append(A, ExpectedVersion.any(), events("f1", "f2", "f3", "f4"));
    assertFalse(retry.isRetry());
    assertEquals(List.of("f1", "f2", "f3", "f4"), all());
  }

  @Test
  void aFailureAfterCommitKeepsTheBatchAndTheRetryIsAcknowledged() {
    store.failNextAppend(InMemoryEventStore.Failure.AFTER_COMMIT);
    assertThrows(StoreFailureException.class,
        () -> store.append(A, ExpectedVersion.noStream(), events("c1", "c2")));
    AppendResult retry = store.append(A, ExpectedVersion.noStream(), events("c1", "c2"));
    assertTrue(retry.isRetry());
    assertEquals(List.of(1L, 2L), List.of(retry.getFirstPosition(), retry.getLastPosition()));
    assertEquals(List.of("c1", "c2"), all());
  }

  @Test
  void exactlyOneOfConcurrentWritersWithTheSameExpectationWins() throws Exception {
    int writers = 4;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(writers);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Boolean>> outcomes = IntStream.range(0, writers)
          .mapToObj(i -> pool.submit(() -> {
            start.await();
            try {
              store.append(A, ExpectedVersion.noStream(), events("w" + i + "a", "w" + i + "b"));
              return true;
            } catch (VersionConflictException e) {
              return false;
            }
          })).collect(Collectors.toList());
      start.countDown();
      int wins = 0;
      for (java.util.concurrent.Future<Boolean> outcome : outcomes) {
        wins += outcome.get() ? 1 : 0;
      }
      assertEquals(1, wins);
      assertEquals(2, all().size());
    } finally {
      pool.shutdownNow();
    }
  }
}
