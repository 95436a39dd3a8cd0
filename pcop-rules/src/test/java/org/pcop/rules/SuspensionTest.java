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
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.EventId;
import org.pcop.model.EngagementKind;
import org.pcop.model.ExchangeId;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.EligibilityRule;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;

/**
 * A suspension with a reason and an end date: the "not suspended" requirement fails while it is
 * in force (through its last day) and holds once it lapsed or the member was reinstated; the
 * eligibility rule and the exchange policy refuse a suspended member.
 */
class SuspensionTest {
  private static final Instant T = Scenario.at("2026-01-05T09:00");
  /** Friday 2026-04-10. */
  private static final Instant AS_OF = Scenario.at("2026-04-10T18:00");
  private static final MemberId DANA = MemberId.of("m-dana");
  private static final RuleSet LEVELS = RuleSet.builder().id("suspension").version(1)
      .addRule(EngagementLevelRule.builder().id(RuleId.of("levels")).community(Scenario.PCOP)
          .addLevel(Level.of("member", Measure.notSuspended())).build())
      .build();

  private static Scenario program() {
    return new Scenario()
        .site("s-kc", EngagementKind.OPERATIONS, LocalDate.of(2025, 1, 1), T)
        .site("s-mem", EngagementKind.OPERATIONS, LocalDate.of(2025, 1, 1), T)
        .localAgency("a-kc", "s-kc", T).localAgency("a-mem", "s-mem", T)
        .member("m-dana", "a-kc", T)
        .membership("m-dana", MembershipRole.MEMBER, MembershipStatus.ACTIVE, T)
        .levelChanged("m-dana", null, "member", T);
  }

  private static RuleResult level(Consumer<Scenario> history) {
    Scenario s = program();
    history.accept(s);
    RuleResult full = RuleEngine.evaluate(LEVELS, s.record, AS_OF,
        UsFederalCalendar.instance()).results(Subject.membership(DANA, Scenario.PCOP)).get(0);
    Scenario replay = new Scenario();
    IncrementalEvaluator incremental = IncrementalEvaluator.start(LEVELS, replay.record, AS_OF,
        UsFederalCalendar.instance());
    s.log.forEach(incremental::apply);
    assertEquals(Optional.of(full), incremental.result(RuleId.of("levels"),
        Subject.membership(DANA, Scenario.PCOP)));
    return full;
  }

  private static Optional<String> to(RuleResult result) {
    return result.findings(LevelChange.class).stream().findFirst().map(c -> c.getTo()
        .orElse("none"));
  }

  @Test
  void notSuspendedFailsThroughTheLastDayAndHoldsTheDayAfter() {
    RuleResult through = level(s -> s.suspended("m-dana", MembershipRole.MEMBER, "2026-04-10",
        Scenario.at("2026-04-01T09:00")));
    assertEquals(Optional.of("none"), to(through));
    String reason = through.findings(LevelChange.class).get(0).getReason();
    assertTrue(reason.contains("suspended until 2026-04-10 (Shared a document marked"
        + " internal.)"), reason);
    RuleResult lapsed = level(s -> s.suspended("m-dana", MembershipRole.MEMBER, "2026-04-09",
        Scenario.at("2026-04-01T09:00")));
    assertEquals(Optional.empty(), to(lapsed));
  }

  @Test
  void aReinstatedMemberIsNotSuspended() {
    assertEquals(Optional.empty(), to(level(s -> s
        .suspended("m-dana", MembershipRole.MEMBER, "2026-06-30", Scenario.at("2026-04-01T09:00"))
        .membership("m-dana", MembershipRole.MEMBER, MembershipStatus.ACTIVE,
            Scenario.at("2026-04-08T09:00")))));
  }

  @Test
  void eligibilityRefusesASuspendedMember() {
    EligibilityRule rule = EligibilityRule.builder().id(RuleId.of("eligibility"))
        .community(Scenario.PCOP).build();
    Scenario s = program().suspended("m-dana", MembershipRole.MEMBER, "2026-04-10",
        Scenario.at("2026-04-01T09:00"));
    RuleResult refused = RuleEngine.checkEligibility(rule, s.record, DANA,
        MembershipRole.MEMBER, Optional.empty(), AS_OF);
    assertEquals(Outcome.FAILED, refused.getOutcome());
    assertTrue(refused.findings(Refusal.class).get(0).getUnmetConditions()
        .contains("member m-dana is suspended until 2026-04-10 (Shared a document marked"
            + " internal.)"), refused.toString());
    RuleResult dayAfter = RuleEngine.checkEligibility(rule, s.record, DANA,
        MembershipRole.MEMBER, Optional.empty(), AS_OF.plusSeconds(86_400));
    assertEquals(Outcome.PASSED, dayAfter.getOutcome(), dayAfter.toString());
  }

  @Test
  void theExchangePolicyRefusesAPendingExchangeOfASuspendedRequester() {
    RuleSet policy = RuleSet.builder().id("policy").version(1)
        .addRule(ExchangePolicyRule.builder().id(RuleId.of("policy")).community(Scenario.PCOP)
            .build()).build();
    Scenario s = program()
        .exchange("x-1", "a-mem", "s-mem", "a-kc", "m-dana", Scenario.at("2026-03-02T09:00"),
            null)
        .suspended("m-dana", MembershipRole.MEMBER, "2026-04-30", Scenario.at("2026-04-01T09:00"));
    RuleResult result = RuleEngine.evaluate(policy, s.record, AS_OF,
        UsFederalCalendar.instance()).results(Subject.exchange(ExchangeId.of("x-1"))).get(0);
    assertEquals(Outcome.FAILED, result.getOutcome());
    assertTrue(result.getExplanation().getText()
        .contains("the requester m-dana is suspended on 2026-04-10"), result.toString());
    Scenario replay = new Scenario();
    IncrementalEvaluator incremental = IncrementalEvaluator.start(policy, replay.record, AS_OF,
        UsFederalCalendar.instance());
    s.log.forEach(incremental::apply);
    assertEquals(Optional.of(result), incremental.result(RuleId.of("policy"),
        Subject.exchange(ExchangeId.of("x-1"))));
  }

  @Test
  void aSuspensionNeedsAReasonAndAnEndDateAndOnlyASuspensionHasOne() {
    var base = MembershipChanged.builder().eventId(EventId.of("e-1")).actor(DANA).occurredAt(T)
        .member(DANA).community(Scenario.PCOP).role(MembershipRole.MEMBER);
    InvalidValueException noEnd = assertThrows(InvalidValueException.class, () -> base
        .status(MembershipStatus.SUSPENDED).reason("Why.").build());
    assertTrue(noEnd.getMessage().contains("until"), noEnd.getMessage());
    InvalidValueException notSuspended = assertThrows(InvalidValueException.class, () -> base
        .status(MembershipStatus.ACTIVE).until(LocalDate.of(2026, 5, 1)).build());
    assertTrue(notSuspended.getMessage().contains("only a suspension"),
        notSuspended.getMessage());
  }
}
