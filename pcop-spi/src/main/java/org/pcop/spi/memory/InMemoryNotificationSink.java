package org.pcop.spi.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pcop.spi.Notification;
import org.pcop.spi.NotificationSink;

/**
 * A {@link NotificationSink} in memory that keeps each notification once, by id, in the order
 * accepted. {@link #failNext(int)} makes the next hand-overs fail, for tests of retrying.
 */
public final class InMemoryNotificationSink implements NotificationSink {
  private final Map<String, Notification> delivered = new LinkedHashMap<>();
  private int failures;

  private InMemoryNotificationSink() {}

  /**
   * An empty sink.
   *
   * @return the sink
   */
  public static InMemoryNotificationSink create() {
    return new InMemoryNotificationSink();
  }

  /**
   * Makes the next {@code count} hand-overs fail without accepting the notification.
   *
   * @param count how many hand-overs fail, 0 or more
   */
  public synchronized void failNext(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("failNext: count must be 0 or more; got " + count);
    }
    failures = count;
  }

  @Override
  public synchronized void deliver(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    if (failures > 0) {
      failures--;
      throw new IllegalStateException("injected failure delivering notification "
          + notification.getId());
    }
    delivered.putIfAbsent(notification.getId(), notification);
  }

  /**
   * The notifications accepted, each once, in the order first accepted.
   *
   * @return the notifications
   */
  public synchronized List<Notification> getDelivered() {
    return List.copyOf(new ArrayList<>(delivered.values()));
  }
}
