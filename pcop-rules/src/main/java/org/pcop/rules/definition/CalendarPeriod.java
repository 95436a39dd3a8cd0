package org.pcop.rules.definition;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** A calendar period that caps and capacities reset on, in the community's time zone. */
public enum CalendarPeriod {
  /** A calendar day. */
  DAY,
  /** An ISO week, Monday to Sunday. */
  WEEK,
  /** A calendar month. */
  MONTH,
  /** A calendar quarter. */
  QUARTER,
  /** A US federal fiscal year, 1 October to 30 September, named by the year it ends in. */
  FISCAL_YEAR;

  /**
   * The first day of the period that contains {@code day}.
   *
   * @param day the day
   * @return the period's first day, which identifies it
   */
  public LocalDate start(LocalDate day) {
    switch (this) {
      case DAY:
        return day;
      case WEEK:
        return day.minusDays(day.getDayOfWeek().getValue() - 1L);
      case MONTH:
        return day.withDayOfMonth(1);
      case QUARTER:
        return day.with(IsoFields.DAY_OF_QUARTER, 1);
      default:
        return LocalDate.of(fiscalYear(day) - 1, 10, 1);
    }
  }

  /**
   * The US federal fiscal year {@code day} falls in: the calendar year, plus one from October.
   *
   * @param day the day
   * @return for example 2027 for 2026-10-01 to 2027-09-30
   */
  public static int fiscalYear(LocalDate day) {
    return day.getMonthValue() >= 10 ? day.getYear() + 1 : day.getYear();
  }
}
