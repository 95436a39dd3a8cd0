package org.pcop.tck;

import java.util.List;
import java.util.Optional;
import org.pcop.spi.Notification;
import org.pcop.spi.NotificationSink;
import org.pcop.spi.memory.InMemoryNotificationSink;

/** The in-memory reference sink passes the whole kit, deliveries included. */
class InMemoryNotificationSinkCompatibilityTest extends NotificationSinkCompatibilityKit {
  @Override
  protected NotificationSink createSink() {
    return InMemoryNotificationSink.create();
  }

  @Override
  protected Optional<List<Notification>> delivered(NotificationSink sink) {
    return Optional.of(((InMemoryNotificationSink) sink).getDelivered());
  }
}
