package org.pcop.model.event;

import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/** The engagement rules promoted or demoted a member in a community; the reason says which requirements held or failed. */
@Value.Immutable
public interface EngagementLevelChanged extends PcopEvent {
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
   * Returns the level before, if any: the name of a level of the community's rule set.
   *
   * @return the level before, if any
   */
  Optional<@HasText @Size(max = Limits.NAME_MAX) @PlainText String> getFrom();

  /**
   * Returns the level after, if any: the name of a level of the community's rule set.
   *
   * @return the level after, if any
   */
  Optional<@HasText @Size(max = Limits.NAME_MAX) @PlainText String> getTo();

  /**
   * Returns the explanation.
   *
   * @return the explanation
   */
  @HasText @Size(max = Limits.LONG_TEXT_MAX) @PlainText(multiline = true) String getReason();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /** Refuses what this event can never carry. */
  @Value.Check
  default void check() {
    InvalidValueException.check(!getFrom().equals(getTo()), "EngagementLevelChanged", "to",
        "the level after (%s) must differ from the level before", getTo().orElse("none"));
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableEngagementLevelChanged.Builder builder() {
    return ImmutableEngagementLevelChanged.builder();
  }
}
