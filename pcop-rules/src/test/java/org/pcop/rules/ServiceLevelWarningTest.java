package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pcop.model.ExchangeId;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.RfiId;
import org.pcop.model.activity.ApproverRole;
import org.pcop.rules.calendar.BusinessCalendar;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.ImmutableServiceLevelRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.ServiceLevelKind;
import org.pcop.rules.definition.ServiceLevelRule;

/**
 * Acceptance and closure service levels, and warnings ahead of every service level's due time,
 * at the edges of their windows and across federal holidays; full and incremental evaluation
 * agree on each.
 */
class ServiceLevelWarningTest {
  private static final Subject RFI_1 = Subject.rfi(RfiId.of("rfi-1"));
  private static final Subject RFI_2 = Subject.rfi(RfiId.of("rfi-2"));

  private static ImmutableServiceLevelRule.Builder rule(String id,
      ServiceLevelKind obligation) {
    return ServiceLevelRule.builder().id(RuleId.of(id)).community(Scenario.PCOP)
        .obligation(obligation);
  }

  private static RuleSet rules(ServiceLevelRule... rules) {
    return RuleSet.builder().id("deadlines").version(1).addRules(rules).build();
  }

  /** The full evaluation, checked against an incremental one fed the same events. */
  private static Evaluation evaluate(RuleSet rules, Scenario s, Instant asOf,
      BusinessCalendar calendar) {
    Evaluation full = RuleEngine.evaluate(rules, s.record, asOf, calendar);
    IncrementalEvaluator incremental = IncrementalEvaluator.start(rules,
        EngagementRecord.of(Scenario.COMMUNITY), asOf, calendar);
    s.log.forEach(incremental::apply);
    assertEquals(full, incremental.evaluation(), "incremental evaluation as of " + asOf);
    return full;
  }

  private static Evaluation evaluate(RuleSet rules, Scenario s, Instant asOf) {
    return evaluate(rules, s, asOf, UsFederalCalendar.instance());
  }

  private static RuleResult result(Evaluation evaluation, String rule, Subject subject) {
    return evaluation.results(RuleId.of(rule)).stream()
        .filter(r -> r.getSubject().equals(subject)).findFirst().orElseThrow(
            () -> new AssertionError("no result of " + rule + " for " + subject));
  }

  private static List<ServiceLevelWarning> warnings(Evaluation e, String rule, Subject s) {
    return result(e, rule, s).findings(ServiceLevelWarning.class);
  }

  private static List<ServiceLevelBreach> breaches(Evaluation e, String rule, Subject s) {
    return result(e, rule, s).findings(ServiceLevelBreach.class);
  }

  // Posted Monday 23 November 2026, first answered Tuesday the 24th; Thanksgiving is Thursday
  // the 26th. Two business days from the 24th are Wednesday the 25th and Friday the 27th, so the
  // acceptance is due at the end of the 27th; two business days ahead of it are the 27th and the
  // 25th: the warning starts at midnight of the 25th.
  private static Scenario answeredBeforeThanksgiving() {
    return new Scenario()
        .rfi("rfi-1", "m-asker", "gun-violence.nibin", Scenario.at("2026-11-23T09:00"))
        .answered("rfi-1", "r-1", "m-expert", Scenario.at("2026-11-24T10:00"))
        .rfi("rfi-2", "m-asker", "gun-violence.nibin", Scenario.at("2026-11-23T09:00"));
  }

  private static final RuleSet ACCEPTANCE = rules(rule("acceptance",
      ServiceLevelKind.RFI_ACCEPTANCE).days(2).businessDays(true).warnBusinessDays(2).build());

