package org.pcop.rules.definition;

import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;

/**
 * Coverage and knowledge gaps of a community: every actively engaged site has at least one
 * active member; every core area of the community's taxonomy has at least
 * {@link #getMinExperts()} active members with expertise in one of its topics; a topic with an
 * open request for information and no active expert is a gap; and a site by core-area matrix of
 * participation over {@link #getMatrixWindow()}.
 */
@Value.Immutable
public interface CoverageRule extends Rule {
  /** The kind name. */
  String KIND = "coverage";

  @Override
  RuleId getId();

  @Override
  CommunityId getCommunity();

  /**
   * How many experts each core area needs.
   *
   * @return the minimum
   */
  @Value.Default
  default int getMinExperts() {
    return 1;
  }

  /**
   * The days the participation matrix counts.
   *
   * @return the window
   */
  @Value.Default
  default Window getMatrixWindow() {
    return Window.allTime();
  }

  @Override
  default String kind() {
    return KIND;
  }

  /** Refuses a negative minimum. */
  @Value.Check
  default void check() {
    InvalidValueException.check(getMinExperts() >= 0, "CoverageRule", "minExperts",
        "must not be negative, got %d", getMinExperts());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableCoverageRule.Builder builder() {
    return ImmutableCoverageRule.builder();
  }
}
