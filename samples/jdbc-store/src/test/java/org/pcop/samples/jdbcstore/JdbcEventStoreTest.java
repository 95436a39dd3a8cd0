package org.pcop.samples.jdbcstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * What the JDBC store does on a real database beyond the conformance kit: the tables and their
 * constraints, schema creation, failures injected into the connection, and several store
 * instances sharing one database. Runs once per database.
 */
abstract class JdbcEventStoreTest {
  private static final StreamId MEMBER = StreamId.of("member-m-17");
  private static final StreamId EXCHANGE = StreamId.of("exchange-x-1");

  private DataSource database;
  private FaultyDataSource faulty;
  private JdbcEventStore store;

  /** A new, empty database. */
  abstract DataSource newDatabase();

  /** Closes the database so that the next connection reopens it from disk, where that applies. */
  abstract void shutDown(DataSource database);

  /** Frees a database after a test. */
  abstract void release(DataSource database);

  /** The product name the store's description must carry. */
  abstract String productName();

  /** A query counting the sessions of this database that wait for a lock held by another. */
  abstract String waitingForALockQuery();

  @BeforeEach
  void openStore() {
    database = newDatabase();
    faulty = new FaultyDataSource(database);
    store = JdbcEventStore.open(faulty.dataSource());
  }

  @AfterEach
  void releaseDatabase() {
    release(database);
  }

  private static EventData event(String id) {
    return EventData.json(EventId.of(id), "pcop.Test/1", "{\"id\":\"" + id + "\"}");
  }

  private static List<EventData> events(String... ids) {
    return List.of(ids).stream().map(JdbcEventStoreTest::event).collect(Collectors.toList());
  }

  private List<String> allIds() {
    return store.readAll(0, 10_000).stream().map(e -> e.getEvent().getEventId().value())
        .collect(Collectors.toList());
  }

  private List<Long> allPositions() {
    return store.readAll(0, 10_000).stream().map(RecordedEvent::getPosition)
        .collect(Collectors.toList());
  }

  @Test
  void keepsPayloadsTypesAndMetadataExactly() {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    byte[] largest = new byte[EventData.MAX_PAYLOAD_BYTES];
    for (int i = 0; i < largest.length; i++) {
      largest[i] = (byte) (i * 31 + 7);
    }
    EventData json = EventData.builder().from(EventData.json(EventId.of("e-1"),
            "pcop.MemberEnrolled/1", "{\"name\":\"Zoë Okafor – 東京 😀\",\"n\": 1.50}"))
        .putMetadata("requestId", "r-1").putMetadata("note", "\"quoted\"\n\ttabbed 😀").build();
    EventData binary = EventData.binary(EventId.of("e-2"), "pcop.Blob/2", everyByte);
    EventData large = EventData.binary(EventId.of("e-3"), "pcop.Blob/2", largest);

    store.append(MEMBER, ExpectedVersion.noStream(), List.of(json, binary, large));

    List<RecordedEvent> read = store.readStream(MEMBER, 0, 10);
    assertEquals(3, read.size());
    for (int i = 0; i < 3; i++) {
      EventData expected = List.of(json, binary, large).get(i);
      EventData actual = read.get(i).getEvent();
      assertEquals(expected.getEventId(), actual.getEventId());
      assertEquals(expected.getType(), actual.getType());
      assertEquals(expected.getFormat(), actual.getFormat());
      assertArrayEquals(expected.getPayload(), actual.getPayload(), "payload of " + i);
      assertEquals(List.copyOf(expected.getMetadata().entrySet()),
          List.copyOf(actual.getMetadata().entrySet()), "metadata of " + i);
    }
    assertEquals("{\"name\":\"Zoë Okafor – 東京 😀\",\"n\": 1.50}",
        new String(read.get(0).getEvent().getPayload(), StandardCharsets.UTF_8));
  }

  @Test
  void recordsTheTimeFromItsClockToTheMicrosecond() {
    Instant now = Instant.parse("2026-03-01T09:30:15.123456789Z");
    JdbcEventStore clocked = JdbcEventStore.open(database, Clock.fixed(now, ZoneOffset.UTC));

    clocked.append(MEMBER, ExpectedVersion.noStream(), events("e-1"));

    assertEquals(Instant.parse("2026-03-01T09:30:15.123456Z"),
        store.readAll(0, 1).get(0).getRecordedAt());
  }

