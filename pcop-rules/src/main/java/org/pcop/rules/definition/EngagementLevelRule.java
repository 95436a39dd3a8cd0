package org.pcop.rules.definition;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;

/**
 * Ordered engagement levels, lowest first. A member is promoted to the highest level whose
 * requirements all hold (with {@link #isCumulative()}, the highest whose requirements and those
 * of every level below hold); demoted only when a windowed requirement of the current level falls
 * below its demotion fraction of its threshold (or a requirement without hysteresis fails), never
 * within the grace period after the last change, and never below a level held that is
 * {@linkplain Level#isNeverDemoted() never demoted}; the fraction and grace period are the
 * level's own when it has them, else the rule's; a manual lock pins the level.
 */
@Value.Immutable
public interface EngagementLevelRule extends Rule {
  /** The kind name. */
  String KIND = "engagement-level";

  @Override
  RuleId getId();

  @Override
  CommunityId getCommunity();

  /**
   * The levels, lowest first; at least one, names unique.
   *
   * @return the levels
   */
  List<Level> getLevels();

  /**
   * The fraction of a windowed threshold a member may fall to before demotion, for example 0.9.
   *
   * @return the fraction, above 0 and at most 1
   */
  @Value.Default
  default double getDemotionFraction() {
    return 0.9;
  }

  /**
   * Days after a level change during which no demotion happens.
   *
   * @return the grace period in days
   */
  @Value.Default
  default int getGraceDays() {
    return 0;
  }

  /**
   * Whether levels are cumulative: a member holds a level only while they hold every level
   * below it too.
   *
   * @return true when cumulative
   */
  @Value.Default
  default boolean isCumulative() {
    return false;
  }

  /**
   * The demotion fraction of the level at {@code index}: its own, else the rule's.
   *
   * @param index the level's index
   * @return the fraction
   */
  default double demotionFraction(int index) {
    return getLevels().get(index).getDemotionFraction().orElse(getDemotionFraction());
  }

  /**
   * The grace period of the level at {@code index}: its own, else the rule's.
   *
   * @param index the level's index
   * @return the days
   */
  default int graceDays(int index) {
    return getLevels().get(index).getGraceDays().orElse(getGraceDays());
  }

  @Override
  default String kind() {
    return KIND;
  }

  /**
   * The index of the level named {@code name}, or -1.
   *
   * @param name the name
   * @return the index, lowest level 0
   */
  default int indexOf(String name) {
    for (int i = 0; i < getLevels().size(); i++) {
      if (getLevels().get(i).getName().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Refuses no levels, duplicate names, a fraction outside (0, 1] and negative grace. */
  @Value.Check
  default void check() {
    InvalidValueException.check(!getLevels().isEmpty(), "EngagementLevelRule", "levels",
        "at least one level is needed");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < getLevels().size(); i++) {
      InvalidValueException.check(names.add(getLevels().get(i).getName()),
          "EngagementLevelRule", "levels[" + i + "].name", "duplicate level name %s",
          getLevels().get(i).getName());
    }
    InvalidValueException.check(getDemotionFraction() > 0 && getDemotionFraction() <= 1,
        "EngagementLevelRule", "demotionFraction", "must be above 0 and at most 1, got %s",
        getDemotionFraction());
    InvalidValueException.check(getGraceDays() >= 0, "EngagementLevelRule", "graceDays",
        "must not be negative, got %d", getGraceDays());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableEngagementLevelRule.Builder builder() {
    return ImmutableEngagementLevelRule.builder();
  }
}
