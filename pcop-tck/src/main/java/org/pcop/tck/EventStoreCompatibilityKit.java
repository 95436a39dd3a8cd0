package org.pcop.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.pcop.tck.StorePayloads.batch;
import static org.pcop.tck.StorePayloads.difference;
import static org.pcop.tck.StorePayloads.eventIds;
import static org.pcop.tck.StorePayloads.ids;
import static org.pcop.tck.StorePayloads.json;
import static org.pcop.tck.StorePayloads.largestJson;
import static org.pcop.tck.StorePayloads.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.pcop.model.event.EventId;
import org.pcop.spi.AppendResult;
import org.pcop.spi.EventData;
import org.pcop.spi.EventIdConflictException;
import org.pcop.spi.EventStore;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.PayloadFormat;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StreamId;
import org.pcop.spi.VersionConflictException;

/**
 * The compatibility kit for an {@link EventStore}: every guarantee of the interface, as rules
 * R101 to R161. A vendor extends it once, creates a fresh store and provides the two hooks that
 * let the kit check atomic batches and durability:
 *
 * <pre>{@code
 * @DisplayName("AcmeEventStore on Oracle")
 * class AcmeEventStoreCompatibilityTest extends EventStoreCompatibilityKit {
 *   @Override
 *   protected EventStore createStore() {
 *     return AcmeEventStore.on(freshTestDatabase());
 *   }
 *
 *   @Override
 *   protected Optional<HalfWayFailure> failHalfWayThroughNextAppend(EventStore store) {
 *     faults.failSecondInsert();
 *     return Optional.of(faults::rowsInsertedBeforeFailure);
 *   }
 *
 *   @Override
 *   protected Optional<EventStore> reopen(EventStore store) {
 *     ((AcmeEventStore) store).close();
 *     return Optional.of(AcmeEventStore.on(sameTestDatabase()));
 *   }
 * }
 * }</pre>
 *
 * <p>Nothing passes by being skipped: R131 (atomic batch) fails when
 * {@link #failHalfWayThroughNextAppend(EventStore)} is not provided, and R161 (durability) fails
 * when {@link #reopen(EventStore)} is not, each naming the hook, unless the adapter declares in
 * {@link #declaredLimitations()} that it does not offer the guarantee. A declared limitation shows
 * as a skipped rule with the adapter's reason, and in the one-line summary the kit prints for the
 * adapter. The hooks are checked too: a reopened store must be a new instance, and a half-way
 * failure must strike after at least one event of the batch was handed to the storage.
 *
 * <p>Every failure message names the adapter ({@link #displayName()}) and the rule.
 */
@Kit
public abstract class EventStoreCompatibilityKit {
  private static final int READ_ALL = 10_000;
  private static final int WRITERS = 4;
  private static final int HALF_WAY_BATCH = 4;

  private EventStore store;

  /**
   * The guarantees a store may declare it does not offer, each with the hook that lets the kit
   * check it otherwise.
   */
  public enum Guarantee {
    /** R131: a batch that fails half way writes nothing; checked through the half-way hook. */
    ATOMIC_BATCHES("R131 (atomic batch)", "failHalfWayThroughNextAppend(EventStore)"),
    /** R161: committed events survive a restart; checked through the reopen hook. */
    DURABILITY("R161 (durability)", "reopen(EventStore)");

    private final String rule;
    private final String hook;

    Guarantee(String rule, String hook) {
      this.rule = rule;
      this.hook = hook;
    }

    /**
     * The rule that checks this guarantee.
     *
     * @return the rule id and its guarantee, for example {@code R161 (durability)}
     */
    public String rule() {
      return rule;
    }

    /**
     * The hook the kit needs to check this guarantee.
     *
     * @return the hook's signature
     */
    public String hook() {
      return hook;
    }
  }

  /**
   * What an armed half-way failure reports once it struck: how many events of the batch were
   * handed to the storage (rows inserted in the open transaction, records staged) before the
   * append failed. The kit requires at least one and fewer than the whole batch.
   */
  @FunctionalInterface
  public interface HalfWayFailure {
    /**
     * Called by the kit after the append failed.
     *
     * @return the number of the batch's events written inside the store before the failure
     */
    int eventsWrittenBeforeFailure();
  }

  /**
   * Creates a fresh, empty store for one test. Called once before every test.
   *
   * @return the store
   */
  protected abstract EventStore createStore();

  /**
   * Hook for R131: arranges that the next append on {@code store} fails half way through its
   * batch, after at least one but not all of its events were handed to the storage (for example
   * by making the second insert of the transaction throw), as a crash or a lost connection would.
   * Without it R131 fails, unless {@link Guarantee#ATOMIC_BATCHES} is declared unsupported.
   *
   * @param store a store made by {@link #createStore()}
   * @return what reports, after the failure, how many events were written before it; empty (the
   *     default) when the hook is not provided
   */
  protected Optional<HalfWayFailure> failHalfWayThroughNextAppend(EventStore store) {
    return Optional.empty();
  }

