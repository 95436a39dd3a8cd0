package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.EventId;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.Window;

/**
 * Levels over sliding windows: promotion when every requirement holds, demotion only below 90%,
 * a grace period after a change, manual locks, the conduct flag and the capped call ratio.
 */
class EngagementLevelTest {
  private static final Instant JOINED = Scenario.at("2025-06-02T09:00");
  private static final Instant AS_OF = Scenario.at("2026-04-10T12:00");
  private static final MemberId DANA = MemberId.of("m-dana");
  private static final RuleSet RULES = RuleSet.builder().id("levels").version(1)
      .addRule(EngagementLevelRule.builder().id(RuleId.of("levels")).community(Scenario.PCOP)
          .addLevel(Level.of("active",
              Measure.attendanceRatio(ActivityKind.MEETING, Window.lastDays(100), 0.5, 10)))
          .addLevel(Level.of("mentor",
              Measure.attendanceRatio(ActivityKind.MEETING, Window.lastDays(100), 0.5, 10),
              Measure.participations(Window.lastDays(365), 2, ParticipationKind.PRESENTED),
              Measure.tenureDays(180),
              Measure.noUpheldConductFlag()))
          .demotionFraction(0.9).graceDays(30).build())
      .build();

  /**
   * Weekly community calls on Wednesdays; the 12 most recent before the as-of day fall in the
   * last 100 days (the cap counts the 10 most recent). Dana attends the last {@code attended}.
   */
  private static Scenario calls(int attended) {
    Scenario s = new Scenario()
        .localAgency("a-kc", null, JOINED).member("m-dana", "a-kc", JOINED)
        .membership("m-dana", MembershipRole.MEMBER, MembershipStatus.ACTIVE, JOINED);
    Instant first = Scenario.at("2026-01-14T13:00");
    for (int i = 0; i < 12; i++) {
      Instant at = first.plusSeconds(7L * 86_400 * i);
      s.activity("call-" + i, ActivityKind.MEETING, at, null);
      if (i >= 12 - attended) {
        s.attended("m-dana", "call-" + i, at);
      }
    }
    return s;
  }

  private static RuleResult evaluate(Scenario s) {
    return RuleEngine.evaluate(RULES, s.record, AS_OF, UsFederalCalendar.instance())
        .results(Subject.membership(DANA, Scenario.PCOP)).get(0);
  }

  private static Optional<LevelChange> change(RuleResult result) {
    return result.findings(LevelChange.class).stream().findFirst();
  }

  @Test
  void promotesWhenTheCappedCallRatioHolds() {
    RuleResult result = evaluate(calls(5));
    LevelChange change = change(result).orElseThrow();
    assertEquals(Optional.empty(), change.getFrom());
    assertEquals(Optional.of("active"), change.getTo());
    assertTrue(change.getReason().startsWith("promoted to active"), change.getReason());
    assertTrue(result.getExplanation().getFacts().contains(Fact.of(
        "active: attended at least 50% of meeting (at most the 10 most recent) over 100 days",
        "5 of 10 most recent (of 12 held)")), result.getExplanation().render());
    assertEquals(Outcome.PASSED, result.getOutcome());
  }

  @Test
  void theCapCountsOnlyTheMostRecentCalls() {
    // Attending the two oldest of 12 calls gives 0 of the 10 most recent.
    Scenario s = calls(0);
    s.attended("m-dana", "call-0", Scenario.at("2026-01-14T13:00"));
    s.attended("m-dana", "call-1", Scenario.at("2026-01-21T13:00"));
    RuleResult result = evaluate(s);
    assertEquals(Outcome.FAILED, result.getOutcome());
    assertTrue(result.getExplanation().getText().contains("has 0 of 10 most recent"),
        result.getExplanation().getText());
  }

  @Test
  void promotesToTheHighestLevelWhoseRequirementsAllHold() {
    Scenario s = calls(6);
    s.took("m-dana", "call-10", ParticipationKind.PRESENTED, Scenario.at("2026-03-25T13:00"));
    s.took("m-dana", "call-11", ParticipationKind.PRESENTED, Scenario.at("2026-04-01T13:00"));
    assertEquals(Optional.of("mentor"), change(evaluate(s)).orElseThrow().getTo());
  }

