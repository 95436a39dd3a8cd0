package org.pcop.model.taxonomy;

import org.pcop.model.InvalidValueException;
import org.pcop.model.internal.Identifiers;

/**
 * Identifies an aim of a community. A distinct type from every other identifier, so one cannot be passed where
 * another is expected.
 *
 * @param value 1 to 64 letters, digits, {@code .}, {@code _}, {@code :} or {@code -}, starting with a
 *     letter or digit
 */
public record AimId(String value) implements Comparable<AimId> {
  /**
   * Creates the identifier.
   *
   * @throws InvalidValueException if {@code value} is null or not of the identifier shape
   */
  public AimId {
    Identifiers.check("AimId", value);
  }

  /**
   * Returns the identifier with the given value.
   *
   * @param value the identifier's text
   * @return the identifier
   * @throws InvalidValueException if {@code value} is null or not of the identifier shape
   */
  public static AimId of(String value) {
    return new AimId(value);
  }

  @Override
  public int compareTo(AimId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
