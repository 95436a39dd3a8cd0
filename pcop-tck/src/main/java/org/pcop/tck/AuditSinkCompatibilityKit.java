package org.pcop.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pcop.model.MemberId;
import org.pcop.model.event.EventId;
import org.pcop.spi.AuditOutcome;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.AuditSink;
import org.pcop.spi.HostUserId;

/**
 * The compatibility kit for an {@link AuditSink}: its guarantees as rules R401 to R403. Besides
 * the factory, a vendor says what the host kept ({@link #recorded(AuditSink)}); every rule looks
 * at the kept records, so neither method is optional:
 *
 * <pre>{@code
 * @DisplayName("Acme audit table")
 * class AcmeAuditCompatibilityTest extends AuditSinkCompatibilityKit {
 *   protected AuditSink createSink() { return AcmeAudit.on(emptyTestDatabase()); }
 *   protected List<AuditRecord> recorded(AuditSink sink) {
 *     return ((AcmeAudit) sink).readAll();
 *   }
 * }
 * }</pre>
 *
 * <p>Every failure message names the adapter ({@link #displayName()}) and the rule.
 */
@Kit
public abstract class AuditSinkCompatibilityKit {
  private AuditSink sink;

  /**
   * Creates a sink with an empty audit trail for one test.
   *
   * @return the sink
   */
  protected abstract AuditSink createSink();

  /**
   * Every record the host kept through {@code sink}, in the order kept, read back from where the
   * host keeps its audit trail.
   *
   * @param sink a sink made by {@link #createSink()}
   * @return the records, one entry per record kept
   */
  protected abstract List<AuditRecord> recorded(AuditSink sink);

  /**
   * The adapter's name in failure messages: the {@link DisplayName} of the test class, or else
   * the sink's class name.
   *
   * @return the name
   */
  protected String displayName() {
    return KitNames.declaredName(getClass()).orElse(
        sink == null ? getClass().getName() : sink.getClass().getName());
  }

  @BeforeEach
  final void createTheSink() {
    sink = createSink();
    assertNotNull(sink, () -> Verdicts.broke(displayName(), "createSink()", "returned null"));
  }

  private String broke(String rule, String detail) {
    return Verdicts.broke(displayName(), rule, detail);
  }

  private static AuditRecord committed(String requestId, int seconds) {
    return AuditRecord.builder().requestId(requestId).user(HostUserId.of("jreyes"))
        .actingAs(MemberId.of("m-17")).command("exchange.request")
        .at(Instant.parse("2026-03-02T15:00:00Z").plusSeconds(seconds))
        .outcome(AuditOutcome.COMMITTED)
        .addEvents(EventId.of("e-" + requestId + "-1"), EventId.of("e-" + requestId + "-2"))
        .build();
  }

  private static AuditRecord denied(String requestId, int seconds) {
    return AuditRecord.builder().requestId(requestId).user(HostUserId.of("mlin"))
        .command("case.resolve").at(Instant.parse("2026-03-02T15:00:00Z").plusSeconds(seconds))
        .outcome(AuditOutcome.DENIED)
        .reason("mlin is not on the team of the case behind handle case-0042 “État”").build();
  }

  private void record(String rule, AuditRecord record) {
    Verdicts.call(displayName(), rule, "record(" + record.getRequestId() + ")", () -> {
      sink.record(record);
      return null;
    });
  }

  private List<AuditRecord> kept(String rule) {
    List<AuditRecord> kept = Verdicts.call(displayName(), rule, "recorded(sink)",
        () -> recorded(sink));
    assertNotNull(kept, () -> broke(rule, "recorded(sink) returned null"));
    return kept;
  }

  // Records are kept as given.

  @Test
  @DisplayName("R401 committed, denied, rejected and failed records are kept with every field")
  void r401() {
    String rule = "R401 (kept as given)";
    AuditRecord rejected = AuditRecord.builder().from(denied("r-3", 2))
        .outcome(AuditOutcome.REJECTED).command("exchange.approve")
        .reason("exchange x-9 is already declined").build();
    AuditRecord failed = AuditRecord.builder().from(committed("r-4", 3))
        .outcome(AuditOutcome.FAILED).events(List.of()).reason("the store is unavailable")
        .build();
    List<AuditRecord> given = List.of(committed("r-1", 0), denied("r-2", 1), rejected, failed);
    given.forEach(r -> record(rule, r));
    assertEquals(given, kept(rule),
        () -> broke(rule, "every record must be kept once, with every field as given"));
  }

  // Records keep their order.

  @Test
  @DisplayName("R402 records of one request are kept in the order received")
  void r402() {
    String rule = "R402 (order per request)";
    List<AuditRecord> given = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      given.add(i % 2 == 0 ? denied("r-1", 10 - i) : committed("r-1", 10 - i));
    }
    given.forEach(r -> record(rule, r));
    assertEquals(given, kept(rule).stream().filter(r -> r.getRequestId().equals("r-1"))
        .collect(Collectors.toList()),
        () -> broke(rule, "records of one request must be kept in the order received, not"
            + " sorted by time or outcome"));
  }

  // Records from several threads are all kept.

  @Test
  @DisplayName("R403 records written from several threads at once are each kept once")
  void r403() throws InterruptedException {
    String rule = "R403 (concurrent records)";
    List<Thread> threads = IntStream.range(0, 4).mapToObj(t -> new Thread(() -> {
      for (int i = 0; i < 10; i++) {
        sink.record(committed("r-" + t + "-" + i, i));
      }
    })).collect(Collectors.toList());
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    List<AuditRecord> kept = kept(rule);
    Set<String> ids = kept.stream().map(AuditRecord::getRequestId).collect(Collectors.toSet());
    assertEquals(40, ids.size(), () -> broke(rule, "forty distinct records must be kept; got "
        + ids.size()));
    assertEquals(40, kept.size(), () -> broke(rule, "each record must be kept once"));
  }
}
