package org.pcop.spi;

import org.pcop.model.InvalidValueException;

/**
 * A point in a {@link MemberDirectory}'s history of changes, handed out by the directory and handed
 * back to it to ask what changed since. Opaque to pcop: a timestamp, a sequence number, a
 * synchronisation token, whatever the host's directory uses.
 *
 * @param value 1 to 512 characters
 */
public record ChangeMarker(String value) {
  /**
   * Creates the marker.
   *
   * @throws InvalidValueException if {@code value} is null, empty or longer than 512 characters
   */
  public ChangeMarker {
    InvalidValueException.check(value != null, "ChangeMarker", "value", "must not be null");
    InvalidValueException.check(!value.isEmpty() && value.length() <= 512, "ChangeMarker",
        "value", "must be 1 to 512 characters; got %d", value.length());
  }

  /**
   * Returns the marker with the given value.
   *
   * @param value the directory's marker text
   * @return the marker
   */
  public static ChangeMarker of(String value) {
    return new ChangeMarker(value);
  }
}
