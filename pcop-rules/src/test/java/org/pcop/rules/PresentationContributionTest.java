package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.SiteId;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TopicId;
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
 * Presentations given as a contribution, read from the participation of kind {@code PRESENTED}
 * that records each: each measure alone at the edges of its threshold and window, counted, as
 * distinct days (calendar days: a presentation on a federal holiday is a day like any other), as
 * distinct host sites, as a capped share of the activities held, and narrowed by activity kind,
 * series, topic and core area. Every case is evaluated in full and incrementally, and the two
 * must agree.
 */
class PresentationContributionTest {
  private static final Instant JOINED = Scenario.at("2025-06-02T09:00");
  /**
   * The as-of day is Friday 2026-07-10; a 30-day window starts on Thursday 2026-06-11 and holds
   * Juneteenth (Friday 2026-06-19) and Independence Day observed (Friday 2026-07-03).
   */
  private static final Instant AS_OF = Scenario.at("2026-07-10T18:00");
  private static final LocalDate FIRST = LocalDate.parse("2026-06-11");
  private static final MemberId DANA = MemberId.of("m-dana");
  private static final String CALLS = "community call";

  private static Scenario people() {
    return new Scenario().taxonomy(JOINED).twoSites(JOINED).member("m-dana", "a-kc", JOINED)
        .membership("m-dana", MembershipRole.MEMBER, MembershipStatus.ACTIVE, JOINED);
  }

  private static Optional<String> level(Measure measure, Consumer<Scenario> history) {
    return result(measure, history).findings(LevelChange.class).stream().findFirst()
        .flatMap(LevelChange::getTo);
  }

  /** Dana's result in full evaluation, checked against the history applied event by event. */
  private static RuleResult result(Measure measure, Consumer<Scenario> history) {
    Scenario s = people();
    history.accept(s);
    RuleSet rules = RuleSet.builder().id("presentations").version(1)
        .addRule(EngagementLevelRule.builder().id(RuleId.of("levels")).community(Scenario.PCOP)
            .addLevel(Level.of("presenter", measure)).build())
        .build();
    return s.fullEqualsIncremental(rules, RuleId.of("levels"),
        Subject.membership(DANA, Scenario.PCOP), AS_OF);
  }

  private static Instant on(LocalDate day) {
    return day.atTime(10, 0).atZone(Scenario.ZONE).toInstant();
  }

  /** A webinar hosted at {@code site} (none if null) on {@code day}, which Dana presents in. */
  private static Consumer<Scenario> presents(String id, LocalDate day, String site) {
    return s -> s.recorded(Scenario.activity(id, ActivityKind.WEBINAR, on(day))
            .hostSite(Optional.ofNullable(site).map(SiteId::of)).build())
        .took("m-dana", id, ParticipationKind.PRESENTED, on(day));
  }

  /** {@code n} webinars {@code gap} days apart from {@code first}, each presented in. */
  private static Consumer<Scenario> presentations(int n, LocalDate first, int gap) {
    Consumer<Scenario> all = s -> { };
    for (int i = 0; i < n; i++) {
      all = all.andThen(presents("w-" + i, first.plusDays((long) gap * i), "s-kc"));
    }
    return all;
  }

  @Test
  void presentationsCountInTheWindowFromItsFirstDay() {
    Measure three = Measure.contributions(ContributionKind.PRESENTATION_GIVEN,
        Window.lastDays(30), 3);
    assertEquals(Optional.of("presenter"), level(three, presentations(3, FIRST, 10)));
    assertEquals(Optional.empty(), level(three, presentations(3, FIRST.minusDays(1), 10)));
    assertEquals(Optional.empty(), level(three, presentations(2, FIRST, 10)));
    // Attending is not presenting.
    assertEquals(Optional.empty(), level(Measure.contributions(
        ContributionKind.PRESENTATION_GIVEN, Window.lastDays(30), 1), s -> s
        .activity("w-1", ActivityKind.WEBINAR, on(FIRST), "s-kc")
        .attended("m-dana", "w-1", on(FIRST))));
  }

