package org.pcop.samples.cms;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.stream.Collectors;
import org.pcop.model.MemberId;
import org.pcop.model.event.EventId;
import org.pcop.spi.Notification;
import org.pcop.spi.NotificationSink;

/**
 * pcop's notifications into the CMS inbox. A notification is kept in one transaction (the
 * message and a row per recipient), so it is taken over whole or not at all; the notification id
 * is the message's primary key, so a retried hand-over of a notification already kept changes
 * nothing and reaches nobody twice.
 */
final class InboxNotificationSink implements NotificationSink {
  private final Database database;

  InboxNotificationSink(Database database) {
    this.database = database;
  }

  @Override
  public void deliver(Notification notification) {
    Objects.requireNonNull(notification,
        "InboxNotificationSink.deliver: notification must not be null");
    try {
      database.inTransaction("delivering notification " + notification.getId(), connection -> {
        try (PreparedStatement exists = connection.prepareStatement(
            "SELECT 1 FROM cms_inbox_message WHERE notification_id = ?")) {
          exists.setString(1, notification.getId());
          try (ResultSet row = exists.executeQuery()) {
            if (row.next()) {
              return null;
            }
          }
        }
        try (PreparedStatement message = connection.prepareStatement("INSERT INTO"
            + " cms_inbox_message (notification_id, kind, text, caused_by, created_at)"
            + " VALUES (?, ?, ?, ?, ?)")) {
          message.setString(1, notification.getId());
          message.setString(2, notification.getKind());
          message.setString(3, notification.getText());
          message.setString(4, notification.getCausedBy().stream().map(EventId::value)
              .collect(Collectors.joining(",")));
          message.setObject(5, notification.getCreatedAt().atOffset(ZoneOffset.UTC));
          message.executeUpdate();
        }
        try (PreparedStatement recipient = connection.prepareStatement(
            "INSERT INTO cms_inbox_recipient (notification_id, staff_id) VALUES (?, ?)")) {
          for (MemberId member : notification.getRecipients()) {
            recipient.setString(1, notification.getId());
            recipient.setString(2, member.value());
            recipient.addBatch();
          }
          recipient.executeBatch();
        }
        return null;
      });
    } catch (CmsException e) {
      if (isDuplicate(e) && alreadyKept(notification)) {
        return; // another thread kept the same notification first
      }
      throw e;
    }
  }

  private static boolean isDuplicate(CmsException e) {
    return e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
  }

  private boolean alreadyKept(Notification notification) {
    return database.inTransaction("looking up notification " + notification.getId(),
        connection -> {
          try (PreparedStatement exists = connection.prepareStatement(
              "SELECT 1 FROM cms_inbox_message WHERE notification_id = ?")) {
            exists.setString(1, notification.getId());
            try (ResultSet row = exists.executeQuery()) {
              return row.next();
            }
          }
        });
  }
}
