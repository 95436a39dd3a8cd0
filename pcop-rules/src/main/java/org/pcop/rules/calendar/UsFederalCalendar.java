package org.pcop.rules.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business days of the US federal government: Monday to Friday except the eleven federal holidays
 * of 5 U.S.C. 6103, on the days they are observed (a Saturday holiday on the Friday before, a
 * Sunday holiday on the Monday after, Executive Order 11582): New Year's Day, Birthday of Martin
 * Luther King, Jr. (third Monday of January, from 1986), Washington's Birthday (third Monday of
 * February), Memorial Day (last Monday of May), Juneteenth National Independence Day (19 June,
 * from 2021), Independence Day, Labor Day (first Monday of September), Columbus Day (second
 * Monday of October), Veterans Day (11 November), Thanksgiving Day (fourth Thursday of November)
 * and Christmas Day. A New Year's Day that falls on a Saturday is observed on 31 December of the
 * year before and belongs to that year's list.
 *
 * <p>The rules are the statute's own, written here rather than read from a holiday library: the
 * one tried lacked Columbus Day and listed an observed 31 December under the wrong year, and
 * brought a logging facade that printed a warning on every host's error stream.
 *
 * <p>Thread-safe; each year's holidays are computed once.
 */
public final class UsFederalCalendar implements BusinessCalendar {
  private static final UsFederalCalendar INSTANCE = new UsFederalCalendar();

  private final Map<Integer, NavigableSet<LocalDate>> years = new ConcurrentHashMap<>();

  private UsFederalCalendar() {}

  /**
   * The calendar.
   *
   * @return the shared instance
   */
  public static UsFederalCalendar instance() {
    return INSTANCE;
  }

  /**
   * The days off for federal holidays in {@code year}, on their observed dates, sorted; includes
   * 31 December when the next New Year's Day is observed on it.
   *
   * @param year the calendar year
   * @return the observed holidays falling in that year
   */
  public NavigableSet<LocalDate> holidays(int year) {
    return years.computeIfAbsent(year, UsFederalCalendar::compute);
  }

  @Override
  public boolean isBusinessDay(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY
        && !holidays(day.getYear()).contains(day);
  }

  private static NavigableSet<LocalDate> compute(int year) {
    TreeSet<LocalDate> days = new TreeSet<>();
    for (int y = year; y <= year + 1; y++) {
      for (LocalDate holiday : statutory(y)) {
        LocalDate observed = observed(holiday);
        if (observed.getYear() == year) {
          days.add(observed);
        }
      }
    }
    return Collections.unmodifiableNavigableSet(days);
  }

  /** The holidays of a year on their statutory dates. */
  private static TreeSet<LocalDate> statutory(int year) {
    TreeSet<LocalDate> days = new TreeSet<>();
    days.add(LocalDate.of(year, Month.JANUARY, 1));
    if (year >= 1986) {
      days.add(nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY));
    }
    days.add(nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY));
    days.add(LocalDate.of(year, Month.MAY, 1)
        .with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    if (year >= 2021) {
      days.add(LocalDate.of(year, Month.JUNE, 19));
    }
    days.add(LocalDate.of(year, Month.JULY, 4));
    days.add(nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY));
    days.add(nth(year, Month.OCTOBER, 2, DayOfWeek.MONDAY));
    days.add(LocalDate.of(year, Month.NOVEMBER, 11));
    days.add(nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY));
    days.add(LocalDate.of(year, Month.DECEMBER, 25));
    return days;
  }

  private static LocalDate nth(int year, Month month, int n, DayOfWeek day) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
  }

  private static LocalDate observed(LocalDate holiday) {
    switch (holiday.getDayOfWeek()) {
      case SATURDAY:
        return holiday.minusDays(1);
      case SUNDAY:
        return holiday.plusDays(1);
      default:
        return holiday;
    }
  }
}
