package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
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
 * Measures over contributions read from request-for-information events, each alone at the edges
 * of its threshold and window: answers given, requests answered, accepted answers received and
 * given, requests posted; counted, as distinct days and as distinct counterparties, filtered by
 * topic and core area. Every case is evaluated in full and incrementally, and the two must agree.
 */
class ContributionMeasureTest {
  private static final Instant JOINED = Scenario.at("2025-06-02T09:00");
  /** The as-of day is Friday 2026-04-10; a 30-day window starts on 2026-03-12. */
  private static final Instant AS_OF = Scenario.at("2026-04-10T18:00");
  private static final MemberId DANA = MemberId.of("m-dana");
  private static final String NIBIN = "gun-violence.nibin";
  private static final String NOTICE = "victim-services.notification";

  /** Dana, plus askers m-a0..m-a9, all members of the community. */
  private static Scenario people() {
    Scenario s = new Scenario().taxonomy(JOINED).localAgency("a-kc", null, JOINED)
        .member("m-dana", "a-kc", JOINED)
        .membership("m-dana", MembershipRole.MEMBER, MembershipStatus.ACTIVE, JOINED);
    for (int i = 0; i < 10; i++) {
      s.member("m-a" + i, "a-kc", JOINED)
          .membership("m-a" + i, MembershipRole.MEMBER, MembershipStatus.ACTIVE, JOINED);
    }
    return s;
  }

  private static RuleSet ladder(Measure measure) {
    return RuleSet.builder().id("contrib").version(1)
        .addRule(EngagementLevelRule.builder().id(RuleId.of("levels")).community(Scenario.PCOP)
            .addLevel(Level.of("contributor", measure)).build())
        .build();
  }

  /**
   * Dana's level under a one-level ladder, in full evaluation; the same history applied event by
   * event to an incremental evaluator must give the same result.
   */
  private static Optional<String> level(Measure measure, Consumer<Scenario> history) {
    Scenario s = people();
    history.accept(s);
    RuleSet rules = ladder(measure);
    RuleResult full = RuleEngine.evaluate(rules, s.record, AS_OF, UsFederalCalendar.instance())
        .results(Subject.membership(DANA, Scenario.PCOP)).get(0);
    Scenario replay = new Scenario();
    IncrementalEvaluator incremental = IncrementalEvaluator.start(rules, replay.record, AS_OF,
        UsFederalCalendar.instance());
    for (var event : s.log) {
      incremental.apply(event);
    }
    Subject dana = Subject.membership(DANA, Scenario.PCOP);
    assertEquals(Optional.of(full), incremental.result(RuleId.of("levels"), dana));
    assertEquals(full.getExplanation().getText(),
        incremental.result(RuleId.of("levels"), dana).get().getExplanation().getText());
    return full.findings(LevelChange.class).stream().findFirst().flatMap(LevelChange::getTo);
  }

  private static Instant day(String date) {
    return Scenario.at(date + "T10:00");
  }

  /** Dana answers {@code n} requests, one a day from {@code first}, each from another asker. */
  private static Consumer<Scenario> answers(int n, String first, String topic) {
    return s -> {
      java.time.LocalDate d = java.time.LocalDate.parse(first);
      for (int i = 0; i < n; i++) {
        Instant at = day(d.plusDays(i).toString());
        s.rfi("rfi-" + i, "m-a" + i, topic, at.minusSeconds(3600))
            .answered("rfi-" + i, "r-" + i, "m-dana", at);
      }
    };
  }

  @Test
  void answersGivenCountInTheWindowFromItsFirstDay() {
    Measure three = Measure.contributions(ContributionKind.ANSWER_GIVEN, Window.lastDays(30), 3);
    assertEquals(Optional.of("contributor"), level(three, answers(3, "2026-03-12", NIBIN)));
    // The first of three answers falls on the day before the window opens.
    assertEquals(Optional.empty(), level(three, answers(3, "2026-03-11", NIBIN)));
    assertEquals(Optional.empty(), level(three, answers(2, "2026-04-01", NIBIN)));
  }

