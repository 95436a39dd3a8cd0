package org.pcop.rules.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The day of an instant in one community's time zone, remembering the last day found: events
 * mostly arrive in time order, so most instants fall on the day before.
 */
final class DayOf {
  private final ZoneId zone;
  private Instant start = Instant.MAX;
  private Instant end = Instant.MIN;
  private long day;

  DayOf(ZoneId zone) {
    this.zone = zone;
  }

  long epochDay(Instant instant) {
    if (!instant.isBefore(start) && instant.isBefore(end)) {
      return day;
    }
    LocalDate found = LocalDate.ofInstant(instant, zone);
    day = found.toEpochDay();
    start = found.atStartOfDay(zone).toInstant();
    end = found.plusDays(1).atStartOfDay(zone).toInstant();
    return day;
  }
}
