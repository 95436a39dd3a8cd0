package org.pcop.rules.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business days of the US federal government: Monday to Friday except the eleven federal holidays
 * of 5 U.S.C. 6103, on the days they are observed (a Saturday holiday on the Friday before, a
 * Sunday holiday on the Monday after). The holidays come from the Jollyday library, with two
 * corrections: Columbus Day (the second Monday of October), which its US set lacks, and a New
 * Year's Day observed on 31 December of the year before, which it lists only under the next year.
 *
 * <p>Thread-safe; each year's holidays are computed once.
 */
public final class UsFederalCalendar implements BusinessCalendar {
  private static final UsFederalCalendar INSTANCE = new UsFederalCalendar();

  private final HolidayManager manager =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_STATES));
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
    return years.computeIfAbsent(year, this::compute);
  }

  @Override
  public boolean isBusinessDay(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY
        && !holidays(day.getYear()).contains(day);
  }

  private NavigableSet<LocalDate> compute(int year) {
    TreeSet<LocalDate> days = new TreeSet<>();
    for (int y = year; y <= year + 1; y++) {
      for (Holiday holiday : manager.getHolidays(Year.of(y))) {
        if (holiday.getDate().getYear() == year) {
          days.add(holiday.getDate());
        }
      }
    }
    days.add(LocalDate.of(year, Month.OCTOBER, 1)
        .with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY)));
    LocalDate nextNewYear = LocalDate.of(year + 1, Month.JANUARY, 1);
    if (nextNewYear.getDayOfWeek() == DayOfWeek.SATURDAY) {
      days.add(nextNewYear.minusDays(1));
    }
    return java.util.Collections.unmodifiableNavigableSet(days);
  }
}
