package org.pcop.model.taxonomy;

import org.pcop.model.InvalidValueException;
import org.pcop.model.internal.Identifiers;

/**
 * Identifies a taxonomy (a family of versions of core areas, topics and aims). A distinct type from every other identifier, so one cannot be passed where
 * another is expected.
 *
 * @param value 1 to 64 letters, digits, {@code .}, {@code _}, {@code :} or {@code -}, starting with a
 *     letter or digit
 */
public record TaxonomyId(String value) implements Comparable<TaxonomyId> {
  /**
   * Creates the identifier.
   *
   * @throws InvalidValueException if {@code value} is null or not of the identifier shape
   */
  public TaxonomyId {
    Identifiers.check("TaxonomyId", value);
  }

  /**
   * Returns the identifier with the given value.
   *
   * @param value the identifier's text
   * @return the identifier
   * @throws InvalidValueException if {@code value} is null or not of the identifier shape
   */
  public static TaxonomyId of(String value) {
    return new TaxonomyId(value);
  }

  @Override
  public int compareTo(TaxonomyId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
