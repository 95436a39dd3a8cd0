package org.pcop.samples.cms;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.pcop.spi.Notification;
import org.pcop.spi.NotificationSink;
import org.pcop.tck.NotificationSinkCompatibilityKit;

/** The inbox passes pcop's notification-sink kit, deliveries included. */
@DisplayName("mini-cms inbox")
class InboxNotificationSinkCompatibilityTest extends NotificationSinkCompatibilityKit {
  private CaseManagementSystem cms;

  @Override
  protected NotificationSink createSink() {
    cms = TestSystems.newSystem();
    return cms.hostAdapter().getNotificationSink().orElseThrow();
  }

  @Override
  protected List<Notification> delivered(NotificationSink sink) {
    return cms.inbox().stream().<Notification>map(m -> Notification.builder()
        .id(m.notificationId()).kind(m.kind()).text(m.text()).recipients(m.recipients())
        .causedBy(m.causedBy()).createdAt(m.createdAt()).build()).toList();
  }
}