  @Test
  void distinctDaysCountFederalHolidaysAndOneDayOnce() {
    LocalDate juneteenth = LocalDate.parse("2026-06-19");
    LocalDate independenceObserved = LocalDate.parse("2026-07-03");
    assertFalse(UsFederalCalendar.instance().isBusinessDay(juneteenth));
    assertFalse(UsFederalCalendar.instance().isBusinessDay(independenceObserved));
    Consumer<Scenario> days = presents("w-1", juneteenth, "s-kc")
        .andThen(presents("w-2", independenceObserved, "s-kc"))
        .andThen(presents("w-3", independenceObserved, "s-mem"));
    assertEquals(Optional.of("presenter"), level(Measure.contributionDays(
        ContributionKind.PRESENTATION_GIVEN, Window.lastDays(30), 2), days));
    assertEquals(Optional.empty(), level(Measure.contributionDays(
        ContributionKind.PRESENTATION_GIVEN, Window.lastDays(30), 3), days));
  }

  @Test
  void distinctHostSitesAtTheEdge() {
    // Two sites, one of them twice; an online webinar has no host site.
    Consumer<Scenario> sites = presents("w-1", FIRST, "s-kc")
        .andThen(presents("w-2", FIRST.plusDays(1), "s-kc"))
        .andThen(presents("w-3", FIRST.plusDays(2), "s-mem"))
        .andThen(presents("w-4", FIRST.plusDays(3), null))
        .andThen(presents("w-5", FIRST.minusDays(1), "s-stl"));
    assertEquals(Optional.of("presenter"), level(Measure.contributionCounterparties(
        ContributionKind.PRESENTATION_GIVEN, Window.lastDays(30), 2), sites));
    Measure three = Measure.contributionCounterparties(ContributionKind.PRESENTATION_GIVEN,
        Window.lastDays(30), 3);
    assertEquals(Optional.empty(), level(three, sites));
    String text = result(three, sites).getExplanation().getText();
    assertTrue(text.contains("presentations given across at least 3 distinct host sites"),
        text);
  }

  @Test
  void aShareOfTheActivitiesHeldWithACap() {
    // A quarter of the webinars held in the window, at most 2 required.
    Measure quarter = Measure.contributionShare(ContributionKind.PRESENTATION_GIVEN,
        Window.lastDays(30), 0.25, 2);
    Consumer<Scenario> four = webinars(4, FIRST);
    // 4 held: 1 required.
    assertEquals(Optional.of("presenter"), level(quarter,
        four.andThen(presentsIn("w-0", FIRST))));
    // 5 held: 2 required; the fifth the day before the window opens does not count.
    assertEquals(Optional.of("presenter"), level(quarter, four.andThen(webinars(1,
        FIRST.minusDays(1), "w-old")).andThen(presentsIn("w-0", FIRST))));
    assertEquals(Optional.empty(), level(quarter, webinars(5, FIRST)
        .andThen(presentsIn("w-0", FIRST))));
    // 20 held: 5 by the ratio, capped at 2.
    Consumer<Scenario> twenty = webinars(20, FIRST).andThen(presentsIn("w-0", FIRST))
        .andThen(presentsIn("w-1", FIRST.plusDays(1)));
    assertEquals(Optional.of("presenter"), level(quarter, twenty));
    String text = result(Measure.builder().from(quarter).cap(3).build(), twenty)
        .getExplanation().getText();
    assertTrue(text.contains("2 of 3 required (of 20 activities held)"), text);
    // None held: nothing is required.
    assertEquals(Optional.of("presenter"), level(quarter, s -> { }));
  }

  private static Consumer<Scenario> webinars(int n, LocalDate first) {
    return webinars(n, first, "w");
  }

  /** {@code n} webinars, one a day from {@code first}, ids {@code prefix-0} on. */
  private static Consumer<Scenario> webinars(int n, LocalDate first, String prefix) {
    return s -> {
      for (int i = 0; i < n; i++) {
        s.activity(prefix + "-" + i, ActivityKind.WEBINAR, on(first.plusDays(i)), "s-kc");
      }
    };
  }

  private static Consumer<Scenario> presentsIn(String activity, LocalDate day) {
    return s -> s.took("m-dana", activity, ParticipationKind.PRESENTED, on(day));
  }