  @Test
  void anAcceptanceIsWarnedTwoBusinessDaysAheadAcrossThanksgiving() {
    Scenario s = answeredBeforeThanksgiving();
    Instant due = Scenario.at("2026-11-28T00:00");

    Evaluation before = evaluate(ACCEPTANCE, s, Scenario.at("2026-11-24T23:59:59"));
    assertEquals(List.of(), warnings(before, "acceptance", RFI_1));
    assertTrue(result(before, "acceptance", RFI_1).getExplanation().render()
        .contains("not due until " + due), result(before, "acceptance", RFI_1).toString());
    assertTrue(before.results(RuleId.of("acceptance")).stream()
        .noneMatch(r -> r.getSubject().equals(RFI_2)),
        "a request without an answer owes no acceptance yet");

    Evaluation first = evaluate(ACCEPTANCE, s, Scenario.at("2026-11-25T00:00"));
    ServiceLevelWarning warning = warnings(first, "acceptance", RFI_1).get(0);
    assertEquals(RuleId.of("acceptance"), warning.getRule());
    assertEquals(RFI_1, warning.getSubject());
    assertEquals("acceptance of an answer", warning.getObligation());
    assertEquals(due, warning.getDueAt());
    assertEquals(Scenario.at("2026-11-25T00:00"), warning.getWarnFrom());
    assertEquals(Set.of(MemberId.of("m-asker")), warning.owedBy(s.record));
    assertEquals(ServiceLevelKind.RFI_ACCEPTANCE, warning.getObligationKind());
    assertEquals(Outcome.PASSED, result(first, "acceptance", RFI_1).getOutcome());

    // On Thanksgiving itself and at the due instant the warning still holds, with no breach.
    for (String at : List.of("2026-11-26T12:00", "2026-11-28T00:00")) {
      Evaluation e = evaluate(ACCEPTANCE, s, Scenario.at(at));
      assertEquals(List.of(warning), warnings(e, "acceptance", RFI_1), at);
      assertEquals(List.of(), breaches(e, "acceptance", RFI_1), at);
    }

    // A second later the breach takes the warning's place.
    Evaluation late = evaluate(ACCEPTANCE, s, Scenario.at("2026-11-28T00:00:01"));
    assertEquals(List.of(), warnings(late, "acceptance", RFI_1));
    ServiceLevelBreach breach = breaches(late, "acceptance", RFI_1).get(0);
    assertEquals(due, breach.getDueAt());
    assertEquals(Duration.ofSeconds(1), breach.getLateness());
    assertTrue(breach.isOutstanding());
  }

  @Test
  void withoutThanksgivingTheAcceptanceIsDueADayEarlier() {
    Evaluation e = evaluate(ACCEPTANCE, answeredBeforeThanksgiving(),
        Scenario.at("2026-11-25T00:00"), BusinessCalendar.weekdays());
    ServiceLevelWarning warning = warnings(e, "acceptance", RFI_1).get(0);
    assertEquals(Scenario.at("2026-11-27T00:00"), warning.getDueAt());
    assertEquals(Scenario.at("2026-11-25T00:00"), warning.getWarnFrom());
  }

  @Test
  void anAcceptanceStopsTheClockAndTheWarning() {
    Scenario s = answeredBeforeThanksgiving()
        .accepted("rfi-1", "r-1", "m-asker", Scenario.at("2026-11-27T23:59:59"));
    Evaluation inTime = evaluate(ACCEPTANCE, s, Scenario.at("2026-11-27T23:59:59"));
    assertEquals(Outcome.PASSED, result(inTime, "acceptance", RFI_1).getOutcome());
    assertEquals(List.of(), warnings(inTime, "acceptance", RFI_1));
    assertEquals(List.of(), breaches(evaluate(ACCEPTANCE, s, Scenario.at("2026-12-10T00:00")),
        "acceptance", RFI_1));

    Scenario lateOne = answeredBeforeThanksgiving()
        .accepted("rfi-1", "r-1", "m-asker", Scenario.at("2026-11-30T09:00"));
    ServiceLevelBreach breach = breaches(evaluate(ACCEPTANCE, lateOne,
        Scenario.at("2026-12-10T00:00")), "acceptance", RFI_1).get(0);
    assertEquals(Duration.ofDays(2).plusHours(9), breach.getLateness());
    assertFalse(breach.isOutstanding());
  }

