package org.pcop.benchmarks.drools;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.pcop.rules.calendar.UsFederalCalendar;

/**
 * Due instants of service levels, called from the rule file: the end of the last allowed day,
 * counting calendar days or business days (weekends and US federal holidays do not count, from
 * the same calendar pcop-rules uses).
 */
public final class Deadlines {
  private Deadlines() {}

  /**
   * When an obligation that arose at {@code from} is due.
   *
   * @param from when it arose
   * @param days the days allowed
   * @param businessDays whether they are business days
   * @param zone the community's time zone
   * @return the start of the day after the last allowed day
   */
  public static Instant due(Instant from, int days, boolean businessDays, ZoneId zone) {
    LocalDate first = LocalDate.ofInstant(from, zone);
    LocalDate last = businessDays
        ? UsFederalCalendar.instance().plusBusinessDays(first, days) : first.plusDays(days);
    return last.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /**
   * When the follow-up report of an exchange held on {@code heldOn} is due.
   *
   * @param heldOn the day it was held
   * @param days the calendar days allowed
   * @param zone the community's time zone
   * @return the start of the day after the last allowed day
   */
  public static Instant dueAfterHeld(LocalDate heldOn, int days, ZoneId zone) {
    return due(heldOn.atStartOfDay(zone).toInstant(), days, false, zone);
  }
}
