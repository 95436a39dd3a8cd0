package org.pcop.model.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.model.Fixtures.ADVISOR;
import static org.pcop.model.Fixtures.SITE_LEAD;
import static org.pcop.model.Fixtures.T0;
import static org.pcop.model.ValueAssertions.assertMissing;
import static org.pcop.model.ValueAssertions.assertRefused;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.assertValueEquality;
import static org.pcop.model.ValueAssertions.violationPaths;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pcop.model.AgencyId;
import org.pcop.model.CaseReference;
import org.pcop.model.ExchangeId;
import org.pcop.model.Fixtures;
import org.pcop.model.MemberId;

class ExchangeTest {
  static final Approval BY_ADVISOR =
      Approval.of(ApproverRole.PROGRAM_ADVISOR, ADVISOR, T0.plusSeconds(86_400));
  static final Approval BY_SITE_LEAD =
      Approval.of(ApproverRole.HOST_SITE_LEAD, SITE_LEAD, T0.plusSeconds(2 * 86_400));
  static final Schedule SCHEDULE = Schedule.of(LocalDate.of(2026, 4, 14), LocalDate.of(2026, 4, 15));
  static final LocalDate HELD_ON = LocalDate.of(2026, 4, 15);

  static ImmutableExchange.Builder approved() {
    return Fixtures.exchange().state(ExchangeState.APPROVED)
        .addApproval(BY_ADVISOR).addApproval(BY_SITE_LEAD);
  }

  static ImmutableExchange.Builder scheduled() {
    return approved().state(ExchangeState.SCHEDULED).schedule(SCHEDULE);
  }

  static ImmutableExchange.Builder held() {
    return scheduled().state(ExchangeState.HELD).heldOn(HELD_ON);
  }

  static ImmutableExchange.Builder documented() {
    return held().state(ExchangeState.DOCUMENTED).report(Fixtures.report().build());
  }

  /** A valid exchange in each state, with just what that state needs. */
  static ImmutableExchange.Builder in(ExchangeState state) {
    switch (state) {
      case REQUESTED:
        return Fixtures.exchange();
      case APPROVED:
        return approved();
      case SCHEDULED:
        return scheduled();
      case HELD:
        return held();
      case DOCUMENTED:
        return documented();
      case DECLINED:
        return Fixtures.exchange().state(ExchangeState.DECLINED).addApproval(BY_ADVISOR)
            .closingReason("The host office cannot receive visitors this spring.");
      case CANCELLED:
        return scheduled().state(ExchangeState.CANCELLED)
            .closingReason("The visiting office's travel was not funded.");
      default:
        throw new AssertionError(state);
    }
  }

  @Nested
  @DisplayName("Lifecycle")
  class Lifecycle {
    @ParameterizedTest(name = "a {0} exchange builds with what its state needs")
    @EnumSource(ExchangeState.class)
    void buildsInEveryStateWithWhatItNeeds(ExchangeState state) {
      Exchange exchange = in(state).build();
      assertEquals(state, exchange.getState());
      assertTrue(!state.isApproved() || exchange.isFullyApproved());
      assertValid(exchange);
    }

    @Test
    void startsRequestedWithoutApprovalsScheduleOrReport() {
      Exchange exchange = Fixtures.exchange().build();
      assertEquals(ExchangeState.REQUESTED, exchange.getState());
      assertEquals(List.of(), exchange.getApprovals());
      assertEquals(Optional.empty(), exchange.getSchedule());
      assertEquals(Optional.empty(), exchange.getHeldOn());
      assertEquals(Optional.empty(), exchange.getReport());
      assertFalse(exchange.isFullyApproved());
    }

    @ParameterizedTest(name = "{0} needs both approvals")
    @EnumSource(value = ExchangeState.class, names = {"APPROVED", "SCHEDULED", "HELD",
        "DOCUMENTED"})
    void anApprovedStateNeedsBothApprovals(ExchangeState state) {
      assertRefused("Exchange.approvals: an exchange in state " + state + " needs the approvals of"
              + " both the program advisor and the host site lead",
          () -> in(state).approvals(List.of(BY_ADVISOR)).build());
      assertRefused("Exchange.approvals: an exchange in state " + state + " needs the approvals of"
              + " both the program advisor and the host site lead",
          () -> in(state).approvals(List.of(BY_SITE_LEAD)).build());
    }