  @Test
  void aRequestClosedWithoutAnAcceptedAnswerOwesNoMoreAcceptance() {
    Scenario early = answeredBeforeThanksgiving()
        .closed("rfi-1", "m-asker", Scenario.at("2026-11-26T08:00"));
    RuleResult closed = result(evaluate(ACCEPTANCE, early, Scenario.at("2026-11-27T12:00")),
        "acceptance", RFI_1);
    assertEquals(Outcome.PASSED, closed.getOutcome());
    assertEquals(List.of(), closed.findings(ServiceLevelWarning.class));

    Scenario late = answeredBeforeThanksgiving()
        .closed("rfi-1", "m-asker", Scenario.at("2026-11-29T08:00"));
    ServiceLevelBreach breach = breaches(evaluate(ACCEPTANCE, late,
        Scenario.at("2026-12-10T00:00")), "acceptance", RFI_1).get(0);
    assertEquals(Duration.ofDays(1).plusHours(8), breach.getLateness(),
        "late until the request was closed, not until the evaluation");
    assertFalse(breach.isOutstanding());
  }

  // Posted Wednesday 1 July 2026. Independence Day falls on a Saturday and is observed on Friday
  // 3 July, so three business days are 2, 6 and 7 July: due at the end of Tuesday the 7th. Three
  // business days ahead are the 7th, the 6th and Thursday the 2nd: the warning starts at midnight
  // of the 2nd, before the holiday weekend.
  private static final RuleSet CLOSURE = rules(rule("closure", ServiceLevelKind.RFI_CLOSURE)
      .days(3).businessDays(true).warnBusinessDays(3).build());

  private static Scenario postedBeforeIndependenceDay() {
    return new Scenario()
        .rfi("rfi-1", "m-asker", "gun-violence.nibin", Scenario.at("2026-07-01T09:00"))
        .answered("rfi-1", "r-1", "m-expert", Scenario.at("2026-07-01T15:00"));
  }

  @Test
  void aClosureIsWarnedThreeBusinessDaysAheadAcrossTheObservedFourthOfJuly() {
    Scenario s = postedBeforeIndependenceDay();
    Instant due = Scenario.at("2026-07-08T00:00");
    assertEquals(List.of(), warnings(evaluate(CLOSURE, s, Scenario.at("2026-07-01T23:59:59")),
        "closure", RFI_1));
    ServiceLevelWarning warning = warnings(evaluate(CLOSURE, s, Scenario.at("2026-07-02T00:00")),
        "closure", RFI_1).get(0);
    assertEquals(due, warning.getDueAt());
    assertEquals(Scenario.at("2026-07-02T00:00"), warning.getWarnFrom());
    assertEquals("closure", warning.getObligation());
    assertEquals(Set.of(MemberId.of("m-asker")), warning.owedBy(s.record));
    assertEquals(List.of(warning), warnings(evaluate(CLOSURE, s, due), "closure", RFI_1));
    Evaluation late = evaluate(CLOSURE, s, due.plusMillis(1));
    assertEquals(List.of(), warnings(late, "closure", RFI_1));
    assertEquals(Duration.ofMillis(1), breaches(late, "closure", RFI_1).get(0).getLateness());
  }

  @Test
  void eitherAnAcceptedAnswerOrAClosingStopsTheClosureClock() {
    Scenario accepted = postedBeforeIndependenceDay()
        .accepted("rfi-1", "r-1", "m-asker", Scenario.at("2026-07-06T10:00"));
    RuleResult resolved = result(evaluate(CLOSURE, accepted, Scenario.at("2026-07-07T10:00")),
        "closure", RFI_1);
    assertEquals(Outcome.PASSED, resolved.getOutcome());
    assertEquals(List.of(), resolved.findings(ServiceLevelWarning.class));

    Scenario closedLate = postedBeforeIndependenceDay()
        .closed("rfi-1", "m-coordinator", Scenario.at("2026-07-08T10:00"));
    ServiceLevelBreach breach = breaches(evaluate(CLOSURE, closedLate,
        Scenario.at("2026-07-20T00:00")), "closure", RFI_1).get(0);
    assertEquals(Duration.ofHours(10), breach.getLateness());
    assertFalse(breach.isOutstanding());
  }

