package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.ContributionKind;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.MeasureKind;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.Window;

/**
 * Activity series and activity-kind filters, each alone at the edges of its threshold and window:
 * an attendance ratio over the community calls (meetings of the series "community call") rather
 * than over every meeting, with and without a cap, and counts of participations, distinct
 * activities and distinct days narrowed to a series or to a kind of activity. Days are calendar
 * days in the community's time zone, so a call on a federal holiday is a day like any other.
 * Every case is evaluated in full and incrementally, and the two must agree.
 */
class SeriesMeasureTest {
  private static final Instant JOINED = Scenario.at("2025-06-02T09:00");
  /**
   * The as-of day is Friday 2026-02-20; a 30-day window starts on Thursday 2026-01-22 and holds
   * Presidents' Day, Monday 2026-02-16.
   */
  private static final Instant AS_OF = Scenario.at("2026-02-20T18:00");
  private static final LocalDate FIRST = LocalDate.parse("2026-01-22");
  private static final MemberId DANA = MemberId.of("m-dana");
  private static final String CALL = "community call";

  private static Scenario people() {
    return new Scenario().taxonomy(JOINED).localAgency("a-kc", null, JOINED)
        .member("m-dana", "a-kc", JOINED)
        .membership("m-dana", MembershipRole.MEMBER, MembershipStatus.ACTIVE, JOINED);
  }

  private static RuleSet ladder(Measure measure) {
    return RuleSet.builder().id("series").version(1)
        .addRule(EngagementLevelRule.builder().id(RuleId.of("levels")).community(Scenario.PCOP)
            .addLevel(Level.of("regular", measure)).build())
        .build();
  }

  /** Dana's level in full evaluation, checked against the same history applied event by event. */
  private static Optional<String> level(Measure measure, Consumer<Scenario> history) {
    return result(measure, history).findings(LevelChange.class).stream().findFirst()
        .flatMap(LevelChange::getTo);
  }

  private static RuleResult result(Measure measure, Consumer<Scenario> history) {
    Scenario s = people();
    history.accept(s);
    return s.fullEqualsIncremental(ladder(measure), RuleId.of("levels"),
        Subject.membership(DANA, Scenario.PCOP), AS_OF);
  }

  private static Instant on(LocalDate day) {
    return day.atTime(15, 0).atZone(Scenario.ZONE).toInstant();
  }

  /**
   * Community calls every 7 days from {@code first} (call-0, call-1, ...), and another meeting
   * the day after each; Dana attends the calls in {@code attended} and every other meeting.
   */
  private static Consumer<Scenario> calls(LocalDate first, int count, int... attended) {
    return s -> {
      for (int i = 0; i < count; i++) {
        LocalDate day = first.plusDays(7L * i);
        s.seriesActivity("call-" + i, ActivityKind.MEETING, CALL, on(day), null)
            .activity("meeting-" + i, ActivityKind.MEETING, on(day.plusDays(1)), null)
            .attended("m-dana", "meeting-" + i, on(day.plusDays(1)));
      }
      for (int i : attended) {
        s.attended("m-dana", "call-" + i, on(first.plusDays(7L * i)));
      }
    };
  }

  @Test
  void aSeriesRatioCountsTheCallsAndNotTheOtherMeetings() {
    Measure half = Measure.attendanceRatio(CALL, Window.lastDays(30), 0.5, 20);
    // Four calls in the window (01-22, 01-29, 02-05, 02-12); two attended is exactly half.
    assertEquals(Optional.of("regular"), level(half, calls(FIRST, 4, 0, 3)));
    assertEquals(Optional.empty(), level(half, calls(FIRST, 4, 2)));
    // Over every meeting the same history reaches 5 of 8: the series is what tells them apart.
    assertEquals(Optional.of("regular"), level(
        Measure.attendanceRatio(ActivityKind.MEETING, Window.lastDays(30), 0.5, 20),
        calls(FIRST, 4, 2)));
  }

  @Test
  void aCallTheDayBeforeTheWindowIsNotHeldInIt() {
    Measure half = Measure.attendanceRatio(CALL, Window.lastDays(30), 0.5, 20);
    // From 01-21 the calls fall on 01-21 (outside), 01-28, 02-04, 02-11, 02-18: two of the
    // four inside attended holds; one of the four inside plus the outside one does not.
    assertEquals(Optional.of("regular"),
        level(half, calls(FIRST.minusDays(1), 5, 1, 2)));
    assertEquals(Optional.empty(), level(half, calls(FIRST.minusDays(1), 5, 0, 1)));
  }

  @Test
  void aCapCountsOnlyTheMostRecentCalls() {
    Measure capped = Measure.attendanceRatio(CALL, Window.lastDays(30), 1.0, 2);
    // Calls on 01-22, 01-29, 02-05, 02-12, 02-19 (the as-of week): the two most recent count.
    assertEquals(Optional.of("regular"), level(capped, calls(FIRST, 5, 3, 4)));
    assertEquals(Optional.empty(), level(capped, calls(FIRST, 5, 0, 1, 2, 3)));
    RuleResult result = result(capped, calls(FIRST, 5, 3));
    String text = result.getExplanation().getText();
    assertTrue(text.contains("the series \"community call\""), text);
    assertTrue(result.getExplanation().getFacts().stream()
            .anyMatch(f -> f.getValue().equals("1 of 2 most recent (of 5 held)")),
        result.getExplanation().getFacts().toString());
  }