  @Test
  void keepsTheLevelDownTo90PercentOfAWindowedThreshold() {
    // 50% of the 10 most recent calls is 5; 90% of that is 4.5, so 4 calls lose the level.
    Scenario keeps = calls(5).levelChanged("m-dana", null, "active",
        Scenario.at("2025-12-01T09:00"));
    assertEquals(Optional.empty(), change(evaluate(keeps)));
    Scenario falls = calls(4).levelChanged("m-dana", null, "active",
        Scenario.at("2025-12-01T09:00"));
    RuleResult result = evaluate(falls);
    LevelChange change = change(result).orElseThrow();
    assertEquals(Optional.of("active"), change.getFrom());
    assertEquals(Optional.empty(), change.getTo());
    assertEquals("demoted from active (no lower level is met): active: attended at least 50% of"
        + " meeting (at most the 10 most recent) over 100 days is 4 of 10 most recent (of 12"
        + " held), below 45% (90% of 50%)", change.getReason());
  }

  @Test
  void aDemotionNamesOnlyTheMeasuresBelowTheLineWithValueAndThreshold() {
    // A mentor who still attends enough calls but presented once where two are needed.
    Scenario s = calls(6);
    s.took("m-dana", "call-11", ParticipationKind.PRESENTED, Scenario.at("2026-04-01T13:00"));
    s.levelChanged("m-dana", null, "mentor", Scenario.at("2026-01-01T09:00"));
    RuleResult result = evaluate(s);
    LevelChange change = change(result).orElseThrow();
    assertEquals(Optional.of("active"), change.getTo());
    assertEquals("demoted to active from mentor: mentor: at least 2 presented participations"
        + " over 365 days is 1, below 1.8 (90% of 2)", change.getReason());
    assertTrue(result.getExplanation().toString().contains(change.getReason()),
        result.getExplanation().toString());
  }

  @Test
  void aPromotionNamesTheLastRequirementMet() {
    // Calls attended (6 of 10, 120% of the line) and tenure held long before the second
    // presentation brought presentations (2 of 2, 100%) to the line.
    Scenario s = calls(6);
    s.took("m-dana", "call-10", ParticipationKind.PRESENTED, Scenario.at("2026-03-25T13:00"));
    s.took("m-dana", "call-11", ParticipationKind.PRESENTED, Scenario.at("2026-04-01T13:00"));
    s.levelChanged("m-dana", null, "active", Scenario.at("2025-12-01T09:00"));
    LevelChange change = change(evaluate(s)).orElseThrow();
    assertEquals("promoted to mentor: all 4 requirements hold, the last met mentor: at least 2"
        + " presented participations over 365 days = 2, needs at least 2 presented"
        + " participations", change.getReason());
  }

  @Test
  void anExplanationPrintsAsItsRenderedText() {
    RuleResult result = evaluate(calls(5));
    Explanation explanation = result.getExplanation();
    assertEquals(explanation.render(), explanation.toString());
    assertTrue(explanation.toString().startsWith("PASSED: promoted to active"),
        explanation.toString());
    Explanation built = Explanation.builder().outcome(Outcome.FAILED).text("too few calls")
        .addFact(Fact.of("calls", 2)).threshold("at least 3").build();
    assertEquals("FAILED: too few calls [calls = 2] threshold: at least 3", built.toString());
  }

  @Test
  void hysteresisKeepsAMemberWhoWouldNotBePromotedAgain() {
    // 45% of 20 calls: not enough to be promoted, enough to stay.
    var rules = RuleSet.builder().from(RULES).rules(List.of(EngagementLevelRule.builder()
        .id(RuleId.of("levels")).community(Scenario.PCOP)
        .addLevel(Level.of("active", Measure.participations(Window.lastDays(100), 10,
            ParticipationKind.ATTENDED)))
        .demotionFraction(0.9).build())).build();
    Scenario s = calls(9).levelChanged("m-dana", null, "active", Scenario.at("2025-12-01T09:00"));
    RuleResult stays = RuleEngine.evaluate(rules, s.record, AS_OF, UsFederalCalendar.instance())
        .results(Subject.membership(DANA, Scenario.PCOP)).get(0);
    assertEquals(Optional.empty(), change(stays));
    assertEquals(Outcome.PASSED, stays.getOutcome());
    Scenario fresh = calls(9);
    RuleResult notPromoted = RuleEngine.evaluate(rules, fresh.record, AS_OF,
        UsFederalCalendar.instance()).results(Subject.membership(DANA, Scenario.PCOP)).get(0);
    assertEquals(Outcome.FAILED, notPromoted.getOutcome());
  }

