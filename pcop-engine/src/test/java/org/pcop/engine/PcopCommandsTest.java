package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pcop.model.ActivityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.activity.RfiState;
import org.pcop.model.activity.Schedule;
import org.pcop.spi.AuditOutcome;
import org.pcop.engine.CommandRefusedException.Reason;

class PcopCommandsTest {
  private final World world = new World();
  private final Pcop pcop = world.engine();

  @Test
  void enrolsMembersAndKeepsTheRoster() {
    world.populate(pcop);
    assertEquals(List.of("m-advisor PROGRAM_ADVISOR ACTIVE", "m-lead SITE_LEAD ACTIVE",
            "m-pat MEMBER ACTIVE"),
        pcop.roster().stream().map(m -> m.getMember() + " " + m.getRole() + " " + m.getStatus())
            .sorted().collect(Collectors.toList()));
    assertEquals(2, pcop.history(M_PAT).size());
  }

  @Test
  void aCommandSaysWhatItAppended() {
    CommandResult result = pcop.registerSite(CommandContext.of(ADMIN, "site-1"), site(KC));
    assertEquals(List.of("site-1.0"), result.events().stream().map(Object::toString)
        .collect(Collectors.toList()));
    assertEquals(List.of("site-registered"), result.eventTypes());
    assertEquals(1, result.lastPosition());
    assertFalse(result.retry());
  }

