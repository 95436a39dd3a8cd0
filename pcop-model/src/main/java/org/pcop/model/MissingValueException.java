package org.pcop.model;

/**
 * Thrown by a builder when a value is null or a required one was never set; the message names the
 * field.
 */
public final class MissingValueException extends InvalidValueException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a null field.
   *
   * @param field the field that was null
   */
  public MissingValueException(String field) {
    super(field + ": must not be null");
  }
}
