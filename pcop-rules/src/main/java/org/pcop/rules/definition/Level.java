package org.pcop.rules.definition;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;

/** A named engagement level and its requirements, all of which must hold. */
@Value.Immutable
public interface Level {
  /**
   * The level's name, for example {@code active} or {@code mentor}.
   *
   * @return the name
   */
  @Value.Parameter
  String getName();

  /**
   * The requirements; all must hold.
   *
   * @return the requirements
   */
  @Value.Parameter
  List<Measure> getRequirements();

  /**
   * Whether a member who holds this level keeps it whatever their measures: they may still be
   * promoted, and demoted from a higher level down to this one, never below.
   *
   * @return true when never demoted
   */
  @Value.Default
  default boolean isNeverDemoted() {
    return false;
  }

  /**
   * This level's demotion fraction, in place of the rule's.
   *
   * @return the fraction, above 0 and at most 1
   */
  Optional<Double> getDemotionFraction();

  /**
   * This level's grace period in days after a change to it, in place of the rule's.
   *
   * @return the days
   */
  Optional<Integer> getGraceDays();

  /** Refuses a blank name, a fraction outside (0, 1] and a negative grace period. */
  @Value.Check
  default void check() {
    InvalidValueException.check(!getName().isBlank(), "Level", "name", "must not be blank");
    getDemotionFraction().ifPresent(f -> InvalidValueException.check(f > 0 && f <= 1, "Level",
        "demotionFraction", "must be above 0 and at most 1, got %s", f));
    getGraceDays().ifPresent(d -> InvalidValueException.check(d >= 0, "Level", "graceDays",
        "must not be negative, got %d", d));
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableLevel.Builder builder() {
    return ImmutableLevel.builder();
  }

  /**
   * The level {@code name} with {@code requirements}.
   *
   * @param name the name
   * @param requirements the requirements
   * @return the level
   */
  static Level of(String name, Measure... requirements) {
    return ImmutableLevel.of(name, List.of(requirements));
  }
}