  @Test
  void anAnswerAfterTheAsOfInstantDoesNotCountYet() {
    Measure one = Measure.contributions(ContributionKind.ANSWER_GIVEN, Window.lastDays(30), 1);
    assertEquals(Optional.empty(), level(one, s -> s.rfi("rfi-x", "m-a1", NIBIN,
        day("2026-04-09")).answered("rfi-x", "r-x", "m-dana", day("2026-04-11"))));
    assertEquals(Optional.of("contributor"), level(one, s -> s.rfi("rfi-x", "m-a1", NIBIN,
        day("2026-04-09")).answered("rfi-x", "r-x", "m-dana", day("2026-04-10"))));
  }

  @Test
  void aRequestAnsweredTwiceCountsTwiceAsAnswersAndOnceAsARequest() {
    Consumer<Scenario> twice = s -> s.rfi("rfi-x", "m-a1", NIBIN, day("2026-04-01"))
        .answered("rfi-x", "r-1", "m-dana", day("2026-04-02"))
        .answered("rfi-x", "r-2", "m-dana", day("2026-04-03"));
    assertEquals(Optional.of("contributor"), level(
        Measure.contributions(ContributionKind.ANSWER_GIVEN, Window.lastDays(30), 2), twice));
    assertEquals(Optional.of("contributor"), level(
        Measure.contributions(ContributionKind.REQUEST_ANSWERED, Window.lastDays(30), 1),
        twice));
    assertEquals(Optional.empty(), level(
        Measure.contributions(ContributionKind.REQUEST_ANSWERED, Window.lastDays(30), 2),
        twice));
  }

  /** Dana's answers accepted by {@code askers} distinct askers over {@code days} days. */
  private static Consumer<Scenario> accepted(int answers, int askers, int days) {
    return s -> {
      for (int i = 0; i < answers; i++) {
        Instant at = day(java.time.LocalDate.parse("2026-03-20").plusDays(i % days).toString());
        s.rfi("rfi-" + i, "m-a" + (i % askers), NIBIN, at)
            .answered("rfi-" + i, "r-" + i, "m-dana", at.plusSeconds(60))
            .accepted("rfi-" + i, "r-" + i, "m-a" + (i % askers), at.plusSeconds(120));
      }
    };
  }

  @Test
  void acceptedAnswersFromDistinctAskersAtTheEdge() {
    Measure five = Measure.contributionCounterparties(ContributionKind.ACCEPTED_ANSWER_RECEIVED,
        Window.lastDays(30), 5);
    assertEquals(Optional.of("contributor"), level(five, accepted(8, 5, 8)));
    assertEquals(Optional.empty(), level(five, accepted(8, 4, 8)));
  }

  @Test
  void acceptedAnswersOnDistinctDaysAtTheEdge() {
    Measure seven = Measure.contributionDays(ContributionKind.ACCEPTED_ANSWER_RECEIVED,
        Window.lastDays(30), 7);
    assertEquals(Optional.of("contributor"), level(seven, accepted(9, 9, 7)));
    assertEquals(Optional.empty(), level(seven, accepted(9, 9, 6)));
  }

  @Test
  void anAnswerOnlyGivenIsNotAnAcceptedAnswer() {
    Measure one = Measure.contributions(ContributionKind.ACCEPTED_ANSWER_RECEIVED,
        Window.lastDays(30), 1);
    assertEquals(Optional.empty(), level(one, answers(5, "2026-04-01", NIBIN)));
  }

  @Test
  void acceptingAnswersAndPostingRequestsCountForTheAsker() {
    Consumer<Scenario> asks = s -> s.rfi("rfi-x", "m-dana", NIBIN, day("2026-04-01"))
        .answered("rfi-x", "r-1", "m-a1", day("2026-04-02"))
        .answered("rfi-x", "r-2", "m-a2", day("2026-04-02"))
        .accepted("rfi-x", "r-2", "m-dana", day("2026-04-03"));
    assertEquals(Optional.of("contributor"), level(
        Measure.contributions(ContributionKind.REQUEST_POSTED, Window.lastDays(30), 1), asks));
    assertEquals(Optional.of("contributor"), level(Measure.contributionCounterparties(
        ContributionKind.ACCEPTED_ANSWER_GIVEN, Window.lastDays(30), 1), asks));
    assertEquals(Optional.empty(), level(
        Measure.contributions(ContributionKind.ACCEPTED_ANSWER_GIVEN, Window.lastDays(30), 2),
        asks));
  }