  @Test
  void activityKindAndSeriesFiltersNarrowPresentations() {
    Consumer<Scenario> mixed = s -> s
        .seriesActivity("call-1", ActivityKind.MEETING, CALLS, on(FIRST), null)
        .seriesActivity("call-2", ActivityKind.WEBINAR, CALLS, on(FIRST.plusDays(7)), null)
        .activity("w-1", ActivityKind.WEBINAR, on(FIRST.plusDays(8)), "s-kc")
        .took("m-dana", "call-1", ParticipationKind.PRESENTED, on(FIRST))
        .took("m-dana", "call-2", ParticipationKind.PRESENTED, on(FIRST.plusDays(7)))
        .took("m-dana", "w-1", ParticipationKind.PRESENTED, on(FIRST.plusDays(8)));
    Measure webinars = Measure.builder().kind(MeasureKind.CONTRIBUTIONS)
        .contribution(ContributionKind.PRESENTATION_GIVEN).window(Window.lastDays(30))
        .activityKind(ActivityKind.WEBINAR).threshold(2).build();
    assertEquals(Optional.of("presenter"), level(webinars, mixed));
    assertEquals(Optional.empty(), level(Measure.builder().from(webinars).threshold(3).build(),
        mixed));
    Measure calls = Measure.builder().from(webinars).activityKind(Optional.empty())
        .series(CALLS).threshold(2).build();
    assertEquals(Optional.of("presenter"), level(calls, mixed));
    // Both filters: one activity must pass both.
    Measure webinarCalls = Measure.builder().from(calls).activityKind(ActivityKind.WEBINAR)
        .build();
    assertEquals(Optional.empty(), level(webinarCalls, mixed));
    String text = result(webinarCalls, mixed).getExplanation().getText();
    assertTrue(text.contains("at least 2 presentations given in webinars of the series"
        + " \"community call\""), text);
    assertEquals(Optional.of("presenter"), level(Measure.builder().from(webinarCalls)
        .threshold(1).build(), mixed));
  }

  @Test
  void topicAndCoreAreaFiltersReadTheActivityPresentedIn() {
    Consumer<Scenario> mixed = s -> s
        .recorded(Scenario.activity("w-1", ActivityKind.WEBINAR, on(FIRST))
            .addTopics(TopicId.of("gun-violence.nibin")).build())
        .recorded(Scenario.activity("w-2", ActivityKind.WEBINAR, on(FIRST.plusDays(1)))
            .addCoreAreas(CoreAreaId.of("victim-services")).build())
        .activity("w-3", ActivityKind.WEBINAR, on(FIRST.plusDays(2)), "s-kc")
        .took("m-dana", "w-1", ParticipationKind.PRESENTED, on(FIRST))
        .took("m-dana", "w-2", ParticipationKind.PRESENTED, on(FIRST.plusDays(1)))
        .took("m-dana", "w-3", ParticipationKind.PRESENTED, on(FIRST.plusDays(2)));
    Measure nibin = Measure.builder().kind(MeasureKind.CONTRIBUTIONS)
        .contribution(ContributionKind.PRESENTATION_GIVEN).window(Window.lastDays(30))
        .addTopics(TopicId.of("gun-violence.nibin")).threshold(1).build();
    assertEquals(Optional.of("presenter"), level(nibin, mixed));
    assertEquals(Optional.empty(), level(Measure.builder().from(nibin).threshold(2).build(),
        mixed));
    // The core area of the topic, in the taxonomy, as well as an activity's own core areas.
    Measure areas = Measure.builder().from(nibin).topics(java.util.Set.of())
        .addCoreAreas(CoreAreaId.of("gun-violence"), CoreAreaId.of("victim-services"))
        .threshold(2).build();
    assertEquals(Optional.of("presenter"), level(areas, mixed));
    assertEquals(Optional.empty(), level(Measure.builder().from(areas).threshold(3).build(),
        mixed));
  }

  @Test
  void presentationsStillCountAsParticipations() {
    Consumer<Scenario> one = presentations(1, FIRST, 1);
    assertEquals(Optional.of("presenter"), level(Measure.participations(Window.lastDays(30), 1,
        ParticipationKind.PRESENTED), one));
    assertEquals(Optional.of("presenter"), level(Measure.contributions(
        ContributionKind.PRESENTATION_GIVEN, Window.lastDays(30), 1), one));
  }
}