  @Test
  void aLastDayOnAHolidayIsWarnedFromTheBusinessDayBefore() {
    // Three calendar days from Tuesday 22 December 2026 end on Christmas Day, a holiday: a
    // warning one business day ahead starts on Thursday the 24th.
    RuleSet firstResponse = rules(rule("first", ServiceLevelKind.RFI_FIRST_RESPONSE).days(3)
        .warnBusinessDays(1).build());
    Scenario s = new Scenario()
        .rfi("rfi-1", "m-asker", "gun-violence.nibin", Scenario.at("2026-12-22T11:00"));
    assertEquals(List.of(), warnings(evaluate(firstResponse, s,
        Scenario.at("2026-12-23T23:00")), "first", RFI_1));
    ServiceLevelWarning warning = warnings(evaluate(firstResponse, s,
        Scenario.at("2026-12-24T00:00")), "first", RFI_1).get(0);
    assertEquals(Scenario.at("2026-12-24T00:00"), warning.getWarnFrom());
    assertEquals(Scenario.at("2026-12-26T00:00"), warning.getDueAt());
  }

  @Test
  void aFirstResponseIsOwedByTheActiveSubjectMatterExpertsButTheAsker() {
    Instant at = Scenario.at("2026-03-02T09:00");
    Scenario s = new Scenario()
        .membership("m-sme", MembershipRole.SUBJECT_MATTER_EXPERT, MembershipStatus.ACTIVE, at)
        .membership("m-asker", MembershipRole.SUBJECT_MATTER_EXPERT, MembershipStatus.ACTIVE,
            at)
        .membership("m-away", MembershipRole.SUBJECT_MATTER_EXPERT, MembershipStatus.DORMANT,
            at)
        .membership("m-member", MembershipRole.MEMBER, MembershipStatus.ACTIVE, at)
        .rfi("rfi-1", "m-asker", "gun-violence.nibin", Scenario.at("2026-03-02T10:00"));
    RuleSet firstResponse = rules(rule("first", ServiceLevelKind.RFI_FIRST_RESPONSE).days(2)
        .businessDays(true).warnBusinessDays(1).build());
    Instant warnedAt = Scenario.at("2026-03-04T08:00");
    ServiceLevelWarning warning = warnings(evaluate(firstResponse, s, warnedAt), "first", RFI_1)
        .get(0);
    assertEquals(Set.of(MemberId.of("m-sme")), warning.owedBy(s.record));

    // Who owes it is read from the record as it stands: a new expert owes it too, and the
    // evaluation, which does not depend on roles, stays as it was.
    s.membership("m-new", MembershipRole.SUBJECT_MATTER_EXPERT, MembershipStatus.ACTIVE,
        Scenario.at("2026-03-03T09:00"));
    assertEquals(List.of(warning), warnings(evaluate(firstResponse, s, warnedAt), "first",
        RFI_1));
    assertEquals(Set.of(MemberId.of("m-new"), MemberId.of("m-sme")), warning.owedBy(s.record));

    s.answered("rfi-1", "r-1", "m-sme", Scenario.at("2026-03-04T07:00"));
    assertEquals(List.of(), warnings(evaluate(firstResponse, s, warnedAt), "first", RFI_1));
  }

