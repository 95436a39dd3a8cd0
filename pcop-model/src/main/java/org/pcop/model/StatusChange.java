package org.pcop.model;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/** One entry of a membership's status history: the status it took, when, and why. */
@Value.Immutable
public interface StatusChange {
  /**
   * The status taken.
   *
   * @return the status
   */
  MembershipStatus getStatus();

  /**
   * When the status was taken.
   *
   * @return the instant
   */
  Instant getAt();

  /**
   * Why, if recorded.
   *
   * @return the reason
   */
  Optional<@HasText @Size(max = Limits.SHORT_TEXT_MAX) @PlainText String> getReason();

  /**
   * For a suspension: the last day it lasts, in the community's time zone.
   *
   * @return the end date
   */
  Optional<java.time.LocalDate> getUntil();

  /** Refuses an end date on anything but a suspension, and a suspension without reason or end. */
  @org.immutables.value.Value.Check
  default void check() {
    InvalidValueException.check(getUntil().isEmpty() || getStatus() == MembershipStatus.SUSPENDED,
        "StatusChange", "until", "only a suspension has an end date, not %s", getStatus());
    InvalidValueException.check(getStatus() != MembershipStatus.SUSPENDED
            || (getUntil().isPresent() && getReason().isPresent()), "StatusChange", "until",
        "a suspension needs a reason and an end date");
  }

  /**
   * A status change without a reason.
   *
   * @param status the status taken
   * @param at when
   * @return the change
   */
  static StatusChange of(MembershipStatus status, Instant at) {
    return builder().status(status).at(at).build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableStatusChange.Builder builder() {
    return ImmutableStatusChange.builder();
  }
}
