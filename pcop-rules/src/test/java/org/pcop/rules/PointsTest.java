package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcop.model.EngagementKind;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.PointsRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;

/** Points per kind with a monthly cap and a half-life, and the leaderboards built from them. */
class PointsTest {
  private static final Instant T = Scenario.at("2026-01-02T09:00");

  private static RuleSet rules(Integer cap, Integer halfLife) {
    var rule = PointsRule.builder().id(RuleId.of("points")).community(Scenario.PCOP)
        .putPointsPerKind(ParticipationKind.ATTENDED, 1)
        .putPointsPerKind(ParticipationKind.PRESENTED, 5)
        .capPeriod(CalendarPeriod.MONTH).leaderboardSize(2);
    if (cap != null) {
      rule.capPerPeriod(cap);
    }
    if (halfLife != null) {
      rule.halfLifeDays(halfLife);
    }
    return RuleSet.builder().id("points").version(1).addRule(rule.build()).build();
  }

  private static Scenario community() {
    Scenario s = new Scenario().twoSites(T);
    for (String[] m : new String[][] {{"m-ana", "a-kc"}, {"m-ben", "a-kc"}, {"m-cy", "a-mem"}}) {
      s.member(m[0], m[1], T).membership(m[0], MembershipRole.MEMBER, MembershipStatus.ACTIVE, T);
    }
    s.activity("w-1", ActivityKind.WEBINAR, Scenario.at("2026-03-03T13:00"), null,
        "gun-violence");
    s.activity("w-2", ActivityKind.WEBINAR, Scenario.at("2026-03-10T13:00"), null,
        "victim-services");
    s.activity("w-3", ActivityKind.WEBINAR, Scenario.at("2026-04-07T13:00"), null,
        "gun-violence");
    s.took("m-ana", "w-1", ParticipationKind.PRESENTED, Scenario.at("2026-03-03T13:00"));
    s.attended("m-ana", "w-2", Scenario.at("2026-03-10T13:00"));
    s.attended("m-ana", "w-2", Scenario.at("2026-03-10T14:00"));
    s.attended("m-ana", "w-3", Scenario.at("2026-04-07T13:00"));
    s.attended("m-ben", "w-1", Scenario.at("2026-03-03T13:00"));
    s.attended("m-ben", "w-2", Scenario.at("2026-03-10T13:00"));
    s.attended("m-cy", "w-1", Scenario.at("2026-03-03T13:00"));
    s.attended("m-cy", "w-3", Scenario.at("2026-04-07T13:00"));
    return s;
  }

  private static String points(Evaluation evaluation, String member) {
    return evaluation.results(Subject.membership(MemberId.of(member), Scenario.PCOP)).get(0)
        .getExplanation().getFacts().stream().filter(f -> f.getName().equals("points"))
        .findFirst().orElseThrow().getValue();
  }

  @Test
  void capsPointsPerMonthInTheOrderEarned() {
    // Ana earns 5 + 1 + 1 in March (capped at 6) and 1 in April.
    Evaluation evaluation = RuleEngine.evaluate(rules(6, null), community().record,
        Scenario.at("2026-04-30T12:00"), UsFederalCalendar.instance());
    assertEquals("7", points(evaluation, "m-ana"));
    assertEquals("2", points(evaluation, "m-ben"));
  }

  @Test
  void pointsHalveEveryHalfLife() {
    // Cy's point of 3 March is 60 days old on 2 May, the one of 7 April 25 days.
    Evaluation evaluation = RuleEngine.evaluate(rules(null, 30), community().record,
        Scenario.at("2026-05-02T12:00"), UsFederalCalendar.instance());
    double expected = Math.pow(0.5, 60 / 30.0) + Math.pow(0.5, 25 / 30.0);
    assertEquals(String.valueOf(Math.round(expected * 100) / 100.0), points(evaluation, "m-cy"));
  }

  @Test
  void leaderboardsRankTheCommunityEachSiteAndEachCoreArea() {
    Evaluation evaluation = RuleEngine.evaluate(rules(null, null), community().record,
        Scenario.at("2026-04-30T12:00"), UsFederalCalendar.instance());
    List<Leaderboard> boards = evaluation.findings(Leaderboard.class);
    assertEquals(List.of("community pcop", "site s-kc", "site s-mem", "core area gun-violence",
        "core area victim-services"), boards.stream().map(Leaderboard::getScope).toList());
    assertEquals(List.of(Standing.of(1, MemberId.of("m-ana"), 8),
        Standing.of(2, MemberId.of("m-ben"), 2)), boards.get(0).getStandings(),
        "the top two of three; Ben and Cy tie on 2 and Ben comes first by id");
    assertEquals(List.of(Standing.of(1, MemberId.of("m-ana"), 6),
        Standing.of(2, MemberId.of("m-cy"), 2)), boards.get(3).getStandings());
    assertEquals(List.of(Standing.of(1, MemberId.of("m-cy"), 2)), boards.get(2).getStandings());
  }

