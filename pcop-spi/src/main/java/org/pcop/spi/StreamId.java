package org.pcop.spi;

import java.util.regex.Pattern;
import org.pcop.model.InvalidValueException;

/**
 * Names a stream of the event store: the events of one thing (a member, an exchange, a request for
 * information) in the order they happened. The engine chooses stream ids; a store keeps them as
 * opaque text.
 *
 * @param value 1 to 128 letters, digits, {@code .}, {@code _}, {@code :} or {@code -}, starting
 *     with a letter or digit
 */
public record StreamId(String value) implements Comparable<StreamId> {
  /** Longest stream id accepted, so that a store can size its column. */
  public static final int MAX_LENGTH = 128;

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  /**
   * Creates the stream id.
   *
   * @throws InvalidValueException if {@code value} is null or not of the stream id shape
   */
  public StreamId {
    InvalidValueException.check(value != null, "StreamId", "value", "must not be null");
    InvalidValueException.check(SHAPE.matcher(value).matches(), "StreamId", "value",
        "must be 1 to %d letters, digits, '.', '_', ':' or '-', starting with a letter or digit;"
            + " got \"%s\"", MAX_LENGTH, value.length() > MAX_LENGTH + 8
            ? value.substring(0, MAX_LENGTH + 8) + "..." : value);
  }

  /**
   * Returns the stream id with the given value.
   *
   * @param value the stream id's text
   * @return the stream id
   * @throws InvalidValueException if {@code value} is null or not of the stream id shape
   */
  public static StreamId of(String value) {
    return new StreamId(value);
  }

  @Override
  public int compareTo(StreamId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
