package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pcop.model.InvalidValueException;
import org.pcop.rules.calendar.BusinessCalendar;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.CalendarPeriod;

/**
 * US federal business days: the eleven holidays of 5 U.S.C. 6103 on their observed dates,
 * including Columbus Day and a New Year observed on 31 December.
 */
class CalendarTest {
  private final UsFederalCalendar federal = UsFederalCalendar.instance();

  @Test
  void has11FederalHolidaysOnTheirObservedDatesIn2026() {
    // 5 U.S.C. 6103; Independence Day 2026 is a Saturday, observed Friday 3 July.
    Set<LocalDate> expected = new TreeSet<>(Set.of(LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 1, 19), LocalDate.of(2026, 2, 16), LocalDate.of(2026, 5, 25),
        LocalDate.of(2026, 6, 19), LocalDate.of(2026, 7, 3), LocalDate.of(2026, 9, 7),
        LocalDate.of(2026, 10, 12), LocalDate.of(2026, 11, 11), LocalDate.of(2026, 11, 26),
        LocalDate.of(2026, 12, 25)));
    assertEquals(expected, federal.holidays(2026));
  }

  @Test
  void columbusDayIsTheSecondMondayOfOctober() {
    assertFalse(federal.isBusinessDay(LocalDate.of(2026, 10, 12)));
    assertFalse(federal.isBusinessDay(LocalDate.of(2027, 10, 11)));
    assertTrue(federal.isBusinessDay(LocalDate.of(2026, 10, 5)), "the first Monday works");
  }

  @Test
  void newYearObservedOnThe31stOfDecemberBelongsToTheYearBefore() {
    // 1 January 2028 is a Saturday: observed Friday 31 December 2027.
    assertFalse(federal.isBusinessDay(LocalDate.of(2027, 12, 31)));
    assertTrue(federal.holidays(2027).contains(LocalDate.of(2027, 12, 31)));
    assertFalse(federal.holidays(2028).contains(LocalDate.of(2027, 12, 31)));
    assertTrue(federal.isBusinessDay(LocalDate.of(2027, 12, 30)));
  }

  @Test
  void weekendsAreNotBusinessDays() {
    assertFalse(federal.isBusinessDay(LocalDate.of(2026, 3, 7)));
    assertFalse(federal.isBusinessDay(LocalDate.of(2026, 3, 8)));
    assertTrue(federal.isBusinessDay(LocalDate.of(2026, 3, 9)));
  }

  @Test
  void addsBusinessDaysAcrossThanksgiving() {
    // Wednesday before Thanksgiving + 3: Fri 27, Mon 30, Tue 1 December.
    assertEquals(LocalDate.of(2026, 12, 1),
        federal.plusBusinessDays(LocalDate.of(2026, 11, 25), 3));
    assertEquals(LocalDate.of(2026, 11, 30),
        BusinessCalendar.weekdays().plusBusinessDays(LocalDate.of(2026, 11, 25), 3));
  }

  @Test
  void zeroBusinessDaysFromAHolidayIsTheNextBusinessDay() {
    assertEquals(LocalDate.of(2026, 11, 27),
        federal.plusBusinessDays(LocalDate.of(2026, 11, 26), 0));
  }

  @Test
  void refusesNegativeBusinessDays() {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> federal.plusBusinessDays(LocalDate.of(2026, 1, 5), -1));
    assertTrue(e.getMessage().contains("BusinessCalendar.days"), e.getMessage());
  }

  @Test
  void federalFiscalYearRunsOctoberToSeptember() {
    assertEquals(2026, CalendarPeriod.fiscalYear(LocalDate.of(2026, 9, 30)));
    assertEquals(2027, CalendarPeriod.fiscalYear(LocalDate.of(2026, 10, 1)));
    assertEquals(LocalDate.of(2026, 10, 1),
        CalendarPeriod.FISCAL_YEAR.start(LocalDate.of(2027, 3, 15)));
    assertEquals(LocalDate.of(2026, 3, 2), CalendarPeriod.WEEK.start(LocalDate.of(2026, 3, 8)));
    assertEquals(LocalDate.of(2026, 7, 1),
        CalendarPeriod.QUARTER.start(LocalDate.of(2026, 9, 30)));
  }

  @Test
  void juneteenthFromItsFirstYearAndMartinLutherKingDayFrom1986() {
    // Juneteenth became a federal holiday on 17 June 2021; 19 June 2021 was a Saturday.
    assertTrue(federal.holidays(2021).contains(LocalDate.of(2021, 6, 18)));
    assertFalse(federal.holidays(2020).contains(LocalDate.of(2020, 6, 19)));
    assertEquals(10, federal.holidays(2020).size());
    assertTrue(federal.holidays(1986).contains(LocalDate.of(1986, 1, 20)));
    assertFalse(federal.holidays(1985).contains(LocalDate.of(1985, 1, 21)));
  }

  @Test
  void aSundayHolidayIsObservedOnTheMondayAfter() {
    // Christmas 2022 and New Year 2023 were Sundays; Independence Day 2027 is a Sunday.
    assertTrue(federal.holidays(2022).contains(LocalDate.of(2022, 12, 26)));
    assertTrue(federal.holidays(2023).contains(LocalDate.of(2023, 1, 2)));
    assertTrue(federal.holidays(2027).contains(LocalDate.of(2027, 7, 5)));
    assertTrue(federal.isBusinessDay(LocalDate.of(2022, 12, 27)));
  }

  @Test
  void has11HolidaysIn2022WithTheObservedOnes() {
    // Memorial Day the last Monday of May, Thanksgiving the fourth Thursday of November;
    // Juneteenth 2022 (Sunday) on Monday 20 June, Veterans Day on Friday 11 November.
    Set<LocalDate> expected = new TreeSet<>(Set.of(LocalDate.of(2022, 1, 17),
        LocalDate.of(2022, 2, 21), LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 20),
        LocalDate.of(2022, 7, 4), LocalDate.of(2022, 9, 5), LocalDate.of(2022, 10, 10),
        LocalDate.of(2022, 11, 11), LocalDate.of(2022, 11, 24), LocalDate.of(2022, 12, 26)));
    // 1 January 2022 was a Saturday, observed on 31 December 2021.
    assertEquals(expected, federal.holidays(2022));
    assertTrue(federal.holidays(2021).contains(LocalDate.of(2021, 12, 31)));
  }
}
