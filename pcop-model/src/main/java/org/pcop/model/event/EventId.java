package org.pcop.model.event;

import java.util.UUID;
import org.pcop.model.InvalidValueException;
import org.pcop.model.internal.Identifiers;

/**
 * Identifies an event. A retried append carries the same event ids, which is how a store
 * recognises a retry.
 *
 * @param value 1 to 64 letters, digits, {@code .}, {@code _}, {@code :} or {@code -}, starting with a
 *     letter or digit
 */
public record EventId(String value) implements Comparable<EventId> {
  /**
   * Creates the identifier.
   *
   * @throws InvalidValueException if {@code value} is null or not of the identifier shape
   */
  public EventId {
    Identifiers.check("EventId", value);
  }

  /**
   * Returns the identifier with the given value.
   *
   * @param value the identifier's text
   * @return the identifier
   */
  public static EventId of(String value) {
    return new EventId(value);
  }

  /**
   * A new random identifier (a UUID).
   *
   * @return the identifier
   */
  public static EventId random() {
    return new EventId(UUID.randomUUID().toString());
  }

  @Override
  public int compareTo(EventId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
