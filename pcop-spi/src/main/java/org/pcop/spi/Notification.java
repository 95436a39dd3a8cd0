package org.pcop.spi;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.event.EventId;

/**
 * A message for members, derived from committed events (an exchange awaits approval, a request for
 * information got an answer, a membership went dormant). It names the events it comes from and
 * carries at most the opaque handle of a case, never case details.
 */
@Value.Immutable
public interface Notification {
  /**
   * The notification's id, the same on every delivery attempt, so that a sink delivers it once.
   *
   * @return 1 to 128 letters, digits, {@code . _ : -}
   */
  String getId();

  /**
   * What kind of notification this is, for example {@code exchange.approval-requested}; the host
   * picks its template by it.
   *
   * @return the kind
   */
  String getKind();

  /**
   * Who receives it; at least one member.
   *
   * @return the recipients
   */
  Set<MemberId> getRecipients();

  /**
   * A short text for people.
   *
   * @return the text
   */
  String getText();

  /**
   * The committed events the notification comes from; at least one.
   *
   * @return the event ids
   */
  List<EventId> getCausedBy();

  /**
   * When pcop created it.
   *
   * @return the time
   */
  Instant getCreatedAt();

  /** Refuses notifications without id shape, recipients or cause. */
  @Value.Check
  default void check() {
    InvalidValueException.check(ID.matcher(getId()).matches(), "Notification", "id",
        "must be 1 to 128 letters, digits, '.', '_', ':' or '-'; got \"%s\"", getId());
    InvalidValueException.check(ID.matcher(getKind()).matches(), "Notification", "kind",
        "must be 1 to 128 letters, digits, '.', '_', ':' or '-'; got \"%s\"", getKind());
    InvalidValueException.check(!getRecipients().isEmpty(), "Notification", "recipients",
        "must name at least one member");
    InvalidValueException.check(!getText().isBlank() && getText().length() <= 4000,
        "Notification", "text", "must be 1 to 4000 characters, not blank; got %d",
        getText().length());
    InvalidValueException.check(!getCausedBy().isEmpty(), "Notification", "causedBy",
        "must name at least one committed event");
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableNotification.Builder builder() {
    return ImmutableNotification.builder();
  }

  /** The shape of an id or kind. */
  Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
}
