package org.pcop.model;

import org.pcop.model.internal.Identifiers;

/**
 * Identifies an agency (a prosecutor's office). A distinct type from every other identifier, so one cannot be passed where
 * another is expected.
 *
 * @param value 1 to 64 letters, digits, {@code .}, {@code _}, {@code :} or {@code -}, starting with a
 *     letter or digit
 */
public record AgencyId(String value) implements Comparable<AgencyId> {
  /**
   * Creates the identifier.
   *
   * @throws InvalidValueException if {@code value} is null or not of the identifier shape
   */
  public AgencyId {
    Identifiers.check("AgencyId", value);
  }

  /**
   * Returns the identifier with the given value.
   *
   * @param value the identifier's text
   * @return the identifier
   * @throws InvalidValueException if {@code value} is null or not of the identifier shape
   */
  public static AgencyId of(String value) {
    return new AgencyId(value);
  }

  @Override
  public int compareTo(AgencyId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
