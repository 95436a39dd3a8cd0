package org.pcop.model;

import org.pcop.model.internal.Identifiers;

/**
 * Identifies an activity members share. A distinct type from every other identifier, so one cannot be passed where
 * another is expected.
 *
 * @param value 1 to 64 letters, digits, {@code .}, {@code _}, {@code :} or {@code -}, starting with a
 *     letter or digit
 */
public record ActivityId(String value) implements Comparable<ActivityId> {
  /**
   * Creates the identifier.
   *
   * @throws InvalidValueException if {@code value} is null or not of the identifier shape
   */
  public ActivityId {
    Identifiers.check("ActivityId", value);
  }

  /**
   * Returns the identifier with the given value.
   *
   * @param value the identifier's text
   * @return the identifier
   * @throws InvalidValueException if {@code value} is null or not of the identifier shape
   */
  public static ActivityId of(String value) {
    return new ActivityId(value);
  }

  @Override
  public int compareTo(ActivityId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