    @ParameterizedTest(name = "{0} needs a schedule")
    @EnumSource(value = ExchangeState.class, names = {"SCHEDULED", "HELD", "DOCUMENTED"})
    void aScheduledStateNeedsASchedule(ExchangeState state) {
      assertRefused("Exchange.schedule: an exchange in state " + state + " needs a schedule",
          () -> in(state).schedule(Optional.empty()).build());
    }

    @ParameterizedTest(name = "{0} cannot have a schedule")
    @EnumSource(value = ExchangeState.class, names = {"REQUESTED", "APPROVED", "DECLINED"})
    void anUnscheduledStateHasNoSchedule(ExchangeState state) {
      assertRefused("Exchange.schedule: an exchange in state " + state + " has not been scheduled",
          () -> in(state).schedule(SCHEDULE).build());
    }

    @Test
    void aCancelledExchangeMayKeepItsScheduleOrHaveNone() {
      assertEquals(Optional.of(SCHEDULE), in(ExchangeState.CANCELLED).build().getSchedule());
      Exchange early = Fixtures.exchange().state(ExchangeState.CANCELLED).build();
      assertEquals(Optional.empty(), early.getSchedule());
    }

    @ParameterizedTest(name = "{0} needs the day it was held")
    @EnumSource(value = ExchangeState.class, names = {"HELD", "DOCUMENTED"})
    void aHeldStateNeedsTheDayItWasHeld(ExchangeState state) {
      assertRefused("Exchange.heldOn: an exchange in state " + state + " needs the day it was held",
          () -> in(state).heldOn(Optional.empty()).build());
    }

    @ParameterizedTest(name = "{0} has not been held")
    @EnumSource(value = ExchangeState.class, names = {"REQUESTED", "APPROVED", "SCHEDULED",
        "DECLINED", "CANCELLED"})
    void anExchangeNotYetHeldHasNoHeldOn(ExchangeState state) {
      assertRefused("Exchange.heldOn: an exchange in state " + state + " has not been held",
          () -> in(state).heldOn(HELD_ON).build());
    }

    @Test
    void aDocumentedExchangeNeedsItsReport() {
      assertRefused("Exchange.report: a documented exchange needs its follow-up report",
          () -> documented().report(Optional.empty()).build());
    }

    @ParameterizedTest(name = "{0} has no report yet")
    @EnumSource(value = ExchangeState.class, names = {"DOCUMENTED"},
        mode = EnumSource.Mode.EXCLUDE)
    void onlyADocumentedExchangeHasAReport(ExchangeState state) {
      assertRefused("Exchange.report: an exchange in state " + state + " has no follow-up report"
              + " yet",
          () -> in(state).report(Fixtures.report().build()).build());
    }

    @ParameterizedTest(name = "{0} has no closing reason")
    @EnumSource(value = ExchangeState.class, names = {"DECLINED", "CANCELLED"},
        mode = EnumSource.Mode.EXCLUDE)
    void onlyADeclinedOrCancelledExchangeHasAClosingReason(ExchangeState state) {
      assertRefused("Exchange.closingReason: only a declined or cancelled exchange has a closing"
              + " reason, not one in state " + state,
          () -> in(state).closingReason("no longer needed").build());
    }

    @Test
    void aDeclinedOrCancelledExchangeMayOmitItsReason() {
      assertValid(Fixtures.exchange().state(ExchangeState.DECLINED).build());
      assertValid(Fixtures.exchange().state(ExchangeState.CANCELLED).build());
    }

    @Test
    void refusesAReportSubmittedBeforeTheRequest() {
      assertRefused("Exchange.report.submittedAt: 2026-03-01T15:00:00Z is before the request at"
              + " 2026-03-02T15:00:00Z",
          () -> documented().report(Fixtures.report().submittedAt(T0.minusSeconds(86_400))
              .build()).build());
    }
  }

  @Nested
  @DisplayName("Approvals")
  class Approvals {
    @Test
    void findsTheApprovalOfEachRole() {
      Exchange exchange = Fixtures.exchange().addApproval(BY_SITE_LEAD).build();
      assertEquals(Optional.of(BY_SITE_LEAD), exchange.approval(ApproverRole.HOST_SITE_LEAD));
      assertEquals(Optional.empty(), exchange.approval(ApproverRole.PROGRAM_ADVISOR));
      assertFalse(exchange.isFullyApproved());
      assertTrue(Fixtures.exchange().addApprovals(BY_SITE_LEAD, BY_ADVISOR).build()
          .isFullyApproved());
    }

