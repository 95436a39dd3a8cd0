package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import org.pcop.rules.definition.ContributionKind;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.MeasureKind;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.Window;

/**
 * Activity-kind and series filters on contribution measures: an exchange passes through the
 * activities recorded as carrying it out (also when one is recorded after the exchange was held),
 * and a share of exchanges is taken over the exchanges that pass; a request's contributions have
 * no activity, and a filter on them is refused, naming why. Every case is evaluated in full and
 * incrementally, and the two must agree.
 */
class ContributionActivityFilterTest {
  private static final Instant JOINED = Scenario.at("2025-06-02T09:00");
  private static final Instant AS_OF = Scenario.at("2026-07-10T18:00");
  private static final LocalDate FIRST = LocalDate.parse("2026-06-11");
  private static final MemberId DANA = MemberId.of("m-dana");
  private static final String REGIONAL = "regional visits";

  private static Optional<String> level(Measure measure, Consumer<Scenario> history) {
    Scenario s = new Scenario().taxonomy(JOINED).member("m-dana", "a-kc", JOINED)
        .membership("m-dana", MembershipRole.MEMBER, MembershipStatus.ACTIVE, JOINED);
    history.accept(s);
    RuleSet rules = RuleSet.builder().id("filters").version(1)
        .addRule(EngagementLevelRule.builder().id(RuleId.of("levels")).community(Scenario.PCOP)
            .addLevel(Level.of("host", measure)).build())
        .build();
    return s.fullEqualsIncremental(rules, RuleId.of("levels"),
        Subject.membership(DANA, Scenario.PCOP), AS_OF).findings(LevelChange.class).stream()
        .findFirst().flatMap(LevelChange::getTo);
  }

  private static Instant on(LocalDate day) {
    return day.atTime(9, 0).atZone(Scenario.ZONE).toInstant();
  }

  /**
   * Three exchanges hosted by a-kc: x-1 carried out by a site visit of the regional series,
   * x-2 by a peer exchange, x-3 by no activity.
   */
  private static final Consumer<Scenario> HOSTED = s -> s
      .heldExchange("x-1", "a-kc", "s-kc", FIRST.plusDays(1), null, "a-mem")
      .exchangeActivity("act-1", "x-1", ActivityKind.SITE_VISIT, REGIONAL, on(FIRST.plusDays(1)),
          "s-kc")
      .heldExchange("x-2", "a-kc", "s-kc", FIRST.plusDays(2), null, "a-mem")
      .exchangeActivity("act-2", "x-2", ActivityKind.PEER_EXCHANGE, null, on(FIRST.plusDays(2)),
          "s-kc")
      .heldExchange("x-3", "a-kc", "s-kc", FIRST.plusDays(3), null, "a-mem");

  private static Measure hosted(int count) {
    return Measure.contributions(ContributionKind.EXCHANGE_HOSTED, Window.lastDays(30), count);
  }

  @Test
  void anExchangePassesThroughTheActivitiesCarryingItOut() {
    Measure siteVisits = Measure.builder().from(hosted(1))
        .activityKind(ActivityKind.SITE_VISIT).build();
    assertEquals(Optional.of("host"), level(siteVisits, HOSTED));
    assertEquals(Optional.empty(), level(Measure.builder().from(siteVisits).threshold(2)
        .build(), HOSTED));
    Measure peer = Measure.builder().from(hosted(1)).activityKind(ActivityKind.PEER_EXCHANGE)
        .build();
    assertEquals(Optional.of("host"), level(peer, HOSTED));
    assertEquals(Optional.empty(), level(Measure.builder().from(peer).series(REGIONAL).build(),
        HOSTED));
    assertEquals(Optional.of("host"), level(Measure.builder().from(hosted(1)).series(REGIONAL)
        .build(), HOSTED));
    // Without a filter all three count.
    assertEquals(Optional.of("host"), level(hosted(3), HOSTED));
  }

