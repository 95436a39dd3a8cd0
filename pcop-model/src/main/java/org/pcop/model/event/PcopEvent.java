package org.pcop.model.event;

import java.time.Instant;
import org.pcop.model.MemberId;

/**
 * A change to a community, as stored in the append-only log: who did it, when, and an id that
 * makes retries idempotent. Every kind of event is an immutable value with a builder; use
 * {@link #accept(PcopEventVisitor)} to handle each kind.
 */
public interface PcopEvent {
  /**
   * The event's identifier; a retry of the same change carries the same id.
   *
   * @return the id
   */
  EventId getEventId();

  /**
   * The member who acted. Changes made by the system itself (a directory sync, a dormancy rule)
   * name the member that the host maps to the system.
   *
   * @return the acting member
   */
  MemberId getActor();

  /**
   * When the change occurred.
   *
   * @return the instant
   */
  Instant getOccurredAt();

  /**
   * Calls the visitor's method for this kind of event.
   *
   * @param visitor the visitor
   * @param <R> the result type
   * @return what the visitor returned
   */
  <R> R accept(PcopEventVisitor<R> visitor);
}