  @Test
  void anApprovalIsOwedByTheApproversStillToApproveAndAReportByTheRequester() {
    Instant at = Scenario.at("2026-04-01T08:00");
    Scenario s = new Scenario().twoSites(at)
        .member("m-lead", "a-kc", at).member("m-other-lead", "a-mem", at)
        .member("m-adv", "a-mem", at).member("m-visitor", "a-mem", at)
        .membership("m-lead", MembershipRole.SITE_LEAD, MembershipStatus.ACTIVE, at)
        .membership("m-other-lead", MembershipRole.SITE_LEAD, MembershipStatus.ACTIVE, at)
        .membership("m-adv", MembershipRole.PROGRAM_ADVISOR, MembershipStatus.ACTIVE, at)
        .membership("m-visitor", MembershipRole.MEMBER, MembershipStatus.ACTIVE, at)
        .exchange("x-1", "a-kc", "s-kc", "a-mem", "m-visitor", Scenario.at("2026-04-06T09:00"),
            null);
    RuleSet exchanges = rules(
        rule("approval", ServiceLevelKind.EXCHANGE_APPROVAL).days(10).warnBusinessDays(2)
            .build(),
        rule("report", ServiceLevelKind.FOLLOW_UP_REPORT).days(5).businessDays(true)
            .warnBusinessDays(1).build());
    Subject x1 = Subject.exchange(ExchangeId.of("x-1"));
    // Due at the end of Thursday 16 April; warned from Wednesday the 15th.
    Evaluation both = evaluate(exchanges, s, Scenario.at("2026-04-15T00:00"));
    ServiceLevelWarning approval = warnings(both, "approval", x1).get(0);
    assertEquals(Scenario.at("2026-04-17T00:00"), approval.getDueAt());
    assertEquals(Set.of(MemberId.of("m-adv"), MemberId.of("m-lead")), approval.owedBy(s.record));
    assertEquals(List.of(), warnings(evaluate(exchanges, s, Scenario.at("2026-04-14T23:59")),
        "approval", x1));

    s.approved("x-1", ApproverRole.PROGRAM_ADVISOR, "m-adv", Scenario.at("2026-04-15T10:00"));
    assertEquals(Set.of(MemberId.of("m-lead")), warnings(evaluate(exchanges, s,
        Scenario.at("2026-04-15T12:00")), "approval", x1).get(0).owedBy(s.record));

    s.approved("x-1", ApproverRole.HOST_SITE_LEAD, "m-lead", Scenario.at("2026-04-16T10:00"))
        .scheduled("x-1", java.time.LocalDate.of(2026, 5, 22), Scenario.at("2026-04-17T10:00"))
        .held("x-1", java.time.LocalDate.of(2026, 5, 22));
    // Held on Friday 22 May; Memorial Day is Monday the 25th: five business days end on Monday
    // 1 June, warned one business day ahead, from midnight of that day.
    Evaluation report = evaluate(exchanges, s, Scenario.at("2026-06-01T00:00"));
    ServiceLevelWarning due = warnings(report, "report", x1).get(0);
    assertEquals(Scenario.at("2026-06-02T00:00"), due.getDueAt());
    assertEquals(Set.of(MemberId.of("m-visitor")), due.owedBy(s.record));
    assertEquals(List.of(), warnings(report, "approval", x1));
    assertEquals(List.of(), warnings(evaluate(exchanges, s, Scenario.at("2026-05-31T23:59")),
        "report", x1));
  }

  @Test
  void theReadmeExampleIsDueAndWarnedOnTheDaysItSays() {
    RuleSet readme = rules(rule("rfi-closure", ServiceLevelKind.RFI_CLOSURE).days(10)
        .businessDays(true).warnBusinessDays(2).build());
    Scenario s = new Scenario()
        .rfi("rfi-1", "m-asker", "gun-violence.nibin", Scenario.at("2026-11-18T09:00"));
    assertEquals(List.of(), warnings(evaluate(readme, s, Scenario.at("2026-12-01T23:59")),
        "rfi-closure", RFI_1));
    ServiceLevelWarning warning = warnings(evaluate(readme, s, Scenario.at("2026-12-02T00:00")),
        "rfi-closure", RFI_1).get(0);
    assertEquals(Scenario.at("2026-12-04T00:00"), warning.getDueAt());
  }

  @Test
  void aWarningMustBeAtLeastOneBusinessDayAhead() {
    org.pcop.model.InvalidValueException refused = org.junit.jupiter.api.Assertions.assertThrows(
        org.pcop.model.InvalidValueException.class,
        () -> rule("closure", ServiceLevelKind.RFI_CLOSURE).days(3).warnBusinessDays(0).build());
    assertTrue(refused.getMessage().contains("ServiceLevelRule.warnBusinessDays: must be at"
        + " least 1, got 0"), refused.getMessage());
  }
}
