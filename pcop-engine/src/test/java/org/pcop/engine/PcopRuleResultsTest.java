package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcop.model.ActivityId;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.activity.RfiState;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.taxonomy.PspTaxonomy;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.TaxonomyId;
import org.pcop.spi.AuditOutcome;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.HostUserId;
import org.pcop.engine.CommandRefusedException.Reason;

class PcopRuleResultsTest {
  private final World world = new World();
  private final MovingClock clock = new MovingClock();
  private final Pcop pcop = world.engine(world.store, clock);

  /** Three community calls, a week apart, that Pat attends and nobody else does. */
  private void patAttendsThreeCalls() {
    for (int week = 0; week < 3; week++) {
      Instant starts = NOW.plus(Duration.ofDays(1 + 7L * week));
      clock.set(starts.minus(Duration.ofDays(1)));
      Activity call = Activity.builder().id(ActivityId.of("call-" + week)).community(PCOP)
          .kind(ActivityKind.MEETING).title("Monthly call " + week).startsAt(starts)
          .endsAt(starts.plus(Duration.ofHours(1))).build();
      pcop.recordActivity(world.as(ADMIN), call);
      clock.set(starts);
      pcop.recordParticipation(world.as(PAT),
          Participation.of(call.getId(), M_PAT, ParticipationKind.ATTENDED, starts));
    }
  }

  /** The events of a command the administrator ran, in log order. */
  private List<PcopEvent> adminEvents(CommandResult result) {
    return pcop.history(M_ADMIN).stream().filter(e -> result.events().contains(e.getEventId()))
        .toList();
  }

  @Test
  void recordsLevelChangesAndDormancyAsOfTheClock() {
    world.populate(pcop);
    patAttendsThreeCalls();

    clock.set(NOW.plus(Duration.ofDays(20)));
    CommandResult levels = pcop.applyRuleResults(world.as(ADMIN));

    assertEquals(List.of("engagement-level-changed"), levels.eventTypes(), levels.toString());
    EngagementLevelChanged change = (EngagementLevelChanged) adminEvents(levels).get(0);
    assertEquals(M_PAT, change.getMember());
    assertEquals(Optional.of("active"), change.getTo());
    assertEquals(clock.instant(), change.getOccurredAt());
    assertEquals(List.of(EventIdsOf.id(levels.requestId(), 0)), levels.events());

    clock.set(NOW.plus(Duration.ofDays(400)));
    CommandResult later = pcop.applyRuleResults(world.as(ADMIN));

    assertTrue(later.eventTypes().contains("membership-changed"), later.toString());
    assertTrue(pcop.roster().stream().allMatch(m -> m.getStatus() == MembershipStatus.DORMANT),
        () -> pcop.roster().toString());
    assertTrue(world.sink.getDelivered().stream()
        .anyMatch(n -> n.getKind().equals("membership.dormant")
            && n.getRecipients().contains(M_LEAD)));
    for (int i = 0; i < later.events().size(); i++) {
      assertEquals(EventIdsOf.id(later.requestId(), i), later.events().get(i),
          "event ids follow each other without gaps");
    }
    assertTrue(pcop.applyRuleResults(world.as(ADMIN)).events().isEmpty(),
        "nothing is left to record at the same instant");
  }

  @Test
  void aUserWithoutTheRightIsDeniedAndNothingIsStored() {
    world.populate(pcop);
    patAttendsThreeCalls();
    clock.set(NOW.plus(Duration.ofDays(20)));
    HostUserId viewer = HostUserId.of("viewer");
    world.identities.map(viewer, M_PAT);
    int stored = world.memoryStore.readAll(0, 10_000).size();

    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> pcop.applyRuleResults(CommandContext.of(viewer, "apply-1")));