  @Test
  void aSeriesRatioWithAKindCountsOnlyThatKindOfTheSeries() {
    Measure webinars = Measure.builder().from(
        Measure.attendanceRatio(CALL, Window.lastDays(30), 1.0, 20))
        .activityKind(ActivityKind.WEBINAR).build();
    Consumer<Scenario> oneWebinar = calls(FIRST, 3).andThen(s -> s
        .seriesActivity("web-1", ActivityKind.WEBINAR, CALL, on(FIRST.plusDays(2)), null)
        .attended("m-dana", "web-1", on(FIRST.plusDays(2))));
    assertEquals(Optional.of("regular"), level(webinars, oneWebinar));
    assertEquals(Optional.empty(), level(
        Measure.attendanceRatio(CALL, Window.lastDays(30), 1.0, 20), oneWebinar));
  }

  @Test
  void participationsInASeriesCountOnlyItsActivities() {
    Measure two = Measure.builder().kind(MeasureKind.PARTICIPATIONS).window(Window.lastDays(30))
        .threshold(2).series(CALL).build();
    assertEquals(Optional.of("regular"), level(two, calls(FIRST, 4, 0, 3)));
    // One call and four other meetings: five participations, one in the series.
    assertEquals(Optional.empty(), level(two, calls(FIRST, 4, 1)));
    Measure presented = Measure.builder().from(two).threshold(1)
        .addParticipationKinds(ParticipationKind.PRESENTED).build();
    assertEquals(Optional.empty(), level(presented, calls(FIRST, 4, 0, 3)));
    assertEquals(Optional.of("regular"), level(presented, calls(FIRST, 4).andThen(
        s -> s.took("m-dana", "call-2", ParticipationKind.PRESENTED, on(FIRST.plusDays(14))))));
  }

  @Test
  void distinctDaysInASeriesCountAHolidayLikeAnyDay() {
    LocalDate presidentsDay = LocalDate.parse("2026-02-16");
    assertTrue(!UsFederalCalendar.instance().isBusinessDay(presidentsDay));
    Measure three = Measure.builder().kind(MeasureKind.DISTINCT_DAYS).window(Window.lastDays(30))
        .threshold(3).series(CALL).build();
    // Calls on Mondays 02-02, 02-09 and Presidents' Day 02-16, each attended.
    Consumer<Scenario> mondays = calls(LocalDate.parse("2026-02-02"), 3, 0, 1, 2);
    assertEquals(Optional.of("regular"), level(three, mondays));
    assertEquals(Optional.empty(), level(Measure.builder().from(three).threshold(4).build(),
        mondays));
  }

  @Test
  void anActivityKindNarrowsACountWithoutASeries() {
    Measure webinars = Measure.builder().kind(MeasureKind.DISTINCT_ACTIVITIES)
        .window(Window.lastDays(30)).threshold(1).activityKind(ActivityKind.WEBINAR).build();
    assertEquals(Optional.empty(), level(webinars, calls(FIRST, 4, 0, 1, 2, 3)));
    assertEquals(Optional.of("regular"), level(webinars, s -> s
        .activity("web-1", ActivityKind.WEBINAR, on(FIRST), null)
        .attended("m-dana", "web-1", on(FIRST))));
    String text = result(webinars, s -> { }).getExplanation().getText();
    assertTrue(text.contains("at least 1 distinct activities (participations) in webinars"),
        text);
  }

  @Test
  void misplacedSeriesAndKindFiltersAndBlankSeriesAreRefused() {
    InvalidValueException contribution = assertThrows(InvalidValueException.class,
        () -> Measure.builder().from(Measure.contributions(ContributionKind.ANSWER_GIVEN,
            Window.lastDays(30), 1)).series(CALL).build());
    assertTrue(contribution.getMessage().contains("Measure.series"),
        contribution.getMessage());
    InvalidValueException tenure = assertThrows(InvalidValueException.class,
        () -> Measure.builder().from(Measure.tenureDays(30))
            .activityKind(ActivityKind.MEETING).build());
    assertTrue(tenure.getMessage().contains("Measure.activityKind"), tenure.getMessage());
    InvalidValueException neither = assertThrows(InvalidValueException.class,
        () -> Measure.builder().kind(MeasureKind.ATTENDANCE_RATIO).threshold(0.5).build());
    assertTrue(neither.getMessage().contains("activity kind or a series"),
        neither.getMessage());
    InvalidValueException blank = assertThrows(InvalidValueException.class,
        () -> Measure.attendanceRatio(" ", Window.lastDays(30), 0.5, 5));
    assertTrue(blank.getMessage().contains("Measure.series"), blank.getMessage());
  }
}
