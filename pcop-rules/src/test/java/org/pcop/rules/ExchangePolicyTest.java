package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pcop.model.EngagementKind;
import org.pcop.model.ExchangeId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;

/** Two-party approval by the right people, host capacity and the fiscal-year funding cap. */
class ExchangePolicyTest {
  private static final Instant T = Scenario.at("2026-01-05T09:00");
  private static final RuleId POLICY = RuleId.of("policy");

  private static RuleSet rules(Integer capacity, String cap) {
    var rule = ExchangePolicyRule.builder().id(POLICY).community(Scenario.PCOP)
        .capacityPeriod(CalendarPeriod.QUARTER);
    if (capacity != null) {
      rule.hostCapacity(capacity);
    }
    if (cap != null) {
      rule.travelFundingCap(new BigDecimal(cap));
    }
    return RuleSet.builder().id("policy").version(1).addRule(rule.build()).build();
  }

  private static Scenario program() {
    return new Scenario()
        .site("s-kc", EngagementKind.OPERATIONS, java.time.LocalDate.of(2025, 1, 1), T)
        .site("s-mem", EngagementKind.OPERATIONS, java.time.LocalDate.of(2025, 1, 1), T)
        .localAgency("a-kc", "s-kc", T).localAgency("a-mem", "s-mem", T)
        .localAgency("a-psp", null, T)
        .member("m-adv", "a-psp", T).member("m-lead-kc", "a-kc", T)
        .member("m-lead-mem", "a-mem", T).member("m-1", "a-mem", T)
        .membership("m-adv", MembershipRole.PROGRAM_ADVISOR, MembershipStatus.ACTIVE, T)
        .membership("m-lead-kc", MembershipRole.SITE_LEAD, MembershipStatus.ACTIVE, T)
        .membership("m-lead-mem", MembershipRole.SITE_LEAD, MembershipStatus.ACTIVE, T)
        .membership("m-1", MembershipRole.MEMBER, MembershipStatus.ACTIVE, T);
  }

  private static RuleResult result(Evaluation evaluation, String exchange) {
    return evaluation.results(Subject.exchange(ExchangeId.of(exchange))).get(0);
  }

  @Test
  void passesWhenTheProgramAdvisorAndTheHostSiteLeadApprove() {
    Scenario s = program()
        .exchange("x-1", "a-kc", "s-kc", "a-mem", "m-1", Scenario.at("2026-02-02T09:00"), null)
        .approved("x-1", ApproverRole.PROGRAM_ADVISOR, "m-adv", Scenario.at("2026-02-03T09:00"))
        .approved("x-1", ApproverRole.HOST_SITE_LEAD, "m-lead-kc",
            Scenario.at("2026-02-04T09:00"));
    RuleResult result = result(RuleEngine.evaluate(rules(null, null), s.record,
        Scenario.at("2026-02-10T09:00"), UsFederalCalendar.instance()), "x-1");
    assertEquals(Outcome.PASSED, result.getOutcome(), result.getExplanation().render());
  }

  @Test
  void namesEveryWrongApprover() {
    Scenario s = program()
        .exchange("x-1", "a-kc", "s-kc", "a-mem", "m-1", Scenario.at("2026-02-02T09:00"), null)
        .approved("x-1", ApproverRole.PROGRAM_ADVISOR, "m-1", Scenario.at("2026-02-03T09:00"))
        .approved("x-1", ApproverRole.HOST_SITE_LEAD, "m-lead-mem",
            Scenario.at("2026-02-04T09:00"));
    RuleResult result = result(RuleEngine.evaluate(rules(null, null), s.record,
        Scenario.at("2026-02-10T09:00"), UsFederalCalendar.instance()), "x-1");
    assertEquals(Outcome.FAILED, result.getOutcome());
    String text = result.getExplanation().getText();
    assertTrue(text.contains("approval as program advisor by m-1, who is not an active program"
        + " advisor"), text);
    assertTrue(text.contains("a site lead of s-mem, not of the host site s-kc"), text);
  }

  @Test
  void theThirdExchangeOfAQuarterExceedsACapacityOfTwoUntilAnEarlierOneIsDeclined() {
    Scenario s = program()
        .exchange("x-1", "a-kc", "s-kc", "a-mem", "m-1", Scenario.at("2026-01-12T09:00"), null)
        .exchange("x-2", "a-kc", "s-kc", "a-mem", "m-1", Scenario.at("2026-02-12T09:00"), null)
        .exchange("x-3", "a-kc", "s-kc", "a-mem", "m-1", Scenario.at("2026-03-12T09:00"), null)
        .exchange("x-4", "a-kc", "s-kc", "a-mem", "m-1", Scenario.at("2026-04-02T09:00"), null);
    Instant asOf = Scenario.at("2026-04-10T09:00");
    IncrementalEvaluator evaluator = IncrementalEvaluator.start(rules(2, null), s.record, asOf,
        UsFederalCalendar.instance());
    RuleResult third = result(evaluator.evaluation(), "x-3");
    assertEquals(Outcome.FAILED, third.getOutcome());
    assertTrue(third.getExplanation().getText().contains("this is number 3"),
        third.getExplanation().getText());
    assertEquals(Outcome.PASSED, result(evaluator.evaluation(), "x-4").getOutcome(),
        "a new quarter starts in April");

    evaluator.apply(ExchangeDeclined.builder().eventId(s.nextId()).actor(
        org.pcop.model.MemberId.of("m-lead-kc")).occurredAt(asOf)
        .exchange(ExchangeId.of("x-1")).role(ApproverRole.HOST_SITE_LEAD)
        .reason("No room this quarter.").build());
    assertEquals(Outcome.PASSED, result(evaluator.evaluation(), "x-3").getOutcome());
  }

  @Test
  void capsTravelFundingPerSitePerFederalFiscalYear() {
    Scenario s = program()
        .exchange("x-1", "a-kc", "s-kc", "a-mem", "m-1", Scenario.at("2026-09-15T09:00"),
            new BigDecimal("15000"))
        .exchange("x-2", "a-kc", "s-kc", "a-mem", "m-1", Scenario.at("2026-09-30T09:00"),
            new BigDecimal("12000.50"))
        .exchange("x-3", "a-kc", "s-kc", "a-mem", "m-1", Scenario.at("2026-10-01T09:00"),
            new BigDecimal("15000"));
    Evaluation evaluation = RuleEngine.evaluate(rules(null, "25000"), s.record,
        Scenario.at("2026-10-02T09:00"), UsFederalCalendar.instance());
    assertEquals(Outcome.PASSED, result(evaluation, "x-1").getOutcome());
    RuleResult second = result(evaluation, "x-2");
    assertEquals(Outcome.FAILED, second.getOutcome());
    assertTrue(second.getExplanation().getText().contains("reaches 27000.50 USD in fiscal year"
        + " 2026 (1 October 2025 to 30 September 2026), above the cap of 25000"),
        second.getExplanation().getText());
    assertEquals(Outcome.PASSED, result(evaluation, "x-3").getOutcome(),
        "1 October starts fiscal year 2027");
  }
}
