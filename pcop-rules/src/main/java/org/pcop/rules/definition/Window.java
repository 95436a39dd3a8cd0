package org.pcop.rules.definition;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;

/**
 * The days a measure counts over: the last N days up to and including the evaluation day, or all
 * time. Days are calendar days in the community's time zone.
 */
@Value.Immutable
public interface Window {
  /**
   * The number of days, empty for all time.
   *
   * @return the days
   */
  @Value.Parameter
  Optional<Integer> getDays();

  /**
   * The first day inside the window when evaluating on {@code day}.
   *
   * @param day the evaluation day
   * @return the first day counted, or {@link LocalDate#MIN} for all time
   */
  default LocalDate firstDay(LocalDate day) {
    return getDays().map(n -> day.minusDays(n - 1L)).orElse(LocalDate.MIN);
  }

  /**
   * Whether the window is all time.
   *
   * @return true for all time
   */
  default boolean isAllTime() {
    return getDays().isEmpty();
  }

  /**
   * Says the window in words, for an explanation.
   *
   * @param day the evaluation day
   * @param zone the community's time zone
   * @return for example {@code the 100 days 2026-01-02 to 2026-04-11 (America/Chicago)}
   */
  default String describe(LocalDate day, ZoneId zone) {
    return getDays().map(n -> "the " + n + " days " + firstDay(day) + " to " + day + " (" + zone
        + ")").orElse("all time to " + day + " (" + zone + ")");
  }

  /** Refuses a window of fewer than one day. */
  @Value.Check
  default void check() {
    getDays().ifPresent(n -> InvalidValueException.check(n >= 1, "Window", "days",
        "must be 1 or more, got %d", n));
  }

  /**
   * The last {@code days} days, the evaluation day included.
   *
   * @param days how many days, 1 or more
   * @return the window
   */
  static Window lastDays(int days) {
    return ImmutableWindow.of(Optional.of(days));
  }

  /**
   * All time.
   *
   * @return the window
   */
  static Window allTime() {
    return ImmutableWindow.of(Optional.empty());
  }
}
