package org.pcop.rules;

import java.time.Duration;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A service level was missed: what (a request for information without a first response, an
 * exchange not approved, a follow-up report not submitted), when it was due and how late it is
 * (until it was met, or until the evaluation instant while it is still outstanding).
 */
@Value.Immutable
public interface ServiceLevelBreach extends Finding {
  /**
   * The request for information or exchange.
   *
   * @return the subject
   */
  Subject getSubject();

  /**
   * What was due, for example {@code first response}.
   *
   * @return the obligation
   */
  String getObligation();

  /**
   * When it was due.
   *
   * @return the due instant
   */
  Instant getDueAt();

  /**
   * How late it was met, or is so far; positive.
   *
   * @return the lateness
   */
  Duration getLateness();

  /**
   * Whether it is still outstanding at the evaluation instant.
   *
   * @return true while not yet met
   */
  boolean isOutstanding();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableServiceLevelBreach.Builder builder() {
    return ImmutableServiceLevelBreach.builder();
  }
}
