package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Exchanges hosted and visited as contributions, read from the event that records an exchange
 * held (never from participations): each measure alone at the edges of its threshold and window,
 * counted, as distinct days (calendar days: an exchange on a federal holiday is a day like any
 * other) and as distinct counterparties (visiting agencies for a host, host sites for a visitor),
 * with a core-area filter; only members with an active membership when the exchange is held are
 * credited. Every case is evaluated in full and incrementally, and the two must agree.
 */
class ExchangeContributionTest {
  private static final Instant JOINED = Scenario.at("2025-06-02T09:00");
  /**
   * The as-of day is Friday 2026-07-10; a 30-day window starts on Thursday 2026-06-11 and holds
   * Juneteenth (Friday 2026-06-19) and Independence Day observed (Friday 2026-07-03).
   */
  private static final Instant AS_OF = Scenario.at("2026-07-10T18:00");
  private static final LocalDate FIRST = LocalDate.parse("2026-06-11");
  private static final MemberId DANA = MemberId.of("m-dana");

  /** Dana of a-kc (site s-kc), active since 2025. */
  private static Scenario people() {
    return new Scenario().taxonomy(JOINED).member("m-dana", "a-kc", JOINED)
        .membership("m-dana", MembershipRole.MEMBER, MembershipStatus.ACTIVE, JOINED);
  }

  private static RuleSet ladder(Measure measure) {
    return RuleSet.builder().id("exchanges").version(1)
        .addRule(EngagementLevelRule.builder().id(RuleId.of("levels")).community(Scenario.PCOP)
            .addLevel(Level.of("host", measure)).build())
        .build();
  }

  private static Optional<String> level(Measure measure, Consumer<Scenario> history) {
    return result(measure, history).findings(LevelChange.class).stream().findFirst()
        .flatMap(LevelChange::getTo);
  }

  /** Dana's result in full evaluation, checked against the history applied event by event. */
  private static RuleResult result(Measure measure, Consumer<Scenario> history) {
    Scenario s = people();
    history.accept(s);
    return s.fullEqualsIncremental(ladder(measure), RuleId.of("levels"),
        Subject.membership(DANA, Scenario.PCOP), AS_OF);
  }

  /** Exchanges a-kc hosts at s-kc for a-mem, held {@code gap} days apart from {@code first}. */
  private static Consumer<Scenario> hosted(int n, LocalDate first, int gap) {
    return s -> {
      for (int i = 0; i < n; i++) {
        s.heldExchange("x-h" + i, "a-kc", "s-kc", first.plusDays((long) gap * i), null, "a-mem");
      }
    };
  }

  @Test
  void exchangesHostedCountInTheWindowFromItsFirstDay() {
    Measure three = Measure.contributions(ContributionKind.EXCHANGE_HOSTED, Window.lastDays(30),
        3);
    assertEquals(Optional.of("host"), level(three, hosted(3, FIRST, 10)));
    assertEquals(Optional.empty(), level(three, hosted(3, FIRST.minusDays(1), 10)));
    assertEquals(Optional.empty(), level(three, hosted(2, FIRST, 10)));
    // Hosting is not visiting.
    assertEquals(Optional.empty(), level(Measure.contributions(ContributionKind.EXCHANGE_VISITED,
        Window.lastDays(30), 1), hosted(3, FIRST, 10)));
  }

  @Test
  void anExchangeVisitedCountsForTheVisitingAgencysMembers() {
    Measure one = Measure.contributions(ContributionKind.EXCHANGE_VISITED, Window.lastDays(30),
        1);
    assertEquals(Optional.of("host"), level(one, s -> s.heldExchange("x-v", "a-mem", "s-mem",
        FIRST.plusDays(3), null, "a-stl", "a-kc")));
    assertEquals(Optional.empty(), level(one, s -> s.heldExchange("x-v", "a-mem", "s-mem",
        FIRST.plusDays(3), null, "a-stl")));
  }

  @Test
  void distinctVisitingAgenciesForAHostAtTheEdge() {
    Measure two = Measure.contributionCounterparties(ContributionKind.EXCHANGE_HOSTED,
        Window.lastDays(30), 2);
    Consumer<Scenario> twoAgencies = s -> s
        .heldExchange("x-1", "a-kc", "s-kc", FIRST.plusDays(1), null, "a-mem")
        .heldExchange("x-2", "a-kc", "s-kc", FIRST.plusDays(2), null, "a-mem", "a-stl")
        .heldExchange("x-3", "a-kc", "s-kc", FIRST.plusDays(3), null, "a-stl");
    assertEquals(Optional.of("host"), level(two, twoAgencies));
    assertEquals(Optional.empty(), level(Measure.contributionCounterparties(
        ContributionKind.EXCHANGE_HOSTED, Window.lastDays(30), 3), twoAgencies));
    RuleResult result = result(Measure.contributionCounterparties(
        ContributionKind.EXCHANGE_HOSTED, Window.lastDays(30), 3), twoAgencies);
    assertTrue(result.getExplanation().getText()
            .contains("exchanges hosted with at least 3 distinct visiting agencies"),
        result.getExplanation().getText());
  }

  @Test
  void distinctHostSitesForAVisitorAtTheEdge() {
    Measure two = Measure.contributionCounterparties(ContributionKind.EXCHANGE_VISITED,
        Window.lastDays(30), 2);
    Consumer<Scenario> sites = s -> s
        .heldExchange("x-1", "a-mem", "s-mem", FIRST.plusDays(1), null, "a-kc")
        .heldExchange("x-2", "a-mem2", "s-mem", FIRST.plusDays(2), null, "a-kc")
        .heldExchange("x-3", "a-stl", "s-stl", FIRST.minusDays(1), null, "a-kc");
    // Two agencies at one site inside the window, a second site the day before it opens.
    assertEquals(Optional.empty(), level(two, sites));
    assertEquals(Optional.of("host"), level(two, sites.andThen(s -> s
        .heldExchange("x-4", "a-stl", "s-stl", FIRST, null, "a-kc"))));
  }

