package org.pcop.spi;

import org.pcop.model.InvalidValueException;

/**
 * A user of the host case-management system, in the host's own terms (a login name, a staff number,
 * a directory GUID). Opaque to pcop; the {@link IdentityMapping} says which member, if any, it is.
 *
 * @param value 1 to 256 characters without control characters or surrounding blanks
 */
public record HostUserId(String value) {
  /** Longest user id accepted. */
  public static final int MAX_LENGTH = 256;

  /**
   * Creates the user id.
   *
   * @throws InvalidValueException if {@code value} is null, blank, too long, padded with blanks
   *     or holds a control character
   */
  public HostUserId {
    InvalidValueException.check(value != null, "HostUserId", "value", "must not be null");
    InvalidValueException.check(!value.isBlank() && value.length() <= MAX_LENGTH
            && value.strip().equals(value) && value.chars().noneMatch(Character::isISOControl),
        "HostUserId", "value", "must be 1 to %d characters without control characters or"
            + " surrounding blanks; got \"%s\"", MAX_LENGTH, value.replaceAll("\\p{Cntrl}", "?"));
  }

  /**
   * Returns the user id with the given value.
   *
   * @param value the host's user id
   * @return the user id
   */
  public static HostUserId of(String value) {
    return new HostUserId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
