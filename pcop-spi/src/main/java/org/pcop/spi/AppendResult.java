package org.pcop.spi;

import java.time.Instant;
import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;

/**
 * A store's acknowledgement of an append: the versions and global positions the batch occupies
 * (consecutive, since a batch is atomic and the global order has no gaps), the instant the store
 * recorded it, and whether the batch had already been committed by an earlier attempt, in which
 * case these are the original ones.
 *
 * <p>With the batch the writer appended, this is everything a reader of the stream would get
 * back for a batch that is not a retry, so a writer can apply what it wrote without reading it
 * back: event {@code i} of the batch is recorded at version {@code firstVersion + i}, position
 * {@code firstPosition + i}, at {@link #getRecordedAt()}.
 */
@Value.Immutable
public interface AppendResult {
  /**
   * The stream appended to.
   *
   * @return the stream
   */
  StreamId getStream();

  /**
   * The version of the batch's first event.
   *
   * @return the first version
   */
  long getFirstVersion();

  /**
   * The version of the batch's last event: the version to expect in the next append.
   *
   * @return the last version
   */
  long getLastVersion();

  /**
   * The global position of the batch's first event.
   *
   * @return the first position
   */
  long getFirstPosition();

  /**
   * The global position of the batch's last event.
   *
   * @return the last position
   */
  long getLastPosition();

  /**
   * When the store recorded the batch: every event of the batch reads back with this time of
   * recording ({@link RecordedEvent#getRecordedAt()}); for a retry, the original batch's.
   *
   * @return the time of recording
   */
  Instant getRecordedAt();

  /**
   * True if every event of the batch had been stored by an earlier attempt and nothing was
   * written now.
   *
   * @return whether this acknowledges a retry
   */
  boolean isRetry();

  /** Refuses ranges that cannot describe one batch. */
  @Value.Check
  default void check() {
    InvalidValueException.check(getFirstVersion() >= 1, "AppendResult", "firstVersion",
        "must be 1 or more; got %d", getFirstVersion());
    InvalidValueException.check(getFirstPosition() >= 1, "AppendResult", "firstPosition",
        "must be 1 or more; got %d", getFirstPosition());
    InvalidValueException.check(getLastVersion() >= getFirstVersion(), "AppendResult",
        "lastVersion", "must not be below firstVersion %d; got %d", getFirstVersion(),
        getLastVersion());
    InvalidValueException.check(
        getLastPosition() - getFirstPosition() == getLastVersion() - getFirstVersion(),
        "AppendResult", "lastPosition",
        "a batch of %d events must span as many positions; got %d to %d",
        getLastVersion() - getFirstVersion() + 1, getFirstPosition(), getLastPosition());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableAppendResult.Builder builder() {
    return ImmutableAppendResult.builder();
  }
}
