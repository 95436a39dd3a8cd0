package org.pcop.rules;

import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;

/**
 * A member's engagement level should change: from the level recorded (none for a member not yet
 * at any level) to the level the rules give, with the reason. {@link ResultEvents} turns it into an
 * {@code EngagementLevelChanged} event.
 */
@Value.Immutable
public interface LevelChange extends Finding {
  /**
   * The member.
   *
   * @return the member
   */
  MemberId getMember();

  /**
   * The community.
   *
   * @return the community
   */
  CommunityId getCommunity();

  /**
   * The level recorded so far, if any.
   *
   * @return the level before
   */
  Optional<String> getFrom();

  /**
   * The level the rules give, if any.
   *
   * @return the level after
   */
  Optional<String> getTo();

  /**
   * Why, for example {@code promoted: all 3 requirements of mentor hold}.
   *
   * @return the reason
   */
  String getReason();

  /** Refuses a change that changes nothing. */
  @Value.Check
  default void check() {
    org.pcop.model.InvalidValueException.check(!getFrom().equals(getTo()), "LevelChange", "to",
        "the level after (%s) must differ from the level before", getTo().orElse("none"));
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableLevelChange.Builder builder() {
    return ImmutableLevelChange.builder();
  }
}
