package org.pcop.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.pcop.spi.Notification;
import org.pcop.spi.NotificationSink;
import org.pcop.spi.memory.InMemoryNotificationSink;

/**
 * A notification sink that counts every hand-over before passing it to a kept sink, so that a test
 * sees what reaches the sink, not only what it kept.
 */
final class HandOvers implements NotificationSink {
  /** Every failure the kept sink injects is one whole flush: the engine tries three times. */
  static final int ONE_FLUSH = 3;

  private final InMemoryNotificationSink sink;
  private final List<String> ids = new ArrayList<>();

  HandOvers(InMemoryNotificationSink sink) {
    this.sink = sink;
  }

  @Override
  public synchronized void deliver(Notification notification) {
    sink.deliver(notification);
    ids.add(notification.getId());
  }

  /** The ids of every notification the kept sink accepted, in order, repeats included. */
  synchronized List<String> accepted() {
    return List.copyOf(ids);
  }

  /** The same, invitations only (their ids name the invited member after a colon). */
  synchronized List<String> invitations() {
    return ids.stream().filter(id -> id.contains(":")).collect(Collectors.toList());
  }
}
