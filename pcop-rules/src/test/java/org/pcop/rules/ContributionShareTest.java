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
import org.pcop.rules.definition.ContributionKind;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.Window;

/**
 * A contribution share: a ratio of the community's requests posted (or exchanges held) in the
 * window, with a cap on the contributions required, {@code min(ceil(ratio * N), cap)}. Each edge
 * alone: the ratio, the cap, the window's first day, no opportunity at all, a request posted by
 * someone else that raises what is required of a member it does not touch, and hysteresis.
 * Every case is evaluated in full and incrementally, and the two must agree.
 */
class ContributionShareTest {
  private static final Instant JOINED = Scenario.at("2025-06-02T09:00");
  /** Friday 2026-04-10; a 30-day window starts on 2026-03-12. */
  private static final Instant AS_OF = Scenario.at("2026-04-10T18:00");
  private static final LocalDate FIRST = LocalDate.parse("2026-03-12");
  private static final MemberId DANA = MemberId.of("m-dana");
  private static final String NIBIN = "gun-violence.nibin";
  private static final Measure QUARTER = Measure.contributionShare(
      ContributionKind.REQUEST_ANSWERED, Window.lastDays(30), 0.25, 10);

  private static Scenario people() {
    Scenario s = new Scenario().taxonomy(JOINED).member("m-dana", "a-kc", JOINED)
        .membership("m-dana", MembershipRole.MEMBER, MembershipStatus.ACTIVE, JOINED)
        .member("m-ask", "a-mem", JOINED)
        .membership("m-ask", MembershipRole.MEMBER, MembershipStatus.ACTIVE, JOINED);
    return s;
  }

  private static RuleSet ladder(Measure measure, double fraction) {
    return RuleSet.builder().id("share").version(1)
        .addRule(EngagementLevelRule.builder().id(RuleId.of("levels")).community(Scenario.PCOP)
            .addLevel(Level.of("helper", measure)).demotionFraction(fraction).graceDays(0)
            .build())
        .build();
  }

  private static Optional<LevelChange> change(Measure measure, double fraction,
      Consumer<Scenario> history) {
    Scenario s = people();
    history.accept(s);
    RuleResult full = s.fullEqualsIncremental(ladder(measure, fraction), RuleId.of("levels"),
        Subject.membership(DANA, Scenario.PCOP), AS_OF);
    return full.findings(LevelChange.class).stream().findFirst();
  }

  private static Optional<String> level(Measure measure, Consumer<Scenario> history) {
    return change(measure, 0.9, history).flatMap(LevelChange::getTo);
  }

  private static Instant on(LocalDate day, int hour) {
    return day.atTime(hour, 0).atZone(Scenario.ZONE).toInstant();
  }

  /** {@code posted} requests from m-ask, one a day from {@code first}; Dana answers the first. */
  private static Consumer<Scenario> requests(int posted, LocalDate first, int answered) {
    return s -> {
      for (int i = 0; i < posted; i++) {
        LocalDate day = first.plusDays(i);
        s.rfi("rfi-" + i, "m-ask", NIBIN, on(day, 9));
        if (i < answered) {
          s.answered("rfi-" + i, "r-" + i, "m-dana", on(day, 11));
        }
      }
    };
  }

  @Test
  void aQuarterOfTwelveRequestsIsThreeAnswered() {
    assertEquals(Optional.of("helper"), level(QUARTER, requests(12, FIRST, 3)));
    assertEquals(Optional.empty(), level(QUARTER, requests(12, FIRST, 2)));
  }

  @Test
  void aRequestPostedBySomeoneElseRaisesTheRequirement() {
    // The thirteenth request, posted last and not answered, asks ceil(3.25) = 4 of Dana.
    assertEquals(Optional.empty(), level(QUARTER, requests(12, FIRST, 3)
        .andThen(s -> s.rfi("rfi-last", "m-ask", NIBIN, on(LocalDate.parse("2026-04-10"), 9)))));
  }

  @Test
  void aRequestPostedTheDayBeforeTheWindowIsNoOpportunity() {
    // Thirteen requests from 03-11: twelve inside the window, so three answers are enough.
    assertEquals(Optional.of("helper"), level(QUARTER, requests(13, FIRST.minusDays(1), 0)
        .andThen(s -> {
          for (int i = 1; i <= 3; i++) {
            s.answered("rfi-" + i, "r-" + i, "m-dana", on(FIRST.plusDays(i), 11));
          }
        })));
    assertEquals(Optional.empty(), level(QUARTER, requests(13, FIRST, 3)));
  }

  @Test
  void theCapLimitsWhatIsRequired() {
    // 29 requests: a quarter would be 8; at most 5 are required.
    Measure capped = Measure.contributionShare(ContributionKind.REQUEST_ANSWERED,
        Window.lastDays(30), 0.25, 5);
    assertEquals(Optional.of("helper"), level(capped, requests(29, FIRST, 5)));
    assertEquals(Optional.empty(), level(capped, requests(29, FIRST, 4)));
    assertEquals(Optional.empty(), level(QUARTER, requests(29, FIRST, 5)));
  }

  @Test
  void withoutOpportunitiesNothingIsRequired() {
    assertEquals(Optional.of("helper"), level(QUARTER, s -> { }));
  }

  @Test
  void aShareMayFallToTheDemotionFractionOfTheRequirement() {
    // Helper since 2026-01-05; 3 of 4 required is 75% of the requirement.
    Consumer<Scenario> history = requests(13, FIRST, 3).andThen(s -> s.levelChanged("m-dana",
        null, "helper", Scenario.at("2026-01-05T18:00")));
    assertEquals(Optional.empty(), change(QUARTER, 0.75, history));
    LevelChange demoted = change(QUARTER, 0.8, history).orElseThrow();
    assertEquals(Optional.empty(), demoted.getTo());
    assertTrue(demoted.getReason().contains("is 3 of 4 required (of 13 requests posted), below"
        + " 80% of what is required"), demoted.getReason());
  }

  @Test
  void exchangesHostedAreAShareOfTheExchangesHeld() {
    Measure half = Measure.contributionShare(ContributionKind.EXCHANGE_HOSTED,
        Window.lastDays(30), 0.5, 5);
    Consumer<Scenario> four = s -> s
        .heldExchange("x-1", "a-kc", "s-kc", FIRST.plusDays(1), null, "a-mem")
        .heldExchange("x-2", "a-mem", "s-mem", FIRST.plusDays(2), null, "a-stl")
        .heldExchange("x-3", "a-stl", "s-stl", FIRST.plusDays(3), null, "a-mem");
    assertEquals(Optional.empty(), level(half, four.andThen(s -> s
        .heldExchange("x-4", "a-mem", "s-mem", FIRST.plusDays(4), null, "a-stl"))));
    assertEquals(Optional.of("helper"), level(half, four.andThen(s -> s
        .heldExchange("x-4", "a-kc", "s-kc", FIRST.plusDays(4), null, "a-stl"))));
  }

  @Test
  void aShareIsARatioBetweenZeroAndOne() {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> Measure.contributionShare(ContributionKind.ANSWER_GIVEN, Window.lastDays(30), 1.5,
            3));
    assertTrue(e.getMessage().contains("between 0 and 1"), e.getMessage());
    assertTrue(QUARTER.describe().equals("requests answered: at least 25% of the requests"
        + " posted in the community, at most 10 required"), QUARTER.describe());
  }
}
