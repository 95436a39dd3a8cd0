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

/** A membership was created or changed role or status (invited, active, dormant, left). */
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
