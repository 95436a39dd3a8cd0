package org.pcop.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * A member's engagement level in a community as the history records it: the level (empty for none),
 * when it last changed, and the level a manual lock pins, if locked.
 *
 * @param level the recorded level, empty for none
 * @param since when the level last changed, empty if it never did
 * @param lock the level pinned by a manual lock; empty when not locked
 */
public record RecordedLevel(Optional<String> level, Optional<Instant> since,
    Optional<String> lock) {
  /** No level, never changed, not locked. */
  public static final RecordedLevel NONE =
      new RecordedLevel(Optional.empty(), Optional.empty(), Optional.empty());
}
