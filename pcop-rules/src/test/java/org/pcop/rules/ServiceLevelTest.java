package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcop.model.ExchangeId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.ApproverRole;
import org.pcop.rules.calendar.BusinessCalendar;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.ServiceLevelKind;
import org.pcop.rules.definition.ServiceLevelRule;

/** First responses in business days, approvals and follow-up reports in days. */
class ServiceLevelTest {
  private static final RuleSet RULES = RuleSet.builder().id("sla").version(1)
      .addRule(ServiceLevelRule.builder().id(RuleId.of("rfi")).community(Scenario.PCOP)
          .obligation(ServiceLevelKind.RFI_FIRST_RESPONSE).days(3).businessDays(true).build())
      .addRule(ServiceLevelRule.builder().id(RuleId.of("approval")).community(Scenario.PCOP)
          .obligation(ServiceLevelKind.EXCHANGE_APPROVAL).days(14).build())
      .addRule(ServiceLevelRule.builder().id(RuleId.of("report")).community(Scenario.PCOP)
          .obligation(ServiceLevelKind.FOLLOW_UP_REPORT).days(30).build())
      .build();

  private static RuleResult result(Evaluation evaluation, String rule, Subject subject) {
    return evaluation.results(RuleId.of(rule)).stream()
        .filter(r -> r.getSubject().equals(subject)).findFirst().orElseThrow();
  }

  private static Scenario thanksgivingRequests() {
    Instant posted = Scenario.at("2026-11-25T10:00");
    return new Scenario()
        .rfi("rfi-in-time", "m-1", "gun-violence.nibin", posted)
        .answered("rfi-in-time", "r-1", "m-2", Scenario.at("2026-12-01T16:00"))
        .rfi("rfi-late", "m-1", "gun-violence.nibin", posted)
        .answered("rfi-late", "r-2", "m-2", Scenario.at("2026-12-02T09:00"))
        .rfi("rfi-open", "m-1", "victim-services.notification", posted);
  }

  @Test
  void firstResponseCountsBusinessDaysSkippingThanksgiving() {
    Evaluation evaluation = RuleEngine.evaluate(RULES, thanksgivingRequests().record,
        Scenario.at("2026-12-03T12:00"), UsFederalCalendar.instance());
    Instant due = Scenario.at("2026-12-02T00:00");

    RuleResult inTime = result(evaluation, "rfi", Subject.rfi(RfiId.of("rfi-in-time")));
    assertEquals(Outcome.PASSED, inTime.getOutcome());
    assertTrue(inTime.getExplanation().getThreshold().orElseThrow()
        .contains("within 3 business days"), inTime.getExplanation().render());

    ServiceLevelBreach late = result(evaluation, "rfi", Subject.rfi(RfiId.of("rfi-late")))
        .findings(ServiceLevelBreach.class).get(0);
    assertEquals(Subject.rfi(RfiId.of("rfi-late")), late.getSubject());
    assertEquals(due, late.getDueAt());
    assertEquals(Duration.ofHours(9), late.getLateness());
    assertEquals(false, late.isOutstanding());

    ServiceLevelBreach open = result(evaluation, "rfi", Subject.rfi(RfiId.of("rfi-open")))
        .findings(ServiceLevelBreach.class).get(0);
    assertEquals(Duration.ofHours(36), open.getLateness());
    assertTrue(open.isOutstanding());
  }

  @Test
  void theInjectedCalendarDecides() {
    Evaluation evaluation = RuleEngine.evaluate(RULES, thanksgivingRequests().record,
        Scenario.at("2026-12-03T12:00"), BusinessCalendar.weekdays());
    RuleResult inTime = result(evaluation, "rfi", Subject.rfi(RfiId.of("rfi-in-time")));
    assertEquals(Outcome.FAILED, inTime.getOutcome(),
        "without Thanksgiving the response of 1 December is a day late");
    assertEquals(Scenario.at("2026-12-01T00:00"),
        inTime.findings(ServiceLevelBreach.class).get(0).getDueAt());
  }

  @Test
  void anOpenRequestNotYetDuePasses() {
    Evaluation evaluation = RuleEngine.evaluate(RULES, thanksgivingRequests().record,
        Scenario.at("2026-11-30T12:00"), UsFederalCalendar.instance());
    RuleResult open = result(evaluation, "rfi", Subject.rfi(RfiId.of("rfi-open")));
    assertEquals(Outcome.PASSED, open.getOutcome());
    assertTrue(open.getExplanation().getText().contains("not due until"), open.toString());
  }

  @Test
  void exchangeApprovalAndFollowUpReportAreTimedInDays() {
    Scenario s = new Scenario()
        .exchange("x-1", "a-kc", "s-kc", "a-mem", "m-1", Scenario.at("2026-03-02T09:00"), null)
        .approved("x-1", ApproverRole.PROGRAM_ADVISOR, "m-adv", Scenario.at("2026-03-10T09:00"))
        .approved("x-1", ApproverRole.HOST_SITE_LEAD, "m-lead", Scenario.at("2026-03-20T09:00"))
        .scheduled("x-1", LocalDate.of(2026, 4, 1), Scenario.at("2026-03-21T09:00"))
        .held("x-1", LocalDate.of(2026, 4, 1))
        .documented("x-1", "m-1", Scenario.at("2026-05-05T10:00"))
        .exchange("x-2", "a-kc", "s-kc", "a-mem", "m-1", Scenario.at("2026-04-01T09:00"), null)
        .approved("x-2", ApproverRole.PROGRAM_ADVISOR, "m-adv", Scenario.at("2026-04-02T09:00"))
        .approved("x-2", ApproverRole.HOST_SITE_LEAD, "m-lead", Scenario.at("2026-04-03T09:00"))
        .scheduled("x-2", LocalDate.of(2026, 4, 20), Scenario.at("2026-04-04T09:00"))
        .held("x-2", LocalDate.of(2026, 4, 20));
    Evaluation evaluation = RuleEngine.evaluate(RULES, s.record,
        Scenario.at("2026-05-10T12:00"), UsFederalCalendar.instance());

    Subject x1 = Subject.exchange(ExchangeId.of("x-1"));
    ServiceLevelBreach approval = result(evaluation, "approval", x1)
        .findings(ServiceLevelBreach.class).get(0);
    assertEquals(Scenario.at("2026-03-17T00:00"), approval.getDueAt());
    assertEquals(Duration.ofDays(3).plusHours(9), approval.getLateness());

    ServiceLevelBreach report = result(evaluation, "report", x1)
        .findings(ServiceLevelBreach.class).get(0);
    assertEquals(Scenario.at("2026-05-02T00:00"), report.getDueAt());
    assertEquals(Duration.ofDays(3).plusHours(10), report.getLateness());

    Subject x2 = Subject.exchange(ExchangeId.of("x-2"));
    assertEquals(Outcome.PASSED, result(evaluation, "approval", x2).getOutcome());
    assertEquals(Outcome.PASSED, result(evaluation, "report", x2).getOutcome(),
        "held on 20 April, the report is due by 20 May");
  }

  @Test
  void onlyHeldExchangesOweAReport() {
    Scenario s = new Scenario()
        .exchange("x-1", "a-kc", "s-kc", "a-mem", "m-1", Scenario.at("2026-03-02T09:00"), null);
    Evaluation evaluation = RuleEngine.evaluate(RULES, s.record,
        Scenario.at("2026-05-10T12:00"), UsFederalCalendar.instance());
    assertEquals(List.of(), evaluation.results(RuleId.of("report")));
  }
}