    assertEquals(Reason.DENIED, e.getReason());
    assertTrue(e.getProblems().get(0).contains("may not rules.apply"), e.getMessage());
    assertEquals(stored, world.memoryStore.readAll(0, 10_000).size());
    AuditRecord last = world.audit.getRecords().get(world.audit.getRecords().size() - 1);
    assertEquals(AuditOutcome.DENIED, last.getOutcome());
    assertEquals("rules.apply", last.getCommand());
  }

  @Test
  void aRetryIsAcknowledgedWithTheOriginalEventsAndStoresNothing() {
    world.populate(pcop);
    patAttendsThreeCalls();
    clock.set(NOW.plus(Duration.ofDays(20)));
    CommandResult first = pcop.applyRuleResults(CommandContext.of(ADMIN, "month-end-1"));
    int stored = world.memoryStore.readAll(0, 10_000).size();

    clock.set(NOW.plus(Duration.ofDays(400)));
    CommandResult retry = pcop.applyRuleResults(CommandContext.of(ADMIN, "month-end-1"));

    assertTrue(retry.retry());
    assertFalse(first.retry());
    assertEquals(first.events(), retry.events());
    assertEquals(stored, world.memoryStore.readAll(0, 10_000).size());
    assertEquals(AuditOutcome.COMMITTED,
        world.audit.getRecords().get(world.audit.getRecords().size() - 1).getOutcome());
  }

  @Test
  void theTaxonomyIsAdoptedButNeverAnOlderVersionOrAnotherTaxonomy() {
    Taxonomy v1 = PspTaxonomy.version(1).orElseThrow();
    Taxonomy v2 = PspTaxonomy.version(2).orElseThrow();
    assertEquals(COMMUNITY.getTaxonomy(), v2.getId(), "the test community uses the PSP taxonomy");

    CommandResult adopted = pcop.changeTaxonomy(world.as(ADMIN), v2);

    assertEquals(List.of("taxonomy-changed"), adopted.eventTypes());
    CommandRefusedException older = assertThrows(CommandRefusedException.class,
        () -> pcop.changeTaxonomy(world.as(ADMIN), v1));
    assertEquals(Reason.RULE, older.getReason());
    assertTrue(older.getProblems().get(0).contains("already uses version 2"), older.getMessage());
    Taxonomy other = Taxonomy.builder().from(v2).id(TaxonomyId.of("other")).build();
    CommandRefusedException wrong = assertThrows(CommandRefusedException.class,
        () -> pcop.changeTaxonomy(world.as(ADMIN), other));
    assertTrue(wrong.getProblems().get(0).startsWith("taxonomy.id:"), wrong.getMessage());
    CommandRefusedException denied = assertThrows(CommandRefusedException.class,
        () -> pcop.changeTaxonomy(CommandContext.of(STRANGER, "t-1"), v2));
    assertEquals(Reason.DENIED, denied.getReason());
  }

  @Test
  void anUnansweredRequestIsClosedOnceAndThenCountsAsExpired() {
    world.populate(pcop);
    pcop.postRfi(world.as(PAT), rfi("rfi-1"));
    RfiId id = RfiId.of("rfi-1");

    CommandResult closed = pcop.closeRfi(world.as(ADMIN), id, "no answer within 60 days");

    assertEquals(List.of("rfi-closed"), closed.eventTypes());
    assertEquals(RfiState.EXPIRED, pcop.rfi(id).orElseThrow().getState());
    assertTrue(pcop.openRfis().isEmpty());
    CommandRefusedException again = assertThrows(CommandRefusedException.class,
        () -> pcop.closeRfi(world.as(ADMIN), id, "again"));
    assertEquals(Reason.RULE, again.getReason());
    CommandRefusedException answer = assertThrows(CommandRefusedException.class,
        () -> pcop.answerRfi(world.as(LEAD), id, ResponseId.of("late"), "A late answer."));
    assertEquals(Reason.RULE, answer.getReason());
    CommandRefusedException unknown = assertThrows(CommandRefusedException.class,
        () -> pcop.closeRfi(world.as(ADMIN), RfiId.of("rfi-none"), null));
    assertTrue(unknown.getProblems().get(0).contains("rfi-none is not posted"));
  }

  @Test
  void programStaffAtNoProgramSiteAreAppointedWithoutTheEligibilityRule() {
    world.populate(pcop);
    org.pcop.model.AgencyId programOffice = org.pcop.model.AgencyId.of("a-program");
    pcop.registerAgency(world.as(ADMIN), org.pcop.model.Agency.builder().from(agency(programOffice,
        KC)).site(Optional.empty()).build());
    org.pcop.model.MemberId staff = org.pcop.model.MemberId.of("m-staff");
    pcop.enrolMember(world.as(ADMIN), member(staff, programOffice));
    CommandRefusedException joining = assertThrows(CommandRefusedException.class,
        () -> pcop.changeMembership(world.as(ADMIN), staff,
            org.pcop.model.MembershipRole.PROGRAM_ADVISOR, MembershipStatus.ACTIVE,
            Optional.empty()));
    assertEquals(Reason.RULE, joining.getReason(), "the eligibility rule refuses a plain join");

    CommandResult appointed = pcop.appointStaff(world.as(ADMIN), staff,
        org.pcop.model.MembershipRole.PROGRAM_ADVISOR);

    assertEquals(List.of("membership-changed"), appointed.eventTypes());
    assertTrue(pcop.roster().stream().anyMatch(m -> m.getMember().equals(staff)
        && m.getStatus() == MembershipStatus.ACTIVE
        && m.getRole() == org.pcop.model.MembershipRole.PROGRAM_ADVISOR));
    CommandRefusedException twice = assertThrows(CommandRefusedException.class,
        () -> pcop.appointStaff(world.as(ADMIN), staff,
            org.pcop.model.MembershipRole.PROGRAM_ADVISOR));
    assertEquals(Reason.RULE, twice.getReason());
    CommandRefusedException notStaff = assertThrows(CommandRefusedException.class,
        () -> pcop.appointStaff(world.as(ADMIN), M_PAT, org.pcop.model.MembershipRole.MEMBER));
    assertEquals(Reason.INVALID, notStaff.getReason());
    assertTrue(notStaff.getProblems().get(0).contains("not a program role"));
    world.identities.map(HostUserId.of("clerk"), M_PAT);
    CommandRefusedException denied = assertThrows(CommandRefusedException.class,
        () -> pcop.appointStaff(CommandContext.of(HostUserId.of("clerk"), "a-1"), M_PAT,
            org.pcop.model.MembershipRole.COORDINATOR));
    assertEquals(Reason.DENIED, denied.getReason());
    assertTrue(denied.getProblems().get(0).contains("may not membership.appoint"));
  }

  /** The event ids the engine derives from a request id. */
  private static final class EventIdsOf {
    static org.pcop.model.event.EventId id(String requestId, int n) {
      return org.pcop.model.event.EventId.of(requestId + "." + n);
    }
  }
}
