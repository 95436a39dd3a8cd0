package org.pcop.model.event;

import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/** A coordinator pinned a member's engagement level in a community, or released the pin (empty level). */
@Value.Immutable
public interface EngagementLevelLocked extends PcopEvent {
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
   * Returns the pinned level; empty to release the lock.
   *
   * @return the pinned level; empty to release the lock
   */
  Optional<@HasText @Size(max = Limits.NAME_MAX) @PlainText String> getLevel();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableEngagementLevelLocked.Builder builder() {
    return ImmutableEngagementLevelLocked.builder();
  }
}