  @Test
  void distinctDaysCountFederalHolidaysAndOneDayOnce() {
    LocalDate juneteenth = LocalDate.parse("2026-06-19");
    LocalDate independenceObserved = LocalDate.parse("2026-07-03");
    assertFalse(UsFederalCalendar.instance().isBusinessDay(juneteenth));
    assertFalse(UsFederalCalendar.instance().isBusinessDay(independenceObserved));
    Consumer<Scenario> days = s -> s
        .heldExchange("x-1", "a-kc", "s-kc", juneteenth, null, "a-mem")
        .heldExchange("x-2", "a-kc", "s-kc", independenceObserved, null, "a-mem")
        .heldExchange("x-3", "a-kc", "s-kc", independenceObserved, null, "a-stl")
        .heldExchange("x-4", "a-mem", "s-mem", LocalDate.parse("2026-07-06"), null, "a-kc");
    Measure hostedTwo = Measure.contributionDays(ContributionKind.EXCHANGE_HOSTED,
        Window.lastDays(30), 2);
    assertEquals(Optional.of("host"), level(hostedTwo, days));
    // Three exchanges hosted on two days; the visit of 07-06 is another kind.
    assertEquals(Optional.empty(), level(Measure.contributionDays(
        ContributionKind.EXCHANGE_HOSTED, Window.lastDays(30), 3), days));
  }

  @Test
  void onlyMembersActiveWhenTheExchangeIsHeldAreCredited() {
    Measure one = Measure.contributions(ContributionKind.EXCHANGE_HOSTED, Window.lastDays(30),
        1);
    LocalDate held = FIRST.plusDays(5);
    Instant before = held.minusDays(1).atTime(9, 0).atZone(Scenario.ZONE).toInstant();
    // Suspended through the day it is held: not credited, nor after reinstatement.
    assertEquals(Optional.empty(), level(one, s -> s
        .suspended("m-dana", MembershipRole.MEMBER, held.toString(), before)
        .heldExchange("x-1", "a-kc", "s-kc", held, null, "a-mem")
        .membership("m-dana", MembershipRole.MEMBER, MembershipStatus.ACTIVE,
            held.plusDays(2).atStartOfDay(Scenario.ZONE).toInstant())));
    // A suspension that ended the day before no longer stands in the way.
    assertEquals(Optional.of("host"), level(one, s -> s
        .suspended("m-dana", MembershipRole.MEMBER, held.minusDays(1).toString(), before)
        .heldExchange("x-1", "a-kc", "s-kc", held, null, "a-mem")
        .membership("m-dana", MembershipRole.MEMBER, MembershipStatus.ACTIVE,
            held.plusDays(2).atStartOfDay(Scenario.ZONE).toInstant())));
    // Another member of the host agency, invited only, is not credited.
    Scenario invited = people().member("m-eve", "a-kc", JOINED)
        .invited("m-eve", MembershipRole.MEMBER, "m-dana", JOINED);
    hosted(1, held, 1).accept(invited);
    RuleResult eve = RuleEngine.evaluate(ladder(one), invited.record, AS_OF,
        UsFederalCalendar.instance()).results(Subject.membership(MemberId.of("m-eve"),
            Scenario.PCOP)).stream().findFirst().orElse(null);
    assertTrue(eve == null || eve.findings(LevelChange.class).isEmpty(), String.valueOf(eve));
  }

  @Test
  void exchangesAreNeverCopiedIntoParticipations() {
    Consumer<Scenario> three = hosted(3, FIRST, 3);
    assertEquals(Optional.empty(), level(Measure.participations(Window.lastDays(30), 1), three));
    assertEquals(Optional.empty(), level(Measure.distinctDays(Window.lastDays(30), 1), three));
    assertEquals(Optional.of("host"), level(Measure.contributions(
        ContributionKind.EXCHANGE_HOSTED, Window.lastDays(30), 3), three));
  }

  @Test
  void aCoreAreaFilterCountsTheExchangesServingIt() {
    Consumer<Scenario> mixed = s -> s
        .heldExchange("x-1", "a-kc", "s-kc", FIRST.plusDays(1), "gun-violence", "a-mem")
        .heldExchange("x-2", "a-kc", "s-kc", FIRST.plusDays(2), "victim-services", "a-mem")
        .heldExchange("x-3", "a-kc", "s-kc", FIRST.plusDays(3), null, "a-mem");
    Measure gunViolence = Measure.builder().kind(MeasureKind.CONTRIBUTIONS)
        .contribution(ContributionKind.EXCHANGE_HOSTED).window(Window.lastDays(30)).threshold(1)
        .addCoreAreas(CoreAreaId.of("gun-violence")).build();
    assertEquals(Optional.of("host"), level(gunViolence, mixed));
    assertEquals(Optional.empty(), level(Measure.builder().from(gunViolence).threshold(2)
        .build(), mixed));
    assertEquals(Optional.of("host"), level(Measure.builder().from(gunViolence).threshold(2)
        .addCoreAreas(CoreAreaId.of("victim-services")).build(), mixed));
    InvalidValueException topic = assertThrows(InvalidValueException.class,
        () -> Measure.builder().from(gunViolence).addTopics(TopicId.of("gun-violence.nibin"))
            .build());
    assertTrue(topic.getMessage().contains("an exchange has no topic"), topic.getMessage());
  }
}
