package org.pcop.model.activity;

import java.time.LocalDate;
import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;

/** The days an exchange is scheduled for, first to last inclusive. */
@Value.Immutable
public interface Schedule {
  /**
   * The first day.
   *
   * @return the first day
   */
  @Value.Parameter
  LocalDate getFirstDay();

  /**
   * The last day; not before the first.
   *
   * @return the last day
   */
  @Value.Parameter
  LocalDate getLastDay();

  /** Refuses a last day before the first. */
  @Value.Check
  default void check() {
    InvalidValueException.check(!getLastDay().isBefore(getFirstDay()), "Schedule", "lastDay",
        "%s is before the first day %s", getLastDay(), getFirstDay());
  }

  /**
   * The schedule from {@code firstDay} to {@code lastDay}.
   *
   * @param firstDay the first day
   * @param lastDay the last day
   * @return the schedule
   */
  static Schedule of(LocalDate firstDay, LocalDate lastDay) {
    return ImmutableSchedule.of(firstDay, lastDay);
  }
}
