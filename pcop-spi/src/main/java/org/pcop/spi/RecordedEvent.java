package org.pcop.spi;

import java.time.Instant;
import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;

/**
 * An event as a store gives it back: the event exactly as appended, where it sits in its stream
 * (version, from 1) and in the whole store (global position, from 1), and when the store recorded
 * it. None of these ever changes once the append that wrote it returned.
 */
@Value.Immutable
public interface RecordedEvent {
  /**
   * The stream the event belongs to.
   *
   * @return the stream
   */
  StreamId getStream();

  /**
   * The event's version in its stream: 1 for the first event, then one more for each.
   *
   * @return the version
   */
  long getVersion();

  /**
   * The event's position in the whole store: 1 for the first event ever stored, then one more for
   * each, without gaps, in commit order.
   *
   * @return the global position
   */
  long getPosition();

  /**
   * When the store recorded the event, from the store's clock.
   *
   * @return the time of recording
   */
  Instant getRecordedAt();

  /**
   * The event exactly as appended.
   *
   * @return the event
   */
  EventData getEvent();

  /** Refuses versions and positions below 1. */
  @Value.Check
  default void check() {
    InvalidValueException.check(getVersion() >= 1, "RecordedEvent", "version",
        "must be 1 or more; got %d", getVersion());
    InvalidValueException.check(getPosition() >= 1, "RecordedEvent", "position",
        "must be 1 or more; got %d", getPosition());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableRecordedEvent.Builder builder() {
    return ImmutableRecordedEvent.builder();
  }
}
