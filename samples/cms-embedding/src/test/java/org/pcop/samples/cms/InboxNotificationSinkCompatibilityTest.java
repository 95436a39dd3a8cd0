package org.pcop.samples.cms;

import java.util.List;
import java.util.Optional;
import org.pcop.spi.Notification;
import org.pcop.spi.NotificationSink;
import org.pcop.tck.NotificationSinkCompatibilityKit;

/** The inbox passes pcop's notification-sink kit, deliveries included. */
class InboxNotificationSinkCompatibilityTest extends NotificationSinkCompatibilityKit {
  private CaseManagementSystem cms;

  @Override
  protected NotificationSink createSink() {
    cms = TestSystems.newSystem();
    return cms.hostAdapter().getNotificationSink().orElseThrow();
  }

  @Override
  protected Optional<List<Notification>> delivered(NotificationSink sink) {
    return Optional.of(cms.inbox().stream().<Notification>map(m -> Notification.builder()
        .id(m.notificationId()).kind(m.kind()).text(m.text()).recipients(m.recipients())
        .causedBy(m.causedBy()).createdAt(m.createdAt()).build()).toList());
  }

  @Override
  protected String displayName() {
    return "mini-cms inbox";
  }
}
