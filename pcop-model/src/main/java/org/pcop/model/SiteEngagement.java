package org.pcop.model;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One engagement of a site with the program, from its start date to its end date (exclusive).
 * Diagnostic and operations engagements last three years ({@link #STANDARD_LENGTH}); an alumni
 * engagement may be open-ended.
 */
@Value.Immutable
public interface SiteEngagement {
  /** How long a diagnostic or operations engagement lasts. */
  Period STANDARD_LENGTH = Period.ofYears(3);

  /**
   * The kind of engagement.
   *
   * @return the kind
   */
  EngagementKind getKind();

  /**
   * Whether the engagement was part of a pilot (the 2017 operations sites were).
   *
   * @return true for a pilot engagement
   */
  @Value.Default
  default boolean isPilot() {
    return false;
  }

  /**
   * The first day of the engagement.
   *
   * @return the start date
   */
  LocalDate getStart();

  /**
   * The day after the last day of the engagement; empty while an alumni engagement is open-ended.
   *
   * @return the end date, exclusive
   */
  Optional<LocalDate> getEnd();

  /**
   * Whether {@code day} falls within the engagement.
   *
   * @param day the day
   * @return true when {@code start <= day < end}
   */
  default boolean covers(LocalDate day) {
    return !day.isBefore(getStart()) && getEnd().map(day::isBefore).orElse(true);
  }

  /**
   * Refuses an end that is not after the start, and an open-ended diagnostic or operations
   * engagement.
   */
  @Value.Check
  default void check() {
    getEnd().ifPresent(end -> InvalidValueException.check(end.isAfter(getStart()),
        "SiteEngagement", "end", "%s must be after the start %s", end, getStart()));
    InvalidValueException.check(getKind() == EngagementKind.ALUMNI || getEnd().isPresent(),
        "SiteEngagement", "end", "a %s engagement must have an end date", getKind());
    InvalidValueException.check(!isPilot() || getKind() == EngagementKind.OPERATIONS,
        "SiteEngagement", "pilot", "only an operations engagement can be a pilot, not %s",
        getKind());
  }

  /**
   * A diagnostic or operations engagement of the standard three years.
   *
   * @param kind the kind, not alumni
   * @param start the first day
   * @return the engagement
   * @throws MissingValueException if {@code kind} or {@code start} is null
   * @throws InvalidValueException if {@code kind} is alumni
   */
  static SiteEngagement standard(EngagementKind kind, LocalDate start) {
    if (kind == null) {
      throw new MissingValueException("kind");
    }
    if (start == null) {
      throw new MissingValueException("start");
    }
    InvalidValueException.check(kind != EngagementKind.ALUMNI, "SiteEngagement", "kind",
        "an alumni engagement has no standard length");
    return builder().kind(kind).start(start).end(start.plus(STANDARD_LENGTH)).build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableSiteEngagement.Builder builder() {
    return ImmutableSiteEngagement.builder();
  }
}
