package org.pcop.rules;

import org.immutables.value.Value;

/**
 * One fact a rule counted or looked up, by name, for example
 * {@code community calls attended = 7}.
 */
@Value.Immutable
public interface Fact {
  /**
   * What was counted or looked up.
   *
   * @return the name
   */
  @Value.Parameter
  String getName();

  /**
   * Its value, as a person reads it.
   *
   * @return the value
   */
  @Value.Parameter
  String getValue();

  /**
   * The fact {@code name = value}.
   *
   * @param name what was counted
   * @param value its value; formatted with {@link String#valueOf(Object)}
   * @return the fact
   */
  static Fact of(String name, Object value) {
    return ImmutableFact.of(name, String.valueOf(value));
  }
}
