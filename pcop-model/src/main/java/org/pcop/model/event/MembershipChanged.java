package org.pcop.model.event;

import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/**
 * A membership was created or changed role or status (invited, active, dormant, left, suspended
 * with a reason until an end date).
 */
@Value.Immutable
public interface MembershipChanged extends PcopEvent {
  /**
   * Returns the member.
   *
   * @return the member
   */
  MemberId getMember();

  /**
   * Returns the community.
   *
   * @return the community
   */
  CommunityId getCommunity();

  /**
   * Returns the role after the change.
   *
   * @return the role after the change
   */
  MembershipRole getRole();

  /**
   * Returns the status after the change.
   *
   * @return the status after the change
   */
  MembershipStatus getStatus();

  /**
   * Returns the sponsor of an invited outside expert.
   *
   * @return the sponsor of an invited outside expert
   */
  Optional<MemberId> getSponsor();

  /**
   * Returns why, if recorded.
   *
   * @return why, if recorded
   */
  Optional<@HasText @Size(max = Limits.SHORT_TEXT_MAX) @PlainText String> getReason();

  /**
   * For a suspension: the last day it lasts, in the community's time zone.
   *
   * @return the end date
   */
  Optional<java.time.LocalDate> getUntil();

  /** Refuses an end date on anything but a suspension, and a suspension without reason or end. */
  @Value.Check
  default void check() {
    org.pcop.model.InvalidValueException.check(getUntil().isEmpty()
            || getStatus() == MembershipStatus.SUSPENDED, "MembershipChanged", "until",
        "only a suspension has an end date, not %s", getStatus());
    org.pcop.model.InvalidValueException.check(getStatus() != MembershipStatus.SUSPENDED
            || (getUntil().isPresent() && getReason().isPresent()), "MembershipChanged", "until",
        "a suspension needs a reason and an end date");
  }

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableMembershipChanged.Builder builder() {
    return ImmutableMembershipChanged.builder();
  }
}
