package org.pcop.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.pcop.model.CommunityId;
import org.pcop.rules.calendar.BusinessCalendar;

/**
 * Everything a rule is evaluated against: the engagement record, the instant evaluated as of
 * (the clock) and the business calendar. Rules read nothing else, so the same context gives the
 * same results.
 */
public final class EvaluationContext {
  private final EngagementRecord record;
  private final Instant asOf;
  private final BusinessCalendar calendar;
  /** The day last asked for, kept once known (a community's zone never changes). */
  private volatile java.util.Map.Entry<CommunityId, Optional<LocalDate>> lastDay;

  /**
   * Creates the context.
   *
   * @param record the record evaluated
   * @param asOf the instant evaluated as of
   * @param calendar the business calendar
   * @throws org.pcop.model.InvalidValueException if an argument is null
   */
  public EvaluationContext(EngagementRecord record, Instant asOf, BusinessCalendar calendar) {
    org.pcop.model.InvalidValueException.check(record != null, "EvaluationContext", "record",
        "must not be null");
    org.pcop.model.InvalidValueException.check(asOf != null, "EvaluationContext", "asOf",
        "must not be null");
    org.pcop.model.InvalidValueException.check(calendar != null, "EvaluationContext",
        "calendar", "must not be null");
    this.record = record;
    this.asOf = asOf;
    this.calendar = calendar;
  }

  /**
   * The record evaluated.
   *
   * @return the record
   */
  public EngagementRecord record() {
    return record;
  }

  /**
   * The instant evaluated as of.
   *
   * @return the instant
   */
  public Instant asOf() {
    return asOf;
  }

  /**
   * The business calendar.
   *
   * @return the calendar
   */
  public BusinessCalendar calendar() {
    return calendar;
  }

  /**
   * The community's time zone, if the record knows the community.
   *
   * @param community the community
   * @return the zone
   */
  public Optional<ZoneId> zone(CommunityId community) {
    return record.community(community).map(c -> c.getTimeZone());
  }

  /**
   * The evaluation day in the community's time zone, if the record knows the community.
   *
   * @param community the community
   * @return the day of {@link #asOf()} there
   */
  public Optional<LocalDate> day(CommunityId community) {
    java.util.Map.Entry<CommunityId, Optional<LocalDate>> known = lastDay;
    if (known != null && known.getKey().equals(community)) {
      return known.getValue();
    }
    Optional<LocalDate> day = record.dayOf(community, asOf);
    if (day.isPresent()) {
      lastDay = java.util.Map.entry(community, day);
    }
    return day;
  }
}