  private static List<Long> places(AppendResult result) {
    return List.of(result.getFirstVersion(), result.getLastVersion(), result.getFirstPosition(),
        result.getLastPosition());
  }

  @Test
  void numbersVersionsPerStreamAndPositionsAcrossStreams() {
    AppendResult first = store.append(MEMBER, ExpectedVersion.noStream(), events("a", "b"));
    AppendResult second = store.append(EXCHANGE, ExpectedVersion.any(), events("c"));
    AppendResult third = store.append(MEMBER, ExpectedVersion.exactly(2), events("d", "e"));

    assertEquals(List.of(List.of(1L, 2L, 1L, 2L), List.of(1L, 1L, 3L, 3L),
        List.of(3L, 4L, 4L, 5L)), List.of(places(first), places(second), places(third)));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), allPositions());
    assertEquals(List.of("a", "b", "d", "e"), store.readStream(MEMBER, 0, 10).stream()
        .map(e -> e.getEvent().getEventId().value()).collect(Collectors.toList()));
    assertEquals(List.of("d"), store.readStream(MEMBER, 2, 1).stream()
        .map(e -> e.getEvent().getEventId().value()).collect(Collectors.toList()));
    assertEquals(List.of("c", "d"), store.readAll(2, 2).stream()
        .map(e -> e.getEvent().getEventId().value()).collect(Collectors.toList()));
    assertEquals(List.of(), store.readAll(5, 10));
    assertEquals(List.of(), store.readStream(StreamId.of("nobody"), 0, 10));
  }

  @Test
  void refusesAWrongExpectationWithBothVersionsAndWritesNothing() {
    store.append(MEMBER, ExpectedVersion.noStream(), events("a", "b"));

    VersionConflictException noStream = assertThrows(VersionConflictException.class,
        () -> store.append(MEMBER, ExpectedVersion.noStream(), events("c")));
    VersionConflictException exact = assertThrows(VersionConflictException.class,
        () -> store.append(MEMBER, ExpectedVersion.exactly(1), events("c")));
    VersionConflictException missing = assertThrows(VersionConflictException.class,
        () -> store.append(EXCHANGE, ExpectedVersion.exactly(1), events("c")));

    assertEquals(List.of(ExpectedVersion.noStream(), ExpectedVersion.exactly(1),
        ExpectedVersion.exactly(1)), List.of(noStream.getExpected(), exact.getExpected(),
        missing.getExpected()));
    assertEquals(List.of(2L, 2L, 0L),
        List.of(noStream.getActual(), exact.getActual(), missing.getActual()));
    assertEquals(List.of("a", "b"), allIds());
    assertEquals(3L, store.append(EXCHANGE, ExpectedVersion.any(), events("c")).getFirstPosition(),
        "a refused append takes no position");
  }

  @Test
  void acknowledgesARetryWithTheOriginalPlacesAndWritesNothing() {
    store.append(EXCHANGE, ExpectedVersion.noStream(), events("x"));
    AppendResult original = store.append(MEMBER, ExpectedVersion.noStream(), events("a", "b"));
    store.append(MEMBER, ExpectedVersion.exactly(2), events("c"));

    AppendResult retry = store.append(MEMBER, ExpectedVersion.noStream(), events("a", "b"));

    assertTrue(retry.isRetry());
    assertFalse(original.isRetry());
    assertEquals(List.of(1L, 2L, 2L, 3L), List.of(retry.getFirstVersion(),
        retry.getLastVersion(), retry.getFirstPosition(), retry.getLastPosition()));
    assertEquals(List.of("x", "a", "b", "c"), allIds());
    assertEquals(5L, store.append(MEMBER, ExpectedVersion.any(), events("d")).getFirstPosition(),
        "a retry takes no position");
  }

  @Test
  void acknowledgesARetryWhoseExpectedVersionIsStillMetWithTheOriginalPlaces() {
    store.append(EXCHANGE, ExpectedVersion.noStream(), events("x"));
    AppendResult original = store.append(MEMBER, ExpectedVersion.any(), events("a", "b", "c"));

    // The expectation is met, so the insert runs and the event id constraint refuses it.
    AppendResult retry = store.append(MEMBER, ExpectedVersion.any(), events("a", "b", "c"));

    assertTrue(retry.isRetry());
    assertEquals(places(original), places(retry));
    assertEquals(List.of(1L, 3L, 2L, 4L), places(retry));
    assertEquals(List.of("x", "a", "b", "c"), allIds());
    assertEquals(5L, store.append(EXCHANGE, ExpectedVersion.exactly(1), events("y"))
        .getFirstPosition(), "a retry takes no position");
  }

  @Test
  void acknowledgesARetryOfALargeBatchWithTheOriginalPlaces() {
    String[] ids = IntStream.range(0, 1_500).mapToObj(i -> "big-" + i).toArray(String[]::new);
    store.append(EXCHANGE, ExpectedVersion.noStream(), events("x"));
    AppendResult original = store.append(MEMBER, ExpectedVersion.noStream(), events(ids));

    AppendResult again = store.append(MEMBER, ExpectedVersion.noStream(), events(ids));
    AppendResult anyVersion = store.append(MEMBER, ExpectedVersion.any(), events(ids));

    assertEquals(List.of(1L, 1_500L, 2L, 1_501L), places(original));
    assertEquals(List.of(places(original), places(original)),
        List.of(places(again), places(anyVersion)));
    assertTrue(again.isRetry() && anyVersion.isRetry());
    assertEquals(1_501, allIds().size());
  }

  @Test
  void refusesAPartlyOverlappingBatchWholeWhateverItsExpectedVersion() {
    store.append(MEMBER, ExpectedVersion.noStream(), events("a", "b"));

    EventIdConflictException wrongVersion = assertThrows(EventIdConflictException.class,
        () -> store.append(MEMBER, ExpectedVersion.noStream(), events("b", "c")));
    EventIdConflictException rightVersion = assertThrows(EventIdConflictException.class,
        () -> store.append(MEMBER, ExpectedVersion.exactly(2), events("c", "a")));
    EventIdConflictException newStream = assertThrows(EventIdConflictException.class,
        () -> store.append(EXCHANGE, ExpectedVersion.noStream(), events("c", "d", "b")));

    assertEquals(List.of(List.of(EventId.of("b")), List.of(EventId.of("a")),
        List.of(EventId.of("b"))), List.of(wrongVersion.getAlreadyStored(),
        rightVersion.getAlreadyStored(), newStream.getAlreadyStored()));
    assertEquals(List.of("a", "b"), allIds());
    assertEquals(List.of(3L, 3L), List.of(places(
        store.append(MEMBER, ExpectedVersion.exactly(2), events("c"))).get(0),
        store.readAll(0, 10).get(2).getPosition()), "refused batches take no position");
  }

  /**
   * Another writer holds the position row's lock with events of the same stream inserted but not
   * committed; the store's append waits for the lock, reading the stream's version from a
   * snapshot taken before that writer commits. The outcome must be as if it had read after.
   */
  private <T> T appendWhileAnotherWriterCommits(Callable<T> append) throws Exception {
    store.append(EXCHANGE, ExpectedVersion.noStream(), events("x"));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection other = database.getConnection()) {
      other.setAutoCommit(false);
      other.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      TestDatabases.execute(other, "UPDATE pcop_event_position SET last_position"
          + " = last_position + 2 WHERE id = 1");
      try (PreparedStatement insert = other.prepareStatement("INSERT INTO pcop_events"
          + " (global_position, stream_id, stream_version, event_id, event_type, payload_format,"
          + " payload, metadata, recorded_at)"
          + " VALUES (?, 'member-m-17', ?, ?, 't', 'JSON', ?, '{}', CURRENT_TIMESTAMP)")) {
        for (int version = 1; version <= 2; version++) {
          insert.setLong(1, version + 1);
          insert.setLong(2, version);
          insert.setString(3, "o-" + version);
          insert.setBytes(4, new byte[] {'{', '}'});
          insert.executeUpdate();
        }
      }
      Future<T> waiting = pool.submit(append);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (TestDatabases.number(database, waitingForALockQuery()) == 0) {
        assertFalse(waiting.isDone(), "the append did not wait for the lock");
        assertTrue(System.nanoTime() < deadline, "the append never waited for the lock");
        Thread.sleep(5);
      }
      other.commit();
      return waiting.get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof Exception) {
        throw (Exception) e.getCause();
      }
      throw e;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void placesABatchAfterEventsCommittedWhileItWaitedForTheLock() throws Exception {
    AppendResult result = appendWhileAnotherWriterCommits(
        () -> store.append(MEMBER, ExpectedVersion.any(), events("a", "b")));

    assertEquals(List.of(3L, 4L, 4L, 5L), places(result));
    assertEquals(1, faulty.streamVersionReads(), "the version read with the lock was out of"
        + " date, the insert refused, and the second attempt read it again under the lock");
    assertEquals(List.of(1L, 2L, 3L, 4L), store.readStream(MEMBER, 0, 10).stream()
        .map(RecordedEvent::getVersion).collect(Collectors.toList()));
    assertEquals(List.of("x", "o-1", "o-2", "a", "b"), allIds());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), allPositions());
  }

  @Test
  void refusesAnExpectationThatEventsCommittedWhileItWaitedBroke() throws Exception {
    VersionConflictException noStream = assertThrows(VersionConflictException.class,
        () -> appendWhileAnotherWriterCommits(
            () -> store.append(MEMBER, ExpectedVersion.noStream(), events("a"))));

    assertEquals(List.of(ExpectedVersion.noStream(), 2L),
        List.of(noStream.getExpected(), noStream.getActual()));
    assertEquals(List.of("x", "o-1", "o-2"), allIds());
    assertEquals(4L, store.append(MEMBER, ExpectedVersion.exactly(2), events("a"))
        .getFirstPosition(), "a refused append takes no position");
  }

  /**
   * Appends, a retry, a version conflict and an event id conflict through connections handed out
   * with the given settings; the store must behave as usual and put the settings back.
   */
  private void appendsThroughConnectionsPresetTo(int isolation, boolean autoCommit) {
    PresetConnections preset = new PresetConnections(database, isolation, autoCommit);
    JdbcEventStore onPreset = JdbcEventStore.open(preset.dataSource());

    AppendResult first = onPreset.append(MEMBER, ExpectedVersion.noStream(), events("a", "b"));
    AppendResult retry = onPreset.append(MEMBER, ExpectedVersion.any(), events("a", "b"));
    assertThrows(VersionConflictException.class,
        () -> onPreset.append(MEMBER, ExpectedVersion.noStream(), events("c")));
    assertThrows(EventIdConflictException.class,
        () -> onPreset.append(EXCHANGE, ExpectedVersion.any(), events("b", "c")));
    AppendResult second = onPreset.append(MEMBER, ExpectedVersion.exactly(2), events("c"));

    assertEquals(List.of(places(first), places(first), List.of(3L, 3L, 3L, 3L)),
        List.of(places(first), places(retry), places(second)));
    assertTrue(retry.isRetry());
    assertEquals(List.of("a", "b", "c"), allIds());
    List<String> closedWith = preset.closedWith();
    assertFalse(closedWith.isEmpty());
    assertEquals(List.of(preset.preset()), closedWith.stream().distinct()
        .collect(Collectors.toList()), "settings of the connections the store closed");
  }

  @Test
  void worksOnConnectionsWithAutoCommitOffAndLeavesThemSo() {
    appendsThroughConnectionsPresetTo(Connection.TRANSACTION_READ_COMMITTED, false);
  }

  @Test
  void worksOnSerializableConnectionsAndLeavesThemSerializable() {
    appendsThroughConnectionsPresetTo(Connection.TRANSACTION_SERIALIZABLE, true);
  }

  @Test
  void worksOnReadUncommittedConnectionsAndLeavesThemSo() {
    appendsThroughConnectionsPresetTo(Connection.TRANSACTION_READ_UNCOMMITTED, false);
  }

  @Test
  void letsExactlyOneOfManyConcurrentWritersWinOnSerializableConnections() throws Exception {
    JdbcEventStore serializable = JdbcEventStore.open(new PresetConnections(database,
        Connection.TRANSACTION_SERIALIZABLE, true).dataSource());
    exactlyOneOfManyConcurrentWritersWins(List.of(serializable, store));
  }

  @Test
  void refusesABatchThatOnlyPartlyOverlapsStoredEvents() {
    store.append(MEMBER, ExpectedVersion.noStream(), events("a", "b"));

    EventIdConflictException partly = assertThrows(EventIdConflictException.class,
        () -> store.append(MEMBER, ExpectedVersion.any(), events("b", "c")));
    EventIdConflictException elsewhere = assertThrows(EventIdConflictException.class,
        () -> store.append(EXCHANGE, ExpectedVersion.any(), events("a", "b")));
    EventIdConflictException reordered = assertThrows(EventIdConflictException.class,
        () -> store.append(MEMBER, ExpectedVersion.any(), events("b", "a")));

    assertEquals(List.of(EventId.of("b")), partly.getAlreadyStored());
    assertEquals(List.of(EventId.of("a"), EventId.of("b")), elsewhere.getAlreadyStored());
    assertEquals(List.of(EventId.of("b"), EventId.of("a")), reordered.getAlreadyStored());
    assertEquals(List.of("a", "b"), allIds());
  }

  @Test
  void rollsBackABatchThatFailsHalfWayAndGivesItsPositionsBack() {
    store.append(EXCHANGE, ExpectedVersion.noStream(), events("x"));
    faulty.failNext(FaultyDataSource.Fault.HALF_WAY);

    StoreFailureException failure = assertThrows(StoreFailureException.class,
        () -> store.append(MEMBER, ExpectedVersion.noStream(), events("a", "b", "c")));

    assertFalse(faulty.armed(), "the fault struck");
    // One row of the batch's inserts, or all three where one statement inserts the batch.
    assertTrue(faulty.rowsWrittenBeforeFault() >= 1, "rows were written before the fault");
    assertTrue(failure.getMessage().contains("half way"), failure.getMessage());
    assertEquals(List.of("x"), allIds());
    AppendResult again = store.append(MEMBER, ExpectedVersion.noStream(), events("a", "b", "c"));
    assertFalse(again.isRetry());
    assertEquals(List.of(1L, 2L, 3L, 4L), allPositions());
  }

  @Test
  void reportsALostCommitAsAFailureAndStoresTheBatchOnceOnRetry() {
    faulty.failNext(FaultyDataSource.Fault.COMMIT_LOST);

    assertThrows(StoreFailureException.class,
        () -> store.append(MEMBER, ExpectedVersion.noStream(), events("a", "b")));

    assertEquals(List.of(), allIds());
    AppendResult retry = store.append(MEMBER, ExpectedVersion.noStream(), events("a", "b"));
    assertFalse(retry.isRetry());
    assertEquals(List.of("a", "b"), allIds());
  }

  @Test
  void acknowledgesTheRetryOfABatchWhoseCommitWasNotHeardOf() {
    faulty.failNext(FaultyDataSource.Fault.AFTER_COMMIT);

    StoreFailureException failure = assertThrows(StoreFailureException.class,
        () -> store.append(MEMBER, ExpectedVersion.noStream(), events("a", "b")));

    assertTrue(failure.getMessage().contains("retry it with the same event ids"),
        failure.getMessage());
    AppendResult retry = store.append(MEMBER, ExpectedVersion.noStream(), events("a", "b"));
    assertTrue(retry.isRetry());
    assertEquals(List.of(1L, 2L), List.of(retry.getFirstPosition(), retry.getLastPosition()));
    assertEquals(List.of("a", "b"), allIds());
  }

  @Test
  void triesAgainByItselfAfterADeadlock() {
    faulty.failNext(FaultyDataSource.Fault.DEADLOCK_ONCE);

    AppendResult result = store.append(MEMBER, ExpectedVersion.noStream(), events("a"));

    assertFalse(faulty.armed(), "the fault struck");
    assertFalse(result.isRetry());
    assertEquals(List.of("a"), allIds());
  }

  @Test
  void letsTheDatabaseRefuseADuplicateEventIdOrStreamVersion() throws SQLException {
    store.append(MEMBER, ExpectedVersion.noStream(), events("a"));
    String insert = "INSERT INTO pcop_events (global_position, stream_id, stream_version,"
        + " event_id, event_type, payload_format, payload, metadata, recorded_at)"
        + " VALUES (?, ?, ?, ?, 't', 'JSON', ?, '{}', CURRENT_TIMESTAMP)";
    try (Connection connection = database.getConnection();
        PreparedStatement statement = connection.prepareStatement(insert)) {
      Object[][] duplicates = {
          {2L, "member-m-17", 2L, "a"}, // the event id again
          {2L, "member-m-17", 1L, "b"}, // the stream version again
          {1L, "exchange-x-1", 1L, "c"}, // the global position again
      };
      for (Object[] row : duplicates) {
        for (int i = 0; i < row.length; i++) {
          statement.setObject(i + 1, row[i]);
        }
        statement.setBytes(5, new byte[] {'{', '}'});
        SQLException refused = assertThrows(SQLException.class, statement::executeUpdate);
        assertEquals(Dialect.UNIQUE_VIOLATION, refused.getSQLState(), refused.getMessage());
      }
    }
    assertEquals(List.of("a"), allIds());
  }

  @Test
  void letsExactlyOneOfManyConcurrentWritersWinAcrossStoreInstances() throws Exception {
    exactlyOneOfManyConcurrentWritersWins(List.of(store, JdbcEventStore.open(database)));
  }

  private void exactlyOneOfManyConcurrentWritersWins(List<JdbcEventStore> stores)
      throws Exception {
    store.append(MEMBER, ExpectedVersion.noStream(), events("seed"));
    int writers = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<AppendResult>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        JdbcEventStore writer = stores.get(i % 2);
        List<EventData> batch = events("w" + i + "-1", "w" + i + "-2");
        Callable<AppendResult> append = () -> {
          start.await();
          return writer.append(MEMBER, ExpectedVersion.exactly(1), batch);
        };
        results.add(pool.submit(append));
      }
      start.countDown();
      int won = 0;
      int conflicted = 0;
      for (Future<AppendResult> result : results) {
        try {
          result.get(60, TimeUnit.SECONDS);
          won++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertTrue(e.getCause() instanceof VersionConflictException, e.getCause().toString());
          assertEquals(3L, ((VersionConflictException) e.getCause()).getActual());
          conflicted++;
        }
      }
      assertEquals(List.of(1, writers - 1), List.of(won, conflicted));
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(1L, 2L, 3L), allPositions());
  }

  @Test
  void keepsTheGlobalOrderGapFreeUnderConcurrentWritersAndReaders() throws Exception {
    int writers = 4;
    int appendsEach = 15;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        StreamId stream = StreamId.of("stream-" + w);
        int writer = w;
        done.add(pool.submit(() -> {
          for (int i = 0; i < appendsEach; i++) {
            store.append(stream, ExpectedVersion.any(),
                events("s" + writer + "-" + i + "-a", "s" + writer + "-" + i + "-b"));
          }
          return null;
        }));
      }
      Future<List<String>> reader = pool.submit(() -> {
        List<String> problems = new ArrayList<>();
        long seen = 0;
        while (seen < writers * appendsEach * 2L) {
          for (RecordedEvent event : store.readAll(seen, 50)) {
            if (event.getPosition() != seen + 1) {
              problems.add("after " + seen + " came " + event.getPosition());
            }
            seen = event.getPosition();
          }
        }
        return problems;
      });
      for (Future<?> writer : done) {
        writer.get(120, TimeUnit.SECONDS);
      }
      assertEquals(List.of(), reader.get(120, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
    int total = writers * appendsEach * 2;
    assertEquals(IntStream.rangeClosed(1, total).asLongStream().boxed()
        .collect(Collectors.toList()), allPositions());
    for (int w = 0; w < writers; w++) {
      assertEquals(IntStream.rangeClosed(1, appendsEach * 2).asLongStream().boxed()
              .collect(Collectors.toList()),
          store.readStream(StreamId.of("stream-" + w), 0, 1000).stream()
              .map(RecordedEvent::getVersion).collect(Collectors.toList()));
    }
  }

  @Test
  void keepsEverythingWhenTheDatabaseIsClosedAndReopened() {
    store.append(MEMBER, ExpectedVersion.noStream(), events("a", "b"));
    List<RecordedEvent> before = store.readAll(0, 10);

    shutDown(database);
    JdbcEventStore reopened = JdbcEventStore.open(database);

    assertEquals(before, reopened.readAll(0, 10));
    assertEquals(3L, reopened.append(MEMBER, ExpectedVersion.exactly(2), events("c"))
        .getFirstPosition());
  }

  @Test
  void createsItsSchemaOnceAndRefusesANewerOne() {
    JdbcEventStore.open(database);
    JdbcEventStore.open(database);
    try (Connection connection = database.getConnection();
        var rows = connection.createStatement()
            .executeQuery("SELECT COUNT(*), MAX(version) FROM pcop_schema_version")) {
      rows.next();
      assertEquals(List.of(1, 1), List.of(rows.getInt(1), rows.getInt(2)));
    } catch (SQLException e) {
      throw new AssertionError(e);
    }

    TestDatabases.execute(database, "INSERT INTO pcop_schema_version (version, description,"
        + " applied_at) VALUES (2, 'from the future', CURRENT_TIMESTAMP)");

    IllegalStateException newer = assertThrows(IllegalStateException.class,
        () -> JdbcEventStore.open(database));
    assertEquals("JdbcEventStore: the database's pcop schema is at version 2, newer than this"
        + " store knows (1); use a newer pcop-sample-jdbc-store", newer.getMessage());
  }

  @Test
  void refusesBadArgumentsNamingThemAndChangesNothing() {
    List<EventData> repeated = events("a", "a");
    List<EventData> withNull = new ArrayList<>(events("a"));
    withNull.add(null);
    List<IllegalArgumentException> errors = List.of(
        assertThrows(IllegalArgumentException.class,
            () -> store.append(null, ExpectedVersion.any(), events("a"))),
        assertThrows(IllegalArgumentException.class,
            () -> store.append(MEMBER, null, events("a"))),
        assertThrows(IllegalArgumentException.class,
            () -> store.append(MEMBER, ExpectedVersion.any(), List.of())),
        assertThrows(IllegalArgumentException.class,
            () -> store.append(MEMBER, ExpectedVersion.any(), repeated)),
        assertThrows(IllegalArgumentException.class,
            () -> store.append(MEMBER, ExpectedVersion.any(), withNull)),
        assertThrows(IllegalArgumentException.class, () -> store.readStream(MEMBER, -1, 1)),
        assertThrows(IllegalArgumentException.class, () -> store.readStream(MEMBER, 0, 0)),
        assertThrows(IllegalArgumentException.class, () -> store.readAll(-1, 1)),
        assertThrows(IllegalArgumentException.class, () -> store.readAll(0, 0)),
        assertThrows(IllegalArgumentException.class, () -> JdbcEventStore.open(null)));
    assertEquals(List.of(
        "append: stream must not be null",
        "append: expected version must not be null (stream member-m-17)",
        "append: events must hold at least one event (stream member-m-17)",
        "append: events[1] repeats event id a within one batch (stream member-m-17)",
        "append: events[1] must not be null (stream member-m-17)",
        "readStream: afterVersion must be 0 or more; got -1",
        "readStream: maxCount must be 1 or more; got 0",
        "readAll: afterPosition must be 0 or more; got -1",
        "readAll: maxCount must be 1 or more; got 0",
        "JdbcEventStore.open: dataSource must not be null"),
        errors.stream().map(Throwable::getMessage).collect(Collectors.toList()));
    assertEquals(List.of(), allIds());
  }

  @Test
  void namesItsDatabase() {
    assertTrue(store.toString().startsWith("JdbcEventStore[" + productName() + " "),
        store.toString());
  }
}
