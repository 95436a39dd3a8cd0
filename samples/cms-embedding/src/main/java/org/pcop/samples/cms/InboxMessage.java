package org.pcop.samples.cms;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.pcop.model.MemberId;
import org.pcop.model.event.EventId;

/**
 * A message in the CMS inbox, as delivered from a pcop notification.
 *
 * @param notificationId the notification's id
 * @param kind the notification's kind, for example {@code exchange.approval-requested}
 * @param text the text
 * @param recipients who received it
 * @param causedBy the pcop events it came from
 * @param createdAt when pcop created it
 */
public record InboxMessage(String notificationId, String kind, String text,
    Set<MemberId> recipients, List<EventId> causedBy, Instant createdAt) {
  /** Copies the collections. */
  public InboxMessage {
    recipients = Set.copyOf(recipients);
    causedBy = List.copyOf(causedBy);
  }
}