  @Test
  void tiesShareARank() {
    Scenario s = community();
    s.attended("m-ben", "w-3", Scenario.at("2026-04-07T13:00"));
    s.attended("m-cy", "w-2", Scenario.at("2026-03-10T13:00"));
    RuleSet three = RuleSet.builder().id("points").version(1).addRule(PointsRule.builder()
        .from((PointsRule) rules(null, null).getRules().get(0)).leaderboardSize(3).build())
        .build();
    List<Standing> community = RuleEngine.evaluate(three, s.record,
        Scenario.at("2026-04-30T12:00"), UsFederalCalendar.instance())
        .findings(Leaderboard.class).get(0).getStandings();
    assertEquals(List.of(Standing.of(1, MemberId.of("m-ana"), 8),
        Standing.of(2, MemberId.of("m-ben"), 3), Standing.of(2, MemberId.of("m-cy"), 3)),
        community);
  }

  @Test
  void boardsKeptEventByEventEqualAFullEvaluationAsMembersMoveAroundTheShownPlaces() {
    Scenario s = membersAndWebinars(9, 3, 6, 7);
    RuleSet rules = rules(null, null);
    Instant asOf = Scenario.at("2026-06-30T12:00");
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < 120; i++) {
      int a = random.nextInt(6);
      s.took("m-" + random.nextInt(9), "w-" + a, random.nextInt(4) == 0
          ? ParticipationKind.PRESENTED : ParticipationKind.ATTENDED,
          Scenario.at("2026-03-03T13:00").plusSeconds(86_400L * 7 * a));
    }
    s.membership("m-4", MembershipRole.MEMBER, MembershipStatus.LEFT, T);
    assertEveryStepEqualsAFullEvaluation(s, rules, asOf);
  }

  private static RuleSet oneShown(Integer cap, Integer halfLife) {
    return RuleSet.builder().id("points").version(1).addRule(PointsRule.builder()
        .from((PointsRule) rules(cap, halfLife).getRules().get(0)).leaderboardSize(1).build())
        .build();
  }

  private static Leaderboard board(Evaluation evaluation, String scope) {
    return evaluation.findings(Leaderboard.class).stream()
        .filter(b -> b.getScope().equals(scope)).findFirst().orElseThrow();
  }

  @Test
  void whenTheMemberShownLeavesASiteTheNextBestIsShown() {
    Scenario s = community();
    RuleSet rules = oneShown(null, null);
    Instant asOf = Scenario.at("2026-04-30T12:00");
    IncrementalEvaluator incremental = IncrementalEvaluator.start(rules,
        EngagementRecord.of(Scenario.COMMUNITY), asOf, UsFederalCalendar.instance());
    s.log.forEach(incremental::apply);
    assertEquals(List.of(Standing.of(1, MemberId.of("m-ana"), 8)),
        board(incremental.evaluation(), "site s-kc").getStandings());
    // Ana (8 points) moves to Memphis: Kansas City's board must find Ben (2), whom it did not
    // show before.
    s.member("m-ana", "a-mem", Scenario.at("2026-04-08T09:00"));
    incremental.apply(s.log.get(s.log.size() - 1));
    assertEquals(List.of(Standing.of(1, MemberId.of("m-ben"), 2)),
        board(incremental.evaluation(), "site s-kc").getStandings());
    assertEquals(List.of(Standing.of(1, MemberId.of("m-ana"), 8)),
        board(incremental.evaluation(), "site s-mem").getStandings());
    assertEquals(RuleEngine.evaluate(rules, s.record, asOf, UsFederalCalendar.instance()),
        incremental.evaluation());
  }

  @Test
  void whenTheMemberShownFallsTheNextBestIsShown() {
    // A cap of 5 a month is taken in the order earned, so a participation recorded late but
    // earned earlier in the month crowds out what came after it.
    Scenario s = community();
    s.activity("w-0", ActivityKind.WEBINAR, Scenario.at("2026-03-01T13:00"), null,
        "victim-services");
    RuleSet rules = oneShown(5, null);
    Instant asOf = Scenario.at("2026-04-30T12:00");
    IncrementalEvaluator incremental = IncrementalEvaluator.start(rules,
        EngagementRecord.of(Scenario.COMMUNITY), asOf, UsFederalCalendar.instance());
    s.log.forEach(incremental::apply);
    assertEquals(List.of(Standing.of(1, MemberId.of("m-ana"), 6)),
        board(incremental.evaluation(), "core area gun-violence").getStandings());
    // Ana's presentation of 1 March takes March's 5 points, leaving her 3 March presentation on
    // gun violence none: her gun-violence points fall from 6 to 1, below Cy's 2.
    s.took("m-ana", "w-0", ParticipationKind.PRESENTED, Scenario.at("2026-03-01T13:00"));
    incremental.apply(s.log.get(s.log.size() - 1));
    assertEquals(List.of(Standing.of(1, MemberId.of("m-cy"), 2)),
        board(incremental.evaluation(), "core area gun-violence").getStandings());
    assertEquals(RuleEngine.evaluate(rules, s.record, asOf, UsFederalCalendar.instance()),
        incremental.evaluation());
  }

  @Test
  void boardsShowingOneMemberStayEqualToAFullEvaluationAsMembersMoveAndFall() {
    Scenario s = membersAndWebinars(6, 2, 8, 6);
    RuleSet rules = oneShown(4, 20);
    Instant asOf = Scenario.at("2026-06-30T12:00");
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    for (int i = 0; i < 150; i++) {
      String member = "m-" + random.nextInt(6);
      if (random.nextInt(6) == 0) {
        s.member(member, random.nextBoolean() ? "a-mem" : "a-kc", T);
      } else {
        // Participations arrive out of order, so caps taken in the order earned can lower
        // points.
        int a = random.nextInt(8);
        s.took(member, "w-" + a, random.nextInt(3) == 0 ? ParticipationKind.PRESENTED
            : ParticipationKind.ATTENDED, Scenario.at("2026-03-03T13:00")
            .plusSeconds(86_400L * 6 * a));
      }
    }
    assertEveryStepEqualsAFullEvaluation(s, rules, asOf);
  }

  /**
   * Two sites; {@code members} active members {@code m-0}, {@code m-1} and on, every
   * {@code memphisEvery}-th in Memphis and the rest in Kansas City; and {@code webinars} webinars
   * {@code w-0} and on from 3 March 2026, {@code daysApart} days apart, on gun violence and victim
   * services in turn.
   */
  private static Scenario membersAndWebinars(int members, int memphisEvery, int webinars,
      int daysApart) {
    Scenario s = new Scenario().twoSites(T);
    for (int m = 0; m < members; m++) {
      s.member("m-" + m, m % memphisEvery == 0 ? "a-mem" : "a-kc", T)
          .membership("m-" + m, MembershipRole.MEMBER, MembershipStatus.ACTIVE, T);
    }
    String[] areas = {"gun-violence", "victim-services"};
    for (int a = 0; a < webinars; a++) {
      s.activity("w-" + a, ActivityKind.WEBINAR, Scenario.at("2026-03-03T13:00")
          .plusSeconds(86_400L * daysApart * a), null, areas[a % 2]);
    }
    return s;
  }

  /**
   * Applies the scenario's log one event at a time to an incremental evaluator started on an
   * empty record, and after each compares its evaluation with a full evaluation of the events so
   * far.
   */
  private static void assertEveryStepEqualsAFullEvaluation(Scenario s, RuleSet rules,
      Instant asOf) {
    IncrementalEvaluator incremental = IncrementalEvaluator.start(rules,
        EngagementRecord.of(Scenario.COMMUNITY), asOf, UsFederalCalendar.instance());
    for (int applied = 0; applied < s.log.size(); applied++) {
      incremental.apply(s.log.get(applied));
      EngagementRecord record = EngagementRecord.of(Scenario.COMMUNITY);
      s.log.subList(0, applied + 1).forEach(record::apply);
      assertEquals(RuleEngine.evaluate(rules, record, asOf, UsFederalCalendar.instance()),
          incremental.evaluation(), "after event " + applied);
    }
  }

  @Test
  void membersWithEqualPointsRankByIdInStringOrderWhateverTheirLength() {
    Scenario s = new Scenario()
        .site("s-kc", EngagementKind.OPERATIONS, LocalDate.of(2025, 1, 1), T)
        .localAgency("a-kc", "s-kc", T);
    for (String id : new String[] {"m-2", "m-100000000b", "m-10", "m-100000000a", "m-1"}) {
      s.member(id, "a-kc", T).membership(id, MembershipRole.MEMBER, MembershipStatus.ACTIVE, T);
    }
    RuleSet rules = RuleSet.builder().id("points").version(1).addRule(PointsRule.builder()
        .id(RuleId.of("points")).community(Scenario.PCOP)
        .putPointsPerKind(ParticipationKind.ATTENDED, 1).leaderboardSize(4).build()).build();
    Leaderboard community = RuleEngine.evaluate(rules, s.record, T,
        UsFederalCalendar.instance()).findings(Leaderboard.class).get(0);
    assertEquals(List.of(Standing.of(1, MemberId.of("m-1"), 0),
        Standing.of(1, MemberId.of("m-10"), 0), Standing.of(1, MemberId.of("m-100000000a"), 0),
        Standing.of(1, MemberId.of("m-100000000b"), 0)), community.getStandings());
  }
}