  /**
   * Hook for R161: closes {@code store} and opens a new store instance over the same storage, as a
   * restart would. Without it R161 fails, unless {@link Guarantee#DURABILITY} is declared
   * unsupported.
   *
   * @param store a store made by {@link #createStore()}
   * @return the new store over the same storage; empty (the default) when the hook is not
   *     provided
   */
  protected Optional<EventStore> reopen(EventStore store) {
    return Optional.empty();
  }

  /**
   * The guarantees this store does not offer, each with the reason, for example an in-memory
   * store's {@code Map.of(Guarantee.DURABILITY, "keeps events in memory only")}. Their rules are
   * reported as declared unsupported instead of being checked. None by default.
   *
   * @return the declared limitations
   */
  protected Map<Guarantee, String> declaredLimitations() {
    return Map.of();
  }

  /**
   * Releases a store after a test (closes its connections); does nothing by default.
   *
   * @param store the store made for the test
   */
  protected void release(EventStore store) {}

  /**
   * The adapter's name in failure messages: the {@link DisplayName} of the test class, or else
   * the store's class name.
   *
   * @return the name
   */
  protected String displayName() {
    return KitNames.declaredName(getClass()).orElse(
        store == null ? getClass().getName() : store.getClass().getName());
  }

  @BeforeEach
  final void createTheStore() {
    store = createStore();
    assertNotNull(store, () -> Verdicts.broke(displayName(), "createStore()", "returned null"));
  }

  @AfterEach
  final void releaseTheStore() {
    if (store != null) {
      release(store);
    }
  }

  // Helpers shared by the rules (the events they append are made by StorePayloads).

  private AppendResult append(String rule, StreamId stream, ExpectedVersion expected,
      List<EventData> events) {
    return Verdicts.call(displayName(), rule, "append to " + stream + " expecting " + expected,
        () -> store.append(stream, expected, events));
  }

  private List<RecordedEvent> readAll(String rule) {
    return Verdicts.call(displayName(), rule, "readAll(0, " + READ_ALL + ")",
        () -> store.readAll(0, READ_ALL));
  }

  private List<RecordedEvent> readStream(String rule, StreamId stream) {
    return Verdicts.call(displayName(), rule, "readStream(" + stream + ", 0, " + READ_ALL + ")",
        () -> store.readStream(stream, 0, READ_ALL));
  }

  private String broke(String rule, String detail) {
    return Verdicts.broke(displayName(), rule, detail);
  }

  private <T extends Throwable> T assertRefused(String rule, Class<T> type, String what,
      Callable<?> call) {
    try {
      Object result = call.call();
      throw new org.opentest4j.AssertionFailedError(
          broke(rule, what + " must throw " + type.getSimpleName() + " but returned " + result));
    } catch (Throwable e) {
      if (type.isInstance(e)) {
        return type.cast(e);
      }
      if (e instanceof org.opentest4j.AssertionFailedError) {
        throw (org.opentest4j.AssertionFailedError) e;
      }
      throw new org.opentest4j.AssertionFailedError(
          broke(rule, what + " must throw " + type.getSimpleName() + " but threw " + e), e);
    }
  }

  private void assertPositionsGapFree(String rule, List<RecordedEvent> events) {
    for (int i = 0; i < events.size(); i++) {
      long expected = i + 1;
      long actual = events.get(i).getPosition();
      assertEquals(expected, actual, () -> broke(rule, "readAll must list positions 1, 2, 3 ..."
          + " without gaps in commit order; found " + events.stream()
          .map(e -> String.valueOf(e.getPosition())).collect(Collectors.joining(", "))));
    }
  }

  /** Ends the rule as declared unsupported when the adapter declared the guarantee away. */
  private void unlessDeclared(Guarantee guarantee) {
    Map<Guarantee, String> declared = declaredLimitations();
    if (declared != null && declared.containsKey(guarantee)) {
      throw new DeclaredLimitation(displayName(), guarantee.rule(),
          String.valueOf(declared.get(guarantee)));
    }
  }

  /** What a hook returned, or a failure naming the hook when it is not provided. */
  private <T> T provided(Guarantee guarantee, Callable<Optional<T>> hook) {
    Optional<T> result = Verdicts.call(displayName(), guarantee.rule(), guarantee.hook(), hook);
    if (result == null || result.isEmpty()) {
      throw new AssertionFailedError(Verdicts.unchecked(displayName(), guarantee.rule(),
          "the kit needs the hook " + guarantee.hook() + " to check it; provide the hook, or"
          + " declare in declaredLimitations() that the store does not offer Guarantee."
          + guarantee.name()));
    }
    return result.get();
  }

