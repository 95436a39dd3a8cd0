package org.pcop.rules.definition;

import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;

/**
 * An active membership with no participation for {@link #getDays()} days (counted from the last
 * participation, or from activation when there was none) becomes dormant, and the site lead is
 * told.
 */
@Value.Immutable
public interface DormancyRule extends Rule {
  /** The kind name. */
  String KIND = "dormancy";

  @Override
  RuleId getId();

  @Override
  CommunityId getCommunity();

  /**
   * Days without participation that make a membership dormant.
   *
   * @return the days
   */
  int getDays();

  @Override
  default String kind() {
    return KIND;
  }

  /** Refuses fewer than 1 day. */
  @Value.Check
  default void check() {
    InvalidValueException.check(getDays() >= 1, "DormancyRule", "days",
        "must be 1 or more, got %d", getDays());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableDormancyRule.Builder builder() {
    return ImmutableDormancyRule.builder();
  }
}
