package org.pcop.rules.definition;

import java.util.List;
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

  /** Refuses a blank name. */
  @Value.Check
  default void check() {
    InvalidValueException.check(!getName().isBlank(), "Level", "name", "must not be blank");
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