    @Test
    void refusesTwoApprovalsInTheSameRole() {
      assertRefused("Exchange.approvals[1]: a second approval as PROGRAM_ADVISOR",
          () -> Fixtures.exchange().addApproval(BY_ADVISOR).addApproval(
              Approval.of(ApproverRole.PROGRAM_ADVISOR, MemberId.of("m-9"), T0)).build());
    }

    @Test
    void refusesTwoApprovalsByTheSamePerson() {
      assertRefused("Exchange.approvals[1].by: member m-advisor already approved as"
              + " PROGRAM_ADVISOR; two-party approval needs two people",
          () -> Fixtures.exchange().addApproval(BY_ADVISOR).addApproval(
              Approval.of(ApproverRole.HOST_SITE_LEAD, ADVISOR, T0.plusSeconds(5))).build());
    }

    @Test
    void refusesAnApprovalBeforeTheRequest() {
      assertRefused("Exchange.approvals[0].at: 2026-03-02T14:59:59Z is before the request at"
              + " 2026-03-02T15:00:00Z",
          () -> Fixtures.exchange().addApproval(
              Approval.of(ApproverRole.PROGRAM_ADVISOR, ADVISOR, T0.minusSeconds(1))).build());
    }

    @Test
    void acceptsAnApprovalAtTheInstantOfTheRequest() {
      assertValid(Fixtures.exchange()
          .addApproval(Approval.of(ApproverRole.PROGRAM_ADVISOR, ADVISOR, T0)).build());
    }
  }

  @Nested
  @DisplayName("Parties and funding")
  class Parties {
    @Test
    void refusesAHostThatIsAlsoAVisitor() {
      assertRefused("Exchange.visitingAgencies: the host agency a-kc cannot also be a visitor",
          () -> Fixtures.exchange().addVisitingAgency(AgencyId.of("a-kc")).build());
    }

    @Test
    void refusesAnExchangeWithoutVisitors() {
      assertRefused("Exchange.visitingAgencies: an exchange has at least one visiting agency",
          () -> Fixtures.exchange().visitingAgencies(List.of()).build());
    }

    @Test
    void acceptsSeveralVisitingOffices() {
      Exchange exchange = Fixtures.exchange().addVisitingAgency(AgencyId.of("a-stl")).build();
      assertEquals(2, exchange.getVisitingAgencies().size());
    }

    @Test
    void refusesNegativeTravelFundingAndAcceptsZero() {
      assertRefused("Exchange.travelFunding: must not be negative, got -0.01",
          () -> Fixtures.exchange().travelFunding(new BigDecimal("-0.01")).build());
      assertValid(Fixtures.exchange().travelFunding(BigDecimal.ZERO).build());
    }
  }

  @Test
  void refusesMissingAndNullFieldsNamingThem() {
    assertMissing("Exchange.community, Exchange.hostAgency, Exchange.hostSite, Exchange.purpose, "
        + "Exchange.mode, Exchange.requestedBy, Exchange.requestedAt: must be set",
        () -> Exchange.builder().id(ExchangeId.of("x")).build());
    assertMissing("purpose: must not be null", () -> Fixtures.exchange().purpose(null));
    assertMissing("state: must not be null", () -> Fixtures.exchange().state(null));
  }

  @Test
  void equalExchangesHashAlike() {
    assertValueEquality(() -> documented().build(), held().build());
    assertValueEquality(() -> Fixtures.exchange().build(),
        Fixtures.exchange().mode(ExchangeMode.VIRTUAL).build());
  }

  @Test
  void reportsEveryTypingMistakeAtOnceWithPaths() {
    Exchange exchange = documented()
        .purpose(" ")
        .addCaseReference(CaseReference.of("h-1", ""))
        .addCaseReference(CaseReference.of("h".repeat(129), "CR-2"))
        .report(Fixtures.report().summary("Done\u0000").build())
        .build();
    assertEquals(List.of("caseReferences[0].label", "caseReferences[1].handle", "purpose",
        "report.summary"), violationPaths(exchange));
    Exchange cancelled = Fixtures.exchange().state(ExchangeState.CANCELLED)
        .closingReason("line\nbreak").build();
    assertEquals(List.of("closingReason"), violationPaths(cancelled));
  }
}