  private <T> List<T> runTogether(String rule, int threads, IntFunctionCall<T> task) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        futures.add(pool.submit(() -> {
          start.await();
          return task.call(thread);
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        try {
          results.add(future.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof Error) {
            throw (Error) cause;
          }
          throw new org.opentest4j.AssertionFailedError(
              broke(rule, "a concurrent append threw " + cause), cause);
        }
      }
      return results;
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new org.opentest4j.AssertionFailedError(
          broke(rule, "concurrent appends did not finish within a minute: " + e), e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A task run by one of several threads, given its number. */
  private interface IntFunctionCall<T> {
    T call(int thread) throws Exception;
  }

  // Payloads come back byte for byte.

  @Test
  @DisplayName("R101 a JSON payload with non-ASCII text, its type name and metadata come back"
      + " exactly")
  void r101() {
    String rule = "R101 (payload round trip)";
    EventData event = EventData.builder().eventId(EventId.of("e-1"))
        .type("pcop.MemberEnrolled/1").format(PayloadFormat.JSON)
        .payload(("{\"name\":\"Zoë Ñúñez-Øster\",\"note\":\"\\u0000 tab\\t 名前 🙂\"}")
            .getBytes(StandardCharsets.UTF_8))
        .metadata(Map.of("correlation", "c-9", "actor", "m-17 (Dana Whitfield)")).build();
    append(rule, stream("member-m-17"), ExpectedVersion.noStream(), List.of(event));
    RecordedEvent fromStream = readStream(rule, stream("member-m-17")).get(0);
    RecordedEvent fromAll = readAll(rule).get(0);
    for (RecordedEvent read : List.of(fromStream, fromAll)) {
      assertEquals(event.getType(), read.getEvent().getType(),
          () -> broke(rule, "the type name must come back exactly"));
      assertEquals(event.getFormat(), read.getEvent().getFormat(),
          () -> broke(rule, "the payload format must come back exactly"));
      assertArrayEquals(event.getPayload(), read.getEvent().getPayload(),
          () -> broke(rule, "the JSON payload must come back byte for byte"));
      assertEquals(event.getMetadata(), read.getEvent().getMetadata(),
          () -> broke(rule, "the metadata must come back exactly"));
      assertEquals(event, read.getEvent(), () -> broke(rule, "the event must come back equal"));
    }
  }

  @Test
  @DisplayName("R102 binary payloads come back byte for byte: every byte value, empty, and the"
      + " largest allowed")
  void r102() {
    String rule = "R102 (payload round trip)";
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    byte[] largest = new byte[EventData.MAX_PAYLOAD_BYTES];
    new Random(42).nextBytes(largest);
    List<EventData> events = List.of(
        EventData.binary(EventId.of("bytes"), "tck.Binary/1", everyByte),
        EventData.binary(EventId.of("empty"), "tck.Binary/1", new byte[0]),
        EventData.binary(EventId.of("largest"), "tck.Binary/1", largest));
    for (EventData event : events) {
      append(rule, stream("binary"), ExpectedVersion.any(), List.of(event));
    }
    List<RecordedEvent> read = readStream(rule, stream("binary"));
    assertEquals(eventIds(events), ids(read), () -> broke(rule, "all three events must be read"));
    for (int i = 0; i < events.size(); i++) {
      byte[] expected = events.get(i).getPayload();
      byte[] actual = read.get(i).getEvent().getPayload();
      String name = events.get(i).getEventId().value();
      assertEquals(expected.length, actual.length,
          () -> broke(rule, "payload " + name + " must keep all " + expected.length
              + " bytes"));
      assertArrayEquals(expected, actual,
          () -> broke(rule, "payload " + name + " must come back byte for byte"));
    }
  }

  @Test
  @DisplayName("R103 recorded events carry their stream, versions from 1 and the positions the"
      + " append returned")
  void r103() {
    String rule = "R103 (recorded coordinates)";
    AppendResult result = append(rule, stream("s"), ExpectedVersion.noStream(), batch("s", 3));
    assertEquals(List.of(1L, 3L, 1L, 3L), List.of(result.getFirstVersion(),
        result.getLastVersion(), result.getFirstPosition(), result.getLastPosition()),
        () -> broke(rule, "a first batch of 3 must take versions 1-3 and positions 1-3"));
    List<RecordedEvent> read = readStream(rule, stream("s"));
    for (int i = 0; i < read.size(); i++) {
      RecordedEvent event = read.get(i);
      assertEquals(stream("s"), event.getStream(), () -> broke(rule, "wrong stream"));
      assertEquals(i + 1L, event.getVersion(), () -> broke(rule, "versions must be 1, 2, 3"));
      assertEquals(result.getFirstPosition() + i, event.getPosition(),
          () -> broke(rule, "positions must be those the append returned"));
    }
    assertEquals(3, read.size(), () -> broke(rule, "the stream must hold the 3 events"));
  }

  @Test
  @DisplayName("R105 an append acknowledges when it recorded the batch: every event of the batch"
      + " reads back with that time, and a retry acknowledges the original time")
  void r105() throws InterruptedException {
    String rule = "R105 (acknowledged time of recording)";
    List<EventData> events = batch("t", 3);
    AppendResult original = append(rule, stream("s"), ExpectedVersion.noStream(), events);
    assertNotNull(original.getRecordedAt(),
        () -> broke(rule, "an append must say when it recorded the batch"));
    for (RecordedEvent event : readStream(rule, stream("s"))) {
      assertEquals(original.getRecordedAt(), event.getRecordedAt(), () -> broke(rule,
          "event " + event.getEvent().getEventId() + " must read back with the time of"
              + " recording its append acknowledged, " + original.getRecordedAt()));
    }
    // Time passes before the retry, so a store that acknowledges a retry with the time of the
    // attempt, not of the original batch, is told apart.
    Thread.sleep(5);
    append(rule, stream("s"), ExpectedVersion.exactly(3), batch("u", 1));
    AppendResult retry = append(rule, stream("s"), ExpectedVersion.any(), events);
    assertTrue(retry.isRetry(), () -> broke(rule, "a retry of a committed batch must be"
        + " acknowledged as a retry"));
    assertEquals(original.getRecordedAt(), retry.getRecordedAt(), () -> broke(rule,
        "a retry must acknowledge the original batch's time of recording"));
  }

  @Test
  @DisplayName("R104 JSON payload text comes back byte for byte: decomposed and precomposed"
      + " forms, white space at both ends, CRLF, tabs, a byte order mark, escaped and unescaped"
      + " non-ASCII, and the largest allowed")
  void r104() {
    String rule = "R104 (payload text round trip)";
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("decomposed (NFD)", "{\"name\":\"Jose\u0301 Zoe\u0308 Nu\u0301n\u0303ez\"}");
    texts.put("precomposed (NFC), with compatibility characters",
        "{\"name\":\"Jos\u00e9 Zo\u00eb N\u00fa\u00f1ez \ufb01le \u01c4 \u2460\"}");
    texts.put("white space at both ends", " \t\r\n {\"a\": 1} \n\t ");
    texts.put("CRLF line ends", "{\r\n  \"a\": \"x\",\r\n  \"b\": 2\r\n}\r\n");
    texts.put("tabs", "{\t\"a\":\t\"x\\ty\",\t\"b\":\t2}\t");
    texts.put("a byte order mark", "\ufeff{\"a\": \"b\"}");
    texts.put("escaped non-ASCII", "{\"name\":\"Jos\\u00e9 e\\u0301 \\ud83d\\ude42\"}");
    texts.put("unescaped non-ASCII", "{\"name\":\"\u540d\u524d \ud83d\ude42 \u03a9mega"
        + " stra\u00dfe \u0645\u0631\u062d\u0628\u0627\"}");
    texts.put("the largest allowed", largestJson());
    List<EventData> events = new ArrayList<>();
    for (String text : texts.values()) {
      events.add(EventData.builder().eventId(EventId.of("text-" + (events.size() + 1)))
          .type("tck.Text/1").format(PayloadFormat.JSON)
          .payload(text.getBytes(StandardCharsets.UTF_8)).build());
    }
    for (EventData event : events) {
      append(rule, stream("texts"), ExpectedVersion.any(), List.of(event));
    }
    List<String> names = new ArrayList<>(texts.keySet());
    for (List<RecordedEvent> read : List.of(readStream(rule, stream("texts")), readAll(rule))) {
      assertEquals(eventIds(events), ids(read),
          () -> broke(rule, "all " + events.size() + " events must be read"));
      for (int i = 0; i < events.size(); i++) {
        byte[] expected = events.get(i).getPayload();
        byte[] actual = read.get(i).getEvent().getPayload();
        String name = names.get(i);
        assertArrayEquals(expected, actual, () -> broke(rule, "the JSON payload with " + name
            + " must come back byte for byte, not normalised, trimmed or re-encoded; "
            + difference(expected, actual)));
      }
    }
  }

  // Appends honour the expected version.

  @Test
  @DisplayName("R111 expecting no stream succeeds on a new stream and conflicts on an existing"
      + " one")
  void r111() {
    String rule = "R111 (expected version: no stream)";
    append(rule, stream("s"), ExpectedVersion.noStream(), batch("first", 1));
    VersionConflictException e = assertRefused(rule, VersionConflictException.class,
        "appending expecting no stream to a stream at version 1",
        () -> store.append(stream("s"), ExpectedVersion.noStream(), batch("second", 1)));
    assertEquals(1, e.getActual(), () -> broke(rule, "the conflict must carry actual 1"));
    assertEquals(List.of("first-1"), ids(readAll(rule)),
        () -> broke(rule, "a refused append must write nothing"));
  }

  @Test
  @DisplayName("R112 expecting an exact version succeeds when the stream is there and conflicts"
      + " when it is behind or ahead")
  void r112() {
    String rule = "R112 (expected version: exact)";
    append(rule, stream("s"), ExpectedVersion.noStream(), batch("a", 2));
    append(rule, stream("s"), ExpectedVersion.exactly(2), batch("b", 1));
    for (long wrong : new long[] {2, 4}) {
      VersionConflictException e = assertRefused(rule, VersionConflictException.class,
          "appending expecting version " + wrong + " to a stream at version 3",
          () -> store.append(stream("s"), ExpectedVersion.exactly(wrong), batch("c", 1)));
      assertEquals(3, e.getActual(), () -> broke(rule, "the conflict must carry actual 3"));
    }
    assertRefused(rule, VersionConflictException.class,
        "appending expecting version 1 to a stream that does not exist",
        () -> store.append(stream("new"), ExpectedVersion.exactly(1), batch("d", 1)));
    assertEquals(List.of("a-1", "a-2", "b-1"), ids(readAll(rule)),
        () -> broke(rule, "refused appends must write nothing"));
  }

  @Test
  @DisplayName("R113 expecting any version appends to new and existing streams alike")
  void r113() {
    String rule = "R113 (expected version: any)";
    append(rule, stream("s"), ExpectedVersion.any(), batch("a", 1));
    AppendResult second = append(rule, stream("s"), ExpectedVersion.any(), batch("b", 2));
    assertEquals(List.of(2L, 3L), List.of(second.getFirstVersion(), second.getLastVersion()),
        () -> broke(rule, "an append with any version must go after the stream's events"));
  }

  @Test
  @DisplayName("R114 a conflict is a typed exception carrying the stream, the expected and the"
      + " actual version")
  void r114() {
    String rule = "R114 (typed conflict)";
    append(rule, stream("s"), ExpectedVersion.noStream(), batch("a", 5));
    VersionConflictException e = assertRefused(rule, VersionConflictException.class,
        "appending expecting version 2 to a stream at version 5",
        () -> store.append(stream("s"), ExpectedVersion.exactly(2), batch("b", 1)));
    assertEquals(stream("s"), e.getStream(), () -> broke(rule, "the conflict must name s"));
    assertEquals(ExpectedVersion.exactly(2), e.getExpected(),
        () -> broke(rule, "the conflict must carry the expected version"));
    assertEquals(5, e.getActual(), () -> broke(rule, "the conflict must carry the actual"
        + " version"));
    VersionConflictException none = assertRefused(rule, VersionConflictException.class,
        "appending expecting version 2 to a stream that does not exist",
        () -> store.append(stream("t"), ExpectedVersion.exactly(2), batch("c", 1)));
    assertEquals(0, none.getActual(),
        () -> broke(rule, "a stream without events must be at actual version 0"));
  }

  // Retries are idempotent by event id.

  @Test
  @DisplayName("R121 a retry of a committed batch is acknowledged with the original positions"
      + " and writes nothing")
  void r121() {
    String rule = "R121 (idempotent retry)";
    append(rule, stream("other"), ExpectedVersion.noStream(), batch("o", 1));
    List<EventData> events = batch("x", 3);
    AppendResult original = append(rule, stream("s"), ExpectedVersion.noStream(), events);
    append(rule, stream("other"), ExpectedVersion.exactly(1), batch("p", 2));
    List<RecordedEvent> before = readAll(rule);
    for (ExpectedVersion expected : List.of(ExpectedVersion.any(), ExpectedVersion.noStream())) {
      AppendResult retry = append(rule, stream("s"), expected, events);
      assertTrue(retry.isRetry(), () -> broke(rule, "a retry of a committed batch (expecting "
          + expected + ") must be acknowledged as a retry"));
      assertEquals(List.of(original.getFirstVersion(), original.getLastVersion(),
              original.getFirstPosition(), original.getLastPosition()),
          List.of(retry.getFirstVersion(), retry.getLastVersion(), retry.getFirstPosition(),
              retry.getLastPosition()),
          () -> broke(rule, "a retry must return the original versions and positions"));
      assertEquals(ids(before), ids(readAll(rule)),
          () -> broke(rule, "a retry of a committed batch must write nothing"));
    }
    assertFalse(original.isRetry(), () -> broke(rule, "a first append is not a retry"));
  }

  @Test
  @DisplayName("R122 a batch that overlaps a committed one only partly is rejected whole")
  void r122() {
    String rule = "R122 (partial overlap rejected)";
    List<EventData> committed = batch("x", 2);
    append(rule, stream("s"), ExpectedVersion.noStream(), committed);
    List<RecordedEvent> before = readAll(rule);
    List<List<EventData>> overlapping = List.of(
        List.of(committed.get(1), json("x-3", "{}")),
        List.of(json("y-1", "{}"), committed.get(0)),
        List.of(committed.get(1), committed.get(0)));
    for (List<EventData> events : overlapping) {
      assertRefused(rule, EventIdConflictException.class,
          "appending " + eventIds(events) + " after committing [x-1, x-2]",
          () -> store.append(stream("s"), ExpectedVersion.any(), events));
    }
    assertRefused(rule, EventIdConflictException.class,
        "appending the committed batch to another stream",
        () -> store.append(stream("t"), ExpectedVersion.any(), committed));
    assertEquals(ids(before), ids(readAll(rule)),
        () -> broke(rule, "a rejected batch must write nothing, not even its new events"));
  }

  // Batches are atomic.

  @Test
  @DisplayName("R131 a batch that fails half way writes nothing, and its retry writes it once")
  void r131() {
    Guarantee guarantee = Guarantee.ATOMIC_BATCHES;
    String rule = guarantee.rule();
    unlessDeclared(guarantee);
    append(rule, stream("s"), ExpectedVersion.noStream(), batch("a", 1));
    HalfWayFailure armed = provided(guarantee, () -> failHalfWayThroughNextAppend(store));
    List<EventData> events = batch("b", HALF_WAY_BATCH);
    try {
      store.append(stream("s"), ExpectedVersion.exactly(1), events);
      fail(broke(rule, "the append arranged to fail half way returned normally"));
    } catch (RuntimeException e) {
      // the failure the hook arranged, whatever its type
    }
    int written = Verdicts.call(displayName(), rule,
        "eventsWrittenBeforeFailure() of the half-way failure",
        armed::eventsWrittenBeforeFailure);
    assertTrue(written >= 1 && written < HALF_WAY_BATCH, () -> broke(rule, "the hook "
        + guarantee.hook() + " must make the append of " + HALF_WAY_BATCH + " events fail"
        + " after at least one and before all of them were handed to the storage, but it"
        + " reported " + written + " written before the failure; a failure that strikes"
        + " before anything is written cannot show that a half-written batch is undone"));
    assertEquals(List.of("a-1"), ids(readAll(rule)),
        () -> broke(rule, "an append that failed half way must write none of its events"));
    assertEquals(List.of("a-1"), ids(readStream(rule, stream("s"))),
        () -> broke(rule, "an append that failed half way must leave the stream as it was"));
    AppendResult retry = append(rule, stream("s"), ExpectedVersion.exactly(1), events);
    assertFalse(retry.isRetry(), () -> broke(rule, "nothing was committed, so the retry is"
        + " not a retry of a committed batch"));
    assertEquals(List.of("a-1", "b-1", "b-2", "b-3", "b-4"), ids(readAll(rule)),
        () -> broke(rule, "the retry must write the batch exactly once"));
  }

  @Test
  @DisplayName("R132 an empty batch or one that repeats an event id is refused and writes"
      + " nothing")
  void r132() {
    String rule = "R132 (invalid batch refused)";
    assertRefused(rule, IllegalArgumentException.class, "appending an empty batch",
        () -> store.append(stream("s"), ExpectedVersion.any(), List.of()));
    assertRefused(rule, IllegalArgumentException.class, "appending [d-1, d-1]",
        () -> store.append(stream("s"), ExpectedVersion.any(),
            List.of(json("d-1", "{}"), json("d-1", "{}"))));
    assertEquals(List.of(), ids(readAll(rule)),
        () -> broke(rule, "a refused batch must write nothing"));
  }

  // Concurrent writers conflict cleanly.

  @Test
  @DisplayName("R141 of four writers appending at the same expected version, exactly one wins"
      + " and the others get a conflict")
  void r141() {
    String rule = "R141 (one winner under concurrency)";
    for (int round = 0; round < 10; round++) {
      StreamId stream = stream("race-" + round);
      ExpectedVersion expected = ExpectedVersion.noStream();
      if (round % 2 == 1) {
        append(rule, stream, ExpectedVersion.noStream(), batch("seed" + round, 1));
        expected = ExpectedVersion.exactly(1);
      }
      ExpectedVersion expectation = expected;
      String prefix = "r" + round + "-w";
      List<Boolean> wins = runTogether(rule, WRITERS, thread -> {
        try {
          store.append(stream, expectation, batch(prefix + thread, 2));
          return true;
        } catch (VersionConflictException e) {
          return false;
        }
      });
      long winners = wins.stream().filter(w -> w).count();
      int thisRound = round;
      assertEquals(1, winners, () -> broke(rule, WRITERS + " writers appended to " + stream
          + " expecting " + expectation + " at once (round " + thisRound + "); exactly one must"
          + " win but " + winners + " did"));
      int winner = wins.indexOf(true);
      List<String> expectedIds = new ArrayList<>();
      if (round % 2 == 1) {
        expectedIds.add("seed" + round + "-1");
      }
      expectedIds.addAll(List.of(prefix + winner + "-1", prefix + winner + "-2"));
      assertEquals(expectedIds, ids(readStream(rule, stream)),
          () -> broke(rule, "the stream must hold exactly the winner's batch"));
    }
    assertPositionsGapFree(rule, readAll(rule));
  }

  @Test
  @DisplayName("R142 writers appending to different streams at once all commit, without gaps"
      + " or duplicates in the global order")
  void r142() {
    String rule = "R142 (concurrent streams)";
    int appends = 15;
    runTogether(rule, WRITERS, thread -> {
      for (int i = 0; i < appends; i++) {
        store.append(stream("w" + thread), i == 0 ? ExpectedVersion.noStream()
            : ExpectedVersion.exactly(2L * i), batch("w" + thread + "-" + i, 2));
      }
      return null;
    });
    List<RecordedEvent> all = readAll(rule);
    assertEquals(WRITERS * appends * 2, all.size(),
        () -> broke(rule, "every committed event must be in the global order once"));
    assertPositionsGapFree(rule, all);
    for (int thread = 0; thread < WRITERS; thread++) {
      List<RecordedEvent> events = readStream(rule, stream("w" + thread));
      for (int i = 0; i < events.size(); i++) {
        assertEquals(i + 1L, events.get(i).getVersion(),
            () -> broke(rule, "each stream's versions must be 1, 2, 3 ... without gaps"));
      }
    }
  }

  // The global order is stable and gap-free.

  @Test
  @DisplayName("R151 events get positions 1, 2, 3 ... in commit order, as the appends returned")
  void r151() {
    String rule = "R151 (gap-free global order)";
    List<String> committed = new ArrayList<>();
    List<Long> positions = new ArrayList<>();
    String[] streams = {"zulu", "alpha", "mike", "alpha", "zulu", "bravo"};
    for (int i = 0; i < streams.length; i++) {
      List<EventData> events = batch("e" + i, 1 + i % 3);
      AppendResult result = append(rule, stream(streams[i]), ExpectedVersion.any(), events);
      committed.addAll(eventIds(events));
      for (long p = result.getFirstPosition(); p <= result.getLastPosition(); p++) {
        positions.add(p);
      }
    }
    List<RecordedEvent> all = readAll(rule);
    assertPositionsGapFree(rule, all);
    assertEquals(committed, ids(all),
        () -> broke(rule, "readAll must return events in commit order"));
    assertEquals(positions, all.stream().map(RecordedEvent::getPosition)
        .collect(Collectors.toList()),
        () -> broke(rule, "readAll must show the positions the appends returned"));
  }

  @Test
  @DisplayName("R152 the global order never changes: what a reader saw stays a prefix of every"
      + " later read")
  void r152() {
    String rule = "R152 (stable global order)";
    append(rule, stream("mike"), ExpectedVersion.any(), batch("m", 2));
    append(rule, stream("zulu"), ExpectedVersion.any(), batch("z", 2));
    List<RecordedEvent> earlier = readAll(rule);
    append(rule, stream("alpha"), ExpectedVersion.any(), batch("a", 2));
    append(rule, stream("mike"), ExpectedVersion.any(), batch("n", 1));
    List<RecordedEvent> later = readAll(rule);
    assertTrue(later.size() >= earlier.size(), () -> broke(rule, "events disappeared"));
    for (int i = 0; i < earlier.size(); i++) {
      RecordedEvent before = earlier.get(i);
      RecordedEvent after = later.get(i);
      assertEquals(List.of(before.getPosition(), before.getEvent().getEventId().value()),
          List.of(after.getPosition(), after.getEvent().getEventId().value()),
          () -> broke(rule, "the event at a position must never change; earlier reads "
              + ids(earlier) + ", later reads " + ids(later)));
    }
  }

  @Test
  @DisplayName("R153 readers polling while writers append never see a gap or a changed event")
  void r153() {
    String rule = "R153 (readers see no gaps)";
    int appends = 10;
    int total = WRITERS * appends * 2;
    AtomicBoolean writing = new AtomicBoolean(true);
    List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    List<RecordedEvent> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> {
      long after = 0;
      try {
        for (int polls = 0; polls < 200_000; polls++) {
          boolean caughtUp = !writing.get();
          List<RecordedEvent> page = store.readAll(after, 7);
          for (RecordedEvent event : page) {
            if (event.getPosition() != after + 1) {
              problems.add("after position " + after + " the reader got position "
                  + event.getPosition());
              return;
            }
            seen.add(event);
            after = event.getPosition();
          }
          if (caughtUp && page.isEmpty()) {
            return;
          }
          Thread.yield();
        }
      } catch (RuntimeException e) {
        problems.add("readAll(" + after + ", 7) threw " + e);
      }
    }, "tck-reader");
    reader.start();
    try {
      runTogether(rule, WRITERS, thread -> {
        for (int i = 0; i < appends; i++) {
          store.append(stream("w" + thread), ExpectedVersion.any(),
              batch("w" + thread + "-" + i, 2));
        }
        return null;
      });
    } finally {
      writing.set(false);
    }
    try {
      reader.join(TimeUnit.MINUTES.toMillis(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertEquals(List.of(), problems, () -> broke(rule, "a reader saw a gap"));
    List<RecordedEvent> all = readAll(rule);
    assertEquals(total, seen.size(), () -> broke(rule, "the reader must see every event once"));
    for (int i = 0; i < seen.size(); i++) {
      RecordedEvent during = seen.get(i);
      RecordedEvent after = all.get(i);
      assertEquals(List.of(during.getPosition(), during.getEvent().getEventId().value()),
          List.of(after.getPosition(), after.getEvent().getEventId().value()),
          () -> broke(rule, "an event seen during the appends must stay where it was seen"));
    }
  }

  @Test
  @DisplayName("R154 reading from a position or a version returns what follows it, page by"
      + " page")
  void r154() {
    String rule = "R154 (read from a position)";
    append(rule, stream("s"), ExpectedVersion.noStream(), batch("s", 5));
    append(rule, stream("t"), ExpectedVersion.noStream(), batch("t", 3));
    List<RecordedEvent> page = Verdicts.call(displayName(), rule, "readAll(3, 2)",
        () -> store.readAll(3, 2));
    assertEquals(List.of(4L, 5L), page.stream().map(RecordedEvent::getPosition)
        .collect(Collectors.toList()),
        () -> broke(rule, "readAll(3, 2) must return positions 4 and 5"));
    List<String> paged = new ArrayList<>();
    long after = 0;
    for (List<RecordedEvent> next = store.readAll(after, 3); !next.isEmpty();
        next = store.readAll(after, 3)) {
      assertTrue(next.size() <= 3, () -> broke(rule, "a page must hold at most maxCount"));
      paged.addAll(ids(next));
      after = next.get(next.size() - 1).getPosition();
    }
    assertEquals(ids(readAll(rule)), paged,
        () -> broke(rule, "paging through readAll must return every event once, in order"));
    assertEquals(List.of(), store.readAll(8, 10),
        () -> broke(rule, "reading after the last position must return nothing"));
    assertEquals(List.of("s-3", "s-4"), ids(store.readStream(stream("s"), 2, 2)),
        () -> broke(rule, "readStream(s, 2, 2) must return versions 3 and 4"));
    assertEquals(List.of(), store.readStream(stream("none"), 0, 10),
        () -> broke(rule, "reading a stream without events must return nothing"));
  }

  // Committed events are durable.

  @Test
  @DisplayName("R161 committed events survive reopening the store, with their positions, and"
      + " retries are still recognised")
  void r161() {
    Guarantee guarantee = Guarantee.DURABILITY;
    String rule = guarantee.rule();
    unlessDeclared(guarantee);
    List<EventData> first = batch("a", 2);
    AppendResult original = append(rule, stream("a"), ExpectedVersion.noStream(), first);
    append(rule, stream("b"), ExpectedVersion.noStream(), List.of(
        EventData.binary(EventId.of("bin"), "tck.Binary/1", new byte[] {0, -1, 7}),
        json("text", " \ufeff{\"name\":\"Jose\u0301\"}\r\n\t")));
    List<RecordedEvent> before = readAll(rule);
    EventStore closed = store;
    EventStore reopened = provided(guarantee, () -> reopen(closed));
    if (reopened == closed) {
      fail(broke(rule, "the hook " + guarantee.hook() + " returned the same store instance;"
          + " it must close the store and open a new instance over the same storage, as a"
          + " restart would, or nothing is shown to survive"));
    }
    store = reopened;
    List<RecordedEvent> after = readAll(rule);
    assertEquals(before.size(), after.size(),
        () -> broke(rule, "every committed event must survive reopening; " + before.size()
            + " were committed, " + after.size() + " are there after reopening"));
    for (int i = 0; i < before.size(); i++) {
      RecordedEvent b = before.get(i);
      RecordedEvent a = after.get(i);
      assertEquals(List.of(b.getStream(), b.getVersion(), b.getPosition(), b.getEvent()),
          List.of(a.getStream(), a.getVersion(), a.getPosition(), a.getEvent()),
          () -> broke(rule, "an event must come back from reopening exactly as before"));
    }
    for (ExpectedVersion expected : List.of(ExpectedVersion.noStream(), ExpectedVersion.any())) {
      AppendResult retry;
      try {
        retry = store.append(stream("a"), expected, first);
      } catch (Exception e) {
        throw new AssertionFailedError(broke(rule, "a retry went unrecognised after"
            + " reopening: appending the committed batch " + eventIds(first) + " again"
            + " (expecting " + expected + ") threw " + e + "; the store must recognise it by"
            + " its event ids from what it stored, and acknowledge it with the original"
            + " positions"), e);
      }
      assertTrue(retry.isRetry() && retry.getFirstPosition() == original.getFirstPosition()
          && retry.getLastPosition() == original.getLastPosition(),
          () -> broke(rule, "a retry went unrecognised after reopening: appending the"
              + " committed batch " + eventIds(first) + " again (expecting " + expected
              + ") must be acknowledged as a retry with the original positions "
              + original.getFirstPosition() + "-" + original.getLastPosition() + "; got "
              + retry));
      assertEquals(ids(before), ids(readAll(rule)),
          () -> broke(rule, "a retry after reopening must write nothing"));
    }
    AppendResult next = append(rule, stream("a"), ExpectedVersion.exactly(2), batch("c", 1));
    assertEquals(List.of(3L, 5L), List.of(next.getFirstVersion(), next.getFirstPosition()),
        () -> broke(rule, "appends after reopening must continue the numbering"));
  }
}
