package org.pcop.model;

import org.pcop.model.internal.Identifiers;

/**
 * Identifies a site of the program. A distinct type from every other identifier, so one cannot be passed where
 * another is expected.
 *
 * @param value 1 to 64 letters, digits, {@code .}, {@code _}, {@code :} or {@code -}, starting with a
 *     letter or digit
 */
public record SiteId(String value) implements Comparable<SiteId> {
  /**
   * Creates the identifier.
   *
   * @throws InvalidValueException if {@code value} is null or not of the identifier shape
   */
  public SiteId {
    Identifiers.check("SiteId", value);
  }

  /**
   * Returns the identifier with the given value.
   *
   * @param value the identifier's text
   * @return the identifier
   * @throws InvalidValueException if {@code value} is null or not of the identifier shape
   */
  public static SiteId of(String value) {
    return new SiteId(value);
  }

  @Override
  public int compareTo(SiteId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
