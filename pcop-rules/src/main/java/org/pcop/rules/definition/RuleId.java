package org.pcop.rules.definition;

import org.pcop.model.InvalidValueException;

/**
 * Identifies a rule within a rule set.
 *
 * @param value 1 to 64 letters, digits, {@code .}, {@code _}, {@code :} or {@code -}, starting with
 *     a letter or digit
 */
public record RuleId(String value) implements Comparable<RuleId> {
  private static final java.util.regex.Pattern SHAPE =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  /**
   * Creates the identifier.
   *
   * @throws InvalidValueException if {@code value} is null or not of the identifier shape
   */
  public RuleId {
    InvalidValueException.check(value != null && SHAPE.matcher(value).matches(), "RuleId",
        "value", "must be 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter"
            + " or digit, got %s", value == null ? "null" : "'" + value + "'");
  }

  /**
   * Returns the identifier with the given value.
   *
   * @param value the identifier's text
   * @return the identifier
   * @throws InvalidValueException if {@code value} is not of the identifier shape
   */
  public static RuleId of(String value) {
    return new RuleId(value);
  }

  @Override
  public int compareTo(RuleId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
