package org.pcop.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.event.EventId;

/**
 * Who did what, when, and how it ended: one record for every command, allowed or denied. It holds
 * the command's name and at most opaque case handles, never case details.
 */
@Value.Immutable
public interface AuditRecord {
  /**
   * The host's request id for the command (the same on a retry), or one pcop made up.
   *
   * @return the request id
   */
  String getRequestId();

  /**
   * The host user who issued the command.
   *
   * @return the user
   */
  HostUserId getUser();

  /**
   * The member the user acted as, if the user maps to one.
   *
   * @return the member
   */
  Optional<MemberId> getActingAs();

  /**
   * The command, by name, for example {@code exchange.approve}.
   *
   * @return the command's name
   */
  String getCommand();

  /**
   * When the command was decided, from the engine's clock.
   *
   * @return the time
   */
  Instant getAt();

  /**
   * How it ended.
   *
   * @return the outcome
   */
  AuditOutcome getOutcome();

  /**
   * Why it was denied, rejected or failed; empty when committed.
   *
   * @return the reason
   */
  Optional<String> getReason();

  /**
   * The events it committed; empty unless {@link AuditOutcome#COMMITTED}.
   *
   * @return the event ids
   */
  List<EventId> getEvents();

  /** Refuses an empty request id or command, and events on a command that did not commit. */
  @Value.Check
  default void check() {
    InvalidValueException.check(!getRequestId().isBlank() && getRequestId().length() <= 128,
        "AuditRecord", "requestId", "must be 1 to 128 characters, not blank");
    InvalidValueException.check(!getCommand().isBlank() && getCommand().length() <= 128,
        "AuditRecord", "command", "must be 1 to 128 characters, not blank");
    InvalidValueException.check(getOutcome() == AuditOutcome.COMMITTED || getEvents().isEmpty(),
        "AuditRecord", "events", "must be empty for a %s command; got %s", getOutcome(),
        getEvents());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableAuditRecord.Builder builder() {
    return ImmutableAuditRecord.builder();
  }
}
