package org.pcop.model;

/**
 * Thrown when a value can never be valid: a required field is missing or null, an end comes before
 * its start, an exchange's host is also one of its visitors. The message names the type and the
 * field.
 *
 * <p>This is for impossible values that a builder refuses. What a person typed (an email, a phone
 * number, the length of a name) is checked by {@link org.pcop.model.validation.ModelValidator},
 * which reports every violation at once instead of stopping at the first.
 */
public class InvalidValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where, for a person to act on
   */
  public InvalidValueException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the fields Immutables reports as missing.
   *
   * @param message what is wrong and where
   * @param missingFields the missing fields (ignored beyond the message, which lists them)
   */
  public InvalidValueException(String message, String... missingFields) {
    super(message);
  }

  /**
   * Throws an {@code InvalidValueException} with {@code Type.field: message} unless
   * {@code condition} holds.
   *
   * @param condition what must be true
   * @param type the value type, for example {@code "Exchange"}
   * @param field the field at fault, for example {@code "visitingAgencies"}
   * @param message what is wrong, in words a person can act on
   * @param args {@link String#format} arguments for {@code message}
   */
  public static void check(boolean condition, String type, String field, String message,
      Object... args) {
    if (!condition) {
      throw new InvalidValueException(type + "." + field + ": " + String.format(message, args));
    }
  }
}