  @Test
  void anActivityRecordedAfterTheExchangeWasHeldCountsIt() {
    Measure siteVisits = Measure.builder().from(hosted(2))
        .activityKind(ActivityKind.SITE_VISIT).build();
    assertEquals(Optional.empty(), level(siteVisits, HOSTED));
    assertEquals(Optional.of("host"), level(siteVisits, HOSTED.andThen(s -> s
        .exchangeActivity("act-3", "x-3", ActivityKind.SITE_VISIT, null,
            on(FIRST.plusDays(3)), "s-kc"))));
  }

  @Test
  void aShareOfExchangesIsTakenOverThoseThatPass() {
    // Half the site visits held (x-1, and x-4 hosted by another agency), at most 5 required.
    Measure half = Measure.builder().from(Measure.contributionShare(
        ContributionKind.EXCHANGE_HOSTED, Window.lastDays(30), 0.5, 5))
        .activityKind(ActivityKind.SITE_VISIT).build();
    Consumer<Scenario> other = s -> s
        .heldExchange("x-4", "a-mem", "s-mem", FIRST.plusDays(4), null, "a-stl")
        .exchangeActivity("act-4", "x-4", ActivityKind.SITE_VISIT, null, on(FIRST.plusDays(4)),
            "s-mem");
    assertEquals(Optional.of("host"), level(half, HOSTED.andThen(other)));
    // A third site visit held: 2 of 3 required.
    assertEquals(Optional.empty(), level(half, HOSTED.andThen(other).andThen(s -> s
        .heldExchange("x-5", "a-mem", "s-mem", FIRST.plusDays(5), null, "a-stl")
        .exchangeActivity("act-5", "x-5", ActivityKind.SITE_VISIT, null,
            on(FIRST.plusDays(5)), "s-mem"))));
  }

  @Test
  void anActivityKindFilterOnARequestsContributionIsRefused() {
    InvalidValueException refused = assertThrows(InvalidValueException.class,
        () -> Measure.builder().kind(MeasureKind.CONTRIBUTIONS)
            .contribution(ContributionKind.ANSWER_GIVEN).activityKind(ActivityKind.WEBINAR)
            .threshold(1).build());
    assertEquals("Measure.activityKind: a request for information has no activity, so answers"
        + " given cannot be filtered by activity kind; filter them by topic or core area",
        refused.getMessage());
  }

  @Test
  void aSeriesFilterOnARequestsContributionIsRefused() {
    InvalidValueException refused = assertThrows(InvalidValueException.class,
        () -> Measure.builder().kind(MeasureKind.CONTRIBUTION_COUNTERPARTIES)
            .contribution(ContributionKind.ACCEPTED_ANSWER_RECEIVED).series("community call")
            .threshold(1).build());
    assertEquals("Measure.series: a request for information belongs to no series of"
        + " activities, so accepted answers received cannot be filtered by series; filter them"
        + " by topic or core area", refused.getMessage());
  }

  @Test
  void activityFiltersOnMeasuresWithoutActivitiesAreRefused() {
    InvalidValueException kind = assertThrows(InvalidValueException.class,
        () -> Measure.builder().kind(MeasureKind.TENURE_DAYS).activityKind(ActivityKind.MEETING)
            .threshold(1).build());
    assertEquals("Measure.activityKind: an activity-kind filter applies to measures of"
        + " participations in activities, presentations and exchanges only, not TENURE_DAYS",
        kind.getMessage());
    InvalidValueException series = assertThrows(InvalidValueException.class,
        () -> Measure.builder().kind(MeasureKind.UPHELD_CONDUCT_FLAGS).series("community call")
            .threshold(1).build());
    assertEquals("Measure.series: a series filter applies to measures of participations in"
        + " activities, presentations and exchanges only, not UPHELD_CONDUCT_FLAGS",
        series.getMessage());
  }
}
