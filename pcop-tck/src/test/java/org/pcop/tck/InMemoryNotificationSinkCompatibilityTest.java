package org.pcop.tck;

import java.util.List;
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
  protected List<Notification> delivered(NotificationSink sink) {
    return ((InMemoryNotificationSink) sink).getDelivered();
  }
}