  @Test
  void noDemotionWithinTheGracePeriod() {
    Scenario s = calls(0).levelChanged("m-dana", null, "active", Scenario.at("2026-03-20T09:00"));
    RuleResult result = evaluate(s);
    assertEquals(Optional.empty(), change(result));
    assertTrue(result.getExplanation().getText().contains("within the grace period"),
        result.getExplanation().getText());
  }

  @Test
  void aLockPinsTheLevelAndReleasingItLetsTheRulesDecide() {
    Scenario s = calls(0).locked("m-dana", "mentor", Scenario.at("2026-03-01T09:00"));
    LevelChange locked = change(evaluate(s)).orElseThrow();
    assertEquals(Optional.of("mentor"), locked.getTo());
    assertTrue(locked.getReason().contains("locked at mentor"), locked.getReason());
    s.levelChanged("m-dana", null, "mentor", Scenario.at("2026-03-01T09:00"));
    assertEquals(Optional.empty(), change(evaluate(s)), "locked and recorded: nothing to do");
    s.locked("m-dana", null, Scenario.at("2026-03-02T09:00"));
    assertEquals(Optional.empty(), change(evaluate(s)).orElseThrow().getTo(),
        "released, with no calls attended and past the grace period");
  }

  @Test
  void anUpheldConductFlagDemotesAMentorAtOnceAndADismissalRestores() {
    Scenario s = calls(6);
    s.took("m-dana", "call-10", ParticipationKind.PRESENTED, Scenario.at("2026-03-25T13:00"));
    s.took("m-dana", "call-11", ParticipationKind.PRESENTED, Scenario.at("2026-04-01T13:00"));
    s.levelChanged("m-dana", null, "mentor", Scenario.at("2026-01-01T09:00"));
    s.flag("m-dana", ConductFlagStatus.RAISED, Scenario.at("2026-04-02T09:00"));
    assertEquals(Optional.empty(), change(evaluate(s)), "a raised flag is not upheld");
    s.flag("m-dana", ConductFlagStatus.UPHELD, Scenario.at("2026-04-03T09:00"));
    LevelChange change = change(evaluate(s)).orElseThrow();
    assertEquals(Optional.of("active"), change.getTo());
    s.flag("m-dana", ConductFlagStatus.DISMISSED, Scenario.at("2026-04-04T09:00"));
    assertEquals(Optional.empty(), change(evaluate(s)));
  }

  @Test
  void tenureCountsFromTheFirstActivation() {
    Scenario s = new Scenario()
        .localAgency("a-kc", null, JOINED).member("m-dana", "a-kc", JOINED)
        .membership("m-dana", MembershipRole.MEMBER, MembershipStatus.ACTIVE,
            Scenario.at("2026-01-01T09:00"));
    RuleResult result = evaluate(s);
    assertTrue(result.getExplanation().getFacts().contains(Fact.of(
        "mentor: active member for at least 180 days over all time",
        "99 days (active since 2026-01-01)")), result.getExplanation().render());
  }

  @Test
  void missingDataIsIndeterminateNotAnException() {
    var rules = RuleSet.builder().from(RULES).rules(List.of(EngagementLevelRule.builder()
        .id(RuleId.of("levels")).community(Scenario.PCOP)
        .addLevel(Level.of("connector", Measure.distinctAgencies(Window.allTime(), 1)))
        .build())).build();
    Scenario s = new Scenario()
        .membership("m-dana", MembershipRole.MEMBER, MembershipStatus.ACTIVE, JOINED);
    RuleResult result = RuleEngine.evaluate(rules, s.record, AS_OF,
        UsFederalCalendar.instance()).results(Subject.membership(DANA, Scenario.PCOP)).get(0);
    assertEquals(Outcome.INDETERMINATE, result.getOutcome());
    assertTrue(result.getExplanation().getText().contains("m-dana is not enrolled"),
        result.getExplanation().getText());
  }

  @Test
  void levelChangesBecomeEvents() {
    Scenario s = calls(5);
    Evaluation evaluation = RuleEngine.evaluate(RULES, s.record, AS_OF,
        UsFederalCalendar.instance());
    EngagementLevelChanged event = (EngagementLevelChanged) ResultEvents.events(evaluation,
        s.record, Scenario.SYSTEM, AS_OF, () -> EventId.of("e-level")).get(0);
    assertEquals(DANA, event.getMember());
    assertEquals(Optional.of("active"), event.getTo());
    s.apply(event);
    assertEquals(Optional.empty(), change(evaluate(s)), "once recorded, no further change");
  }
}