  @Test
  void anUnmappedUserIsDeniedAndAudited() {
    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> pcop.registerSite(CommandContext.of(STRANGER, "x-1"), site(KC)));
    assertEquals(Reason.DENIED, e.getReason());
    assertEquals(0, world.memoryStore.readAll(0, 10).size());
    assertEquals(AuditOutcome.DENIED, world.audit.getRecords().get(0).getOutcome());
  }

  @Test
  void theAccessPolicyDeniesWhatItDoesNotGrant() {
    world.identities.map(STRANGER, M_PAT);
    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> pcop.registerSite(CommandContext.of(STRANGER, "x-1"), site(KC)));
    assertEquals(Reason.DENIED, e.getReason());
    assertTrue(e.getProblems().get(0).contains("may not site.register"), e.getMessage());
  }

  @Test
  void aUserMayNotRecordForAnotherMember() {
    world.populate(pcop);
    Activity webinar = webinar("w-1");
    pcop.recordActivity(world.as(ADMIN), webinar);
    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> pcop.recordParticipation(world.as(LEAD),
            Participation.of(webinar.getId(), M_PAT, ParticipationKind.ATTENDED, NOW)));
    assertEquals(Reason.DENIED, e.getReason());
  }

  @Test
  void anIneligibleMemberIsRefusedWithEveryUnmetCondition() {
    // An office at no program site: its people do not meet the site conditions.
    pcop.registerAgency(world.as(ADMIN), org.pcop.model.Agency.builder()
        .from(agency(A_STL, STL)).site(Optional.empty()).build());
    pcop.enrolMember(world.as(ADMIN), member(M_PAT, A_STL));
    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> pcop.changeMembership(world.as(ADMIN), M_PAT, MembershipRole.MEMBER,
            MembershipStatus.ACTIVE, Optional.empty()));
    assertEquals(Reason.RULE, e.getReason());
    assertFalse(e.getProblems().isEmpty());
    assertTrue(e.getProblems().stream().anyMatch(p -> p.contains("site")), e.getMessage());
    assertTrue(pcop.roster().isEmpty());
    assertEquals(AuditOutcome.REJECTED,
        world.audit.getRecords().get(world.audit.getRecords().size() - 1).getOutcome());
  }

  @Test
  void anInvalidValueIsRefusedWithEveryViolation() {
    world.populate(pcop);
    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> pcop.documentExchange(world.as(PAT), ExchangeId.of("x-none"), "report"));
    assertEquals(Reason.RULE, e.getReason());
    CommandRefusedException invalid = assertThrows(CommandRefusedException.class,
        () -> pcop.enrolMember(world.as(ADMIN), org.pcop.model.Member.builder().from(World.member(M_PAT, A_STL)).email("nope").build()));
    assertEquals(Reason.INVALID, invalid.getReason());
    assertTrue(invalid.getProblems().get(0).contains("email"), invalid.getMessage());
  }

  @Test
  void recordsActivitiesAndParticipations() {
    world.populate(pcop);
    Activity webinar = webinar("w-1");
    pcop.recordActivity(world.as(ADMIN), webinar);
    pcop.recordParticipation(world.as(PAT),
        Participation.of(webinar.getId(), M_PAT, ParticipationKind.ATTENDED, NOW));
    assertEquals(3, pcop.history(M_PAT).size());
    CommandRefusedException twice = assertThrows(CommandRefusedException.class,
        () -> pcop.recordActivity(world.as(ADMIN), webinar));
    assertEquals(Reason.RULE, twice.getReason());
    assertFalse(pcop.evaluation().getResults().isEmpty());
  }

  @Test
  void anExchangeGoesFromRequestThroughTwoPartyApprovalToItsReport() {
    world.populate(pcop);
    ExchangeId id = ExchangeId.of("x-1");
    pcop.requestExchange(world.as(PAT), exchange("x-1"));
    assertEquals(1, world.sink.getDelivered().size());
    assertEquals(java.util.Set.of(M_ADVISOR, M_LEAD),
        world.sink.getDelivered().get(0).getRecipients());
    CommandRefusedException early = assertThrows(CommandRefusedException.class,
        () -> pcop.scheduleExchange(world.as(ADMIN), id,
            Schedule.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 2))));
    assertEquals(Reason.RULE, early.getReason());
    CommandRefusedException wrongRole = assertThrows(CommandRefusedException.class,
        () -> pcop.approveExchange(world.as(PAT), id, ApproverRole.PROGRAM_ADVISOR));
    assertEquals(Reason.RULE, wrongRole.getReason());
    pcop.approveExchange(world.as(ADVISOR), id, ApproverRole.PROGRAM_ADVISOR);
    assertEquals(ExchangeState.REQUESTED, pcop.exchange(id).get().getState());
    pcop.approveExchange(world.as(LEAD), id, ApproverRole.HOST_SITE_LEAD);
    assertEquals(ExchangeState.APPROVED, pcop.exchange(id).get().getState());
    pcop.scheduleExchange(world.as(ADMIN), id,
        Schedule.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 2)));
    pcop.holdExchange(world.as(ADMIN), id, LocalDate.of(2026, 7, 1));
    assertEquals(1, pcop.openExchanges().size());
    pcop.documentExchange(world.as(PAT), id, "What we learned.");
    assertEquals(ExchangeState.DOCUMENTED, pcop.exchange(id).get().getState());
    assertTrue(pcop.openExchanges().isEmpty());
  }

  @Test
  void anExchangeCanBeDeclinedOrCancelled() {
    world.populate(pcop);
    pcop.requestExchange(world.as(PAT), exchange("x-1"));
    pcop.declineExchange(world.as(LEAD), ExchangeId.of("x-1"), ApproverRole.HOST_SITE_LEAD,
        "No capacity this quarter.");
    assertEquals(ExchangeState.DECLINED, pcop.exchange(ExchangeId.of("x-1")).get().getState());
    pcop.requestExchange(world.as(PAT), exchange("x-2"));
    pcop.cancelExchange(world.as(PAT), ExchangeId.of("x-2"), "Travel cancelled.");
    assertEquals(Reason.RULE, assertThrows(CommandRefusedException.class,
        () -> pcop.cancelExchange(world.as(PAT), ExchangeId.of("x-2"), "Again."))
        .getReason());
  }

  @Test
  void theExchangePolicyLimitsHostCapacityAndTravelFunding() {
    world.populate(pcop);
    pcop.requestExchange(world.as(PAT), exchange("x-1"));
    pcop.requestExchange(world.as(PAT), org.pcop.model.activity.Exchange.builder()
        .from(exchange("x-2")).travelFunding(new java.math.BigDecimal("20000")).build());
    CommandRefusedException full = assertThrows(CommandRefusedException.class,
        () -> pcop.requestExchange(world.as(PAT), org.pcop.model.activity.Exchange.builder()
            .from(exchange("x-3")).travelFunding(new java.math.BigDecimal("6000")).build()));
    assertEquals(Reason.RULE, full.getReason());
    assertEquals(2, full.getProblems().size(), full.getMessage());
    assertTrue(full.getProblems().get(0).contains("already hosts 2"), full.getMessage());
    assertTrue(full.getProblems().get(1).contains("26000"), full.getMessage());
    pcop.cancelExchange(world.as(PAT), ExchangeId.of("x-1"), "Travel cancelled.");
    pcop.requestExchange(world.as(PAT), exchange("x-3"));
    assertEquals(2, pcop.openExchanges().size());
  }

  @Test
  void anRfiGoesFromPostingToAnAcceptedAnswer() {
    world.populate(pcop);
    RfiId id = RfiId.of("q-1");
    pcop.postRfi(world.as(PAT), rfi("q-1"));
    assertEquals(1, pcop.openRfis().size());
    pcop.answerRfi(world.as(LEAD), id, ResponseId.of("a-1"), "We triage them daily.");
    assertEquals("rfi.answered", world.sink.getDelivered().get(0).getKind());
    assertEquals(Reason.RULE, assertThrows(CommandRefusedException.class,
        () -> pcop.acceptAnswer(world.as(LEAD), id, ResponseId.of("a-1"))).getReason());
    pcop.acceptAnswer(world.as(PAT), id, ResponseId.of("a-1"));
    assertEquals(RfiState.RESOLVED, pcop.rfi(id).get().getState());
    assertTrue(pcop.openRfis().isEmpty());
    assertEquals(java.util.Set.of(M_LEAD), world.sink.getDelivered().get(1).getRecipients());
  }

  @Test
  void theBuilderNamesEveryMissingProvider() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Pcop.builder().store(world.store).build());
    assertTrue(e.getMessage().contains("community, identities, access, audit, notifications"),
        e.getMessage());
  }

  @Test
  void theBuilderTakesWhatIsNotSetExplicitlyFromAHostAdapter() {
    org.pcop.spi.memory.InMemoryHostAdapter adapter =
        org.pcop.spi.memory.InMemoryHostAdapter.create(CLOCK);
    Pcop fromAdapter = Pcop.builder().adapter(adapter).community(COMMUNITY)
        .identities(world.identities).access(world.access).build();
    fromAdapter.registerSite(world.as(ADMIN), site(KC));
    assertEquals(1, adapter.getEventStore().readAll(0, 10).size());
    assertTrue(world.memoryStore.readAll(0, 10).isEmpty());
  }

  static Activity webinar(String id) {
    return Activity.builder().id(ActivityId.of(id)).community(PCOP).kind(ActivityKind.WEBINAR)
        .title("Webinar " + id).startsAt(NOW.minusSeconds(7200)).endsAt(NOW.minusSeconds(3600))
        .build();
  }
}
