package org.pcop.model;

import org.pcop.model.internal.Identifiers;

/**
 * Identifies a response to a request for information. A distinct type from every other identifier, so one cannot be passed where
 * another is expected.
 *
 * @param value 1 to 64 letters, digits, {@code .}, {@code _}, {@code :} or {@code -}, starting with a
 *     letter or digit
 */
public record ResponseId(String value) implements Comparable<ResponseId> {
  /**
   * Creates the identifier.
   *
   * @throws InvalidValueException if {@code value} is null or not of the identifier shape
   */
  public ResponseId {
    Identifiers.check("ResponseId", value);
  }

  /**
   * Returns the identifier with the given value.
   *
   * @param value the identifier's text
   * @return the identifier
   * @throws InvalidValueException if {@code value} is null or not of the identifier shape
   */
  public static ResponseId of(String value) {
    return new ResponseId(value);
  }

  @Override
  public int compareTo(ResponseId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