  @Test
  void answeringOnesOwnRequestIsNoCounterparty() {
    Measure one = Measure.contributionCounterparties(ContributionKind.ANSWER_GIVEN,
        Window.lastDays(30), 1);
    Consumer<Scenario> own = s -> s.rfi("rfi-x", "m-dana", NIBIN, day("2026-04-01"))
        .answered("rfi-x", "r-1", "m-dana", day("2026-04-02"));
    assertEquals(Optional.empty(), level(one, own));
    assertEquals(Optional.of("contributor"), level(
        Measure.contributions(ContributionKind.ANSWER_GIVEN, Window.lastDays(30), 1), own));
  }

  @Test
  void topicAndCoreAreaFiltersCountOnlyMatchingRequests() {
    Consumer<Scenario> mixed = answers(2, "2026-04-01", NIBIN)
        .andThen(s -> s.rfi("rfi-v", "m-a9", NOTICE, day("2026-04-05"))
            .answered("rfi-v", "r-v", "m-dana", day("2026-04-06")));
    Measure nibinThree = Measure.builder().kind(MeasureKind.CONTRIBUTIONS)
        .contribution(ContributionKind.ANSWER_GIVEN).window(Window.lastDays(30)).threshold(3)
        .addTopics(TopicId.of(NIBIN)).build();
    Measure nibinTwo = Measure.builder().from(nibinThree).threshold(2).build();
    Measure areaTwo = Measure.builder().kind(MeasureKind.CONTRIBUTIONS)
        .contribution(ContributionKind.ANSWER_GIVEN).window(Window.lastDays(30)).threshold(2)
        .addCoreAreas(CoreAreaId.of("gun-violence")).build();
    Measure areaThree = Measure.builder().from(areaTwo).threshold(3).build();
    Measure either = Measure.builder().from(areaThree)
        .addCoreAreas(CoreAreaId.of("victim-services")).build();
    assertEquals(Optional.empty(), level(nibinThree, mixed));
    assertEquals(Optional.of("contributor"), level(nibinTwo, mixed));
    assertEquals(Optional.of("contributor"), level(areaTwo, mixed));
    assertEquals(Optional.empty(), level(areaThree, mixed));
    assertEquals(Optional.of("contributor"), level(either, mixed));
  }

  @Test
  void theExplanationNamesTheContributionAndItsCount() {
    Scenario s = people();
    answers(2, "2026-04-01", NIBIN).accept(s);
    RuleResult result = RuleEngine.evaluate(ladder(Measure.contributionCounterparties(
        ContributionKind.ANSWER_GIVEN, Window.lastDays(30), 3)), s.record, AS_OF,
        UsFederalCalendar.instance()).results(Subject.membership(DANA, Scenario.PCOP)).get(0);
    String text = result.getExplanation().getText();
    assertTrue(text.contains("answers given from at least 3 distinct askers"), text);
    assertTrue(result.getExplanation().getFacts().stream()
        .anyMatch(f -> f.getName().contains("distinct askers") && f.getValue().equals("2")),
        result.getExplanation().getFacts().toString());
  }

  @Test
  void aMeasureWithoutItsContributionKindOrWithMisplacedFiltersIsRefused() {
    InvalidValueException missing = assertThrows(InvalidValueException.class,
        () -> Measure.builder().kind(MeasureKind.CONTRIBUTIONS).threshold(1).build());
    assertTrue(missing.getMessage().contains("contribution"), missing.getMessage());
    InvalidValueException misplaced = assertThrows(InvalidValueException.class,
        () -> Measure.builder().kind(MeasureKind.PARTICIPATIONS).threshold(1)
            .addTopics(TopicId.of(NIBIN)).build());
    assertTrue(misplaced.getMessage().contains("topic"), misplaced.getMessage());
    InvalidValueException posted = assertThrows(InvalidValueException.class,
        () -> Measure.contributionCounterparties(ContributionKind.REQUEST_POSTED,
            Window.lastDays(30), 1));
    assertTrue(posted.getMessage().contains("no counterparty"), posted.getMessage());
  }
}
