package org.pcop.rules.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.pcop.model.InvalidValueException;

/**
 * Which days are business days. Evaluation is given one, so that it stays a pure function of its
 * inputs; implementations must answer the same for the same day every time.
 */
public interface BusinessCalendar {
  /**
   * Whether {@code day} is a business day.
   *
   * @param day the day
   * @return true for a business day
   */
  boolean isBusinessDay(LocalDate day);

  /**
   * The business day {@code days} business days after {@code day}; 0 gives {@code day} itself if
   * it is a business day, else the next one.
   *
   * @param day the starting day
   * @param days how many business days to add, 0 or more
   * @return the resulting business day
   * @throws InvalidValueException if {@code days} is negative
   */
  default LocalDate plusBusinessDays(LocalDate day, int days) {
    InvalidValueException.check(days >= 0, "BusinessCalendar", "days",
        "must not be negative, got %d", days);
    LocalDate current = day;
    int left = days;
    if (left == 0) {
      while (!isBusinessDay(current)) {
        current = current.plusDays(1);
      }
      return current;
    }
    while (left > 0) {
      current = current.plusDays(1);
      if (isBusinessDay(current)) {
        left--;
      }
    }
    return current;
  }

  /**
   * A calendar where every day but Saturday and Sunday is a business day.
   *
   * @return the calendar
   */
  static BusinessCalendar weekdays() {
    return day -> day.getDayOfWeek() != DayOfWeek.SATURDAY
        && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }
}
