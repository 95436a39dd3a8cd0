package org.pcop.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pcop.model.MemberId;
import org.pcop.model.event.EventId;
import org.pcop.spi.Notification;
import org.pcop.spi.NotificationSink;

/**
 * The compatibility kit for a {@link NotificationSink}: its guarantees as rules R301 to R303.
 * Besides the factory, a vendor says what reached the recipients
 * ({@link #delivered(NotificationSink)}); every rule looks at the deliveries, so neither method
 * is optional:
 *
 * <pre>{@code
 * @DisplayName("Acme inbox")
 * class AcmeInboxCompatibilityTest extends NotificationSinkCompatibilityKit {
 *   protected NotificationSink createSink() { return AcmeInbox.on(emptyTestDatabase()); }
 *   protected List<Notification> delivered(NotificationSink sink) {
 *     return ((AcmeInbox) sink).readAllAsNotifications();
 *   }
 * }
 * }</pre>
 *
 * <p>Every failure message names the adapter ({@link #displayName()}) and the rule.
 */
@Kit
public abstract class NotificationSinkCompatibilityKit {
  private NotificationSink sink;

  /**
   * Creates a sink with an empty inbox for one test.
   *
   * @return the sink
   */
  protected abstract NotificationSink createSink();

  /**
   * The notifications that reached their recipients through {@code sink}, in the order
   * delivered, as the recipients see them (read from the inbox, the mail log, the outbox).
   *
   * @param sink a sink made by {@link #createSink()}
   * @return the deliveries, one entry per delivery
   */
  protected abstract List<Notification> delivered(NotificationSink sink);

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

  private static Notification notification(String id) {
    return Notification.builder().id(id).kind("rfi.answered")
        .addRecipients(MemberId.of("m-17"), MemberId.of("m-18"))
        .text("Your request for information “NIBIN leads” has an answer (" + id + ")")
        .addCausedBy(EventId.of("e-" + id)).createdAt(Instant.parse("2026-03-02T15:00:00Z"))
        .build();
  }

  private void deliver(String rule, Notification notification) {
    Verdicts.call(displayName(), rule, "deliver(" + notification.getId() + ")", () -> {
      sink.deliver(notification);
      return null;
    });
  }

  private List<Notification> deliveries(String rule) {
    List<Notification> delivered = Verdicts.call(displayName(), rule, "delivered(sink)",
        () -> delivered(sink));
    assertNotNull(delivered, () -> broke(rule, "delivered(sink) returned null"));
    return delivered;
  }

  // Notifications are accepted and delivered as given.

  @Test
  @DisplayName("R301 an accepted notification reaches its recipients with its kind and text")
  void r301() {
    String rule = "R301 (delivered as given)";
    deliver(rule, notification("n-1"));
    assertEquals(List.of(notification("n-1")), deliveries(rule),
        () -> broke(rule, "the notification must be delivered once, as given"));
  }

  // Each notification is delivered once.

  @Test
  @DisplayName("R302 handing over the same notification again is accepted without a second"
      + " delivery")
  void r302() {
    String rule = "R302 (once per id)";
    deliver(rule, notification("n-1"));
    deliver(rule, notification("n-2"));
    deliver(rule, notification("n-1"));
    assertEquals(List.of("n-1", "n-2"), deliveries(rule).stream().map(Notification::getId)
        .collect(Collectors.toList()),
        () -> broke(rule, "a notification handed over twice must be delivered once"));
  }

  @Test
  @DisplayName("R303 notifications handed over from several threads at once are each delivered"
      + " once")
  void r303() throws InterruptedException {
    String rule = "R303 (concurrent hand-overs)";
    List<Thread> threads = IntStream.range(0, 4).mapToObj(t -> new Thread(() -> {
      for (int i = 0; i < 10; i++) {
        sink.deliver(notification("n-" + (i % 5) + "-" + (t % 2)));
      }
    })).collect(Collectors.toList());
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(10, deliveries(rule).stream().map(Notification::getId).distinct().count(),
        () -> broke(rule, "ten distinct notifications must be delivered"));
    assertEquals(10, deliveries(rule).size(),
        () -> broke(rule, "each notification must be delivered once, also under"
            + " concurrency"));
  }
}
