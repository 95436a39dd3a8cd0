package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.ActivityId;
import org.pcop.model.CaseReference;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.activity.Schedule;
import org.pcop.model.taxonomy.PspTaxonomy;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.AuditOutcome;
import org.pcop.guard.CaseFactPolicy;
import org.pcop.model.event.CaseFactDecision;
import org.pcop.model.event.EventId;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.HostUserId;
import org.pcop.engine.CommandRefusedException.Reason;
import org.pcop.spi.memory.InMemoryEventStore;

/**
 * Every command of the engine, one by one: its happy path, and each way it is refused (not
 * allowed, invalid, breaks a rule, conflict), each refusal leaving the store as it was and
 * audited under the command's action name.
 */
class PcopEveryCommandTest {
  private static final MemberId M_NEW = MemberId.of("m-new");
  private static final MemberId M_STAFF = MemberId.of("m-staff");
  private static final AgencyId A_NEW = AgencyId.of("a-new");
  private static final AgencyId A_PROGRAM = AgencyId.of("a-program");
  private static final ExchangeId X_1 = ExchangeId.of("x-1");
  private static final ExchangeId X_NONE = ExchangeId.of("x-none");
  private static final RfiId Q_1 = RfiId.of("q-1");
  private static final RfiId Q_NONE = RfiId.of("q-none");
  private static final Schedule JULY = Schedule.of(LocalDate.of(2026, 7, 1),
      LocalDate.of(2026, 7, 2));

  private static final Setup NOTHING = f -> { };

  /** Sets a scenario up in a populated world. */
  @FunctionalInterface
  interface Setup {
    void run(Fixture f);
  }

  /** Runs a command. */
  @FunctionalInterface
  interface Command {
    CommandResult run(Fixture f, CommandContext context);
  }

  /**
   * A populated world whose store lets a test slip another engine's command in just before the
   * next append, and whose access policy can withhold one action.
   */
  static final class Fixture {
    final MovingClock clock = new MovingClock();
    final InMemoryEventStore memory = InMemoryEventStore.create(clock);
    final RacingStore racing = new RacingStore(memory);
    final World world = new World(memory, racing);
    /** The engine under test; a test may swap in another over the same store. */
    Pcop pcop = world.engine(racing, clock);
    /** The event a case-fact scenario flagged, once it has. */
    EventId flagged;

    Fixture() {
      world.populate(pcop);
    }

    /** An engine over the same store whose policy withholds {@code action} from everyone. */
    Pcop withholding(String action) {
      AccessPolicy policy = new AccessPolicy() {
        @Override
        public boolean allows(HostUserId user, String asked, Optional<CommunityId> community) {
          return !asked.equals(action) && world.access.allows(user, asked, community);
        }

        @Override
        public boolean mayResolve(HostUserId user, CaseReference reference) {
          return world.access.mayResolve(user, reference);
        }
      };
      return Pcop.builder().store(memory).community(COMMUNITY).clock(clock)
          .identities(world.identities).access(policy).audit(world.audit)
          .notifications(world.sink).directory(world.directory).build();
    }

    int stored() {
      return memory.readAll(0, 100_000).size();
    }

    AuditRecord lastAudit() {
      List<AuditRecord> records = world.audit.getRecords();
      return records.get(records.size() - 1);
    }
  }

  /** One command: who runs it, what it needs first, what it appends, and how it breaks a rule. */
  static final class Scenario {
    final String action;
    final HostUserId actor;
    final Setup setup;
    final Command command;
    final List<String> appends;
    final Optional<Command> breaksRule;
    final Setup beforeBreakingRule;

    Scenario(String action, HostUserId actor, Setup setup, Command command,
        List<String> appends, Command breaksRule) {
      this(action, actor, setup, command, appends, NOTHING, breaksRule);
    }

    Scenario(String action, HostUserId actor, Setup setup, Command command,
        List<String> appends, Setup beforeBreakingRule, Command breaksRule) {
      this.action = action;
      this.actor = actor;
      this.setup = setup;
      this.command = command;
      this.appends = appends;
      this.beforeBreakingRule = beforeBreakingRule;
      this.breaksRule = Optional.ofNullable(breaksRule);
    }

    @Override
    public String toString() {
      return action;
    }
  }

  private static Activity webinar(String id) {
    Instant starts = NOW.plus(Duration.ofDays(1));
    return Activity.builder().id(ActivityId.of(id)).community(PCOP).kind(ActivityKind.WEBINAR)
        .title("Webinar " + id).startsAt(starts).endsAt(starts.plus(Duration.ofHours(1)))
        .build();
  }

  private static void requested(Fixture f) {
    f.pcop.requestExchange(f.world.as(PAT), exchange("x-1"));
  }

  private static void approved(Fixture f) {
    requested(f);
    f.pcop.approveExchange(f.world.as(ADVISOR), X_1, ApproverRole.PROGRAM_ADVISOR);
    f.pcop.approveExchange(f.world.as(LEAD), X_1, ApproverRole.HOST_SITE_LEAD);
  }

  private static void scheduled(Fixture f) {
    approved(f);
    f.pcop.scheduleExchange(f.world.as(ADMIN), X_1, JULY);
  }

  private static void held(Fixture f) {
    scheduled(f);
    f.pcop.holdExchange(f.world.as(ADMIN), X_1, LocalDate.of(2026, 7, 1));
  }

  private static void posted(Fixture f) {
    f.pcop.postRfi(f.world.as(PAT), rfi("q-1"));
  }

  private static void answered(Fixture f) {
    posted(f);
    f.pcop.answerRfi(f.world.as(LEAD), Q_1, ResponseId.of("a-1"), "We triage them daily.");
  }

  /** A request whose question the guard flags, stored by an engine under {@code FLAG}. */
  private static void flagged(Fixture f) {
    Pcop flagging = Pcop.builder().store(f.racing).community(COMMUNITY).clock(f.clock)
        .identities(f.world.identities).access(f.world.access).audit(f.world.audit)
        .notifications(f.world.sink).directory(f.world.directory)
        .caseFacts(CaseFactPolicy.FLAG).build();
    f.flagged = flagging.postRfi(f.world.as(PAT), RequestForInformation.builder()
        .from(rfi("q-1")).question("Victim's SSN is 123-45-6789; what now?").build())
        .events().get(0);
  }

  private static void programOffice(Fixture f) {
    f.pcop.registerAgency(f.world.as(ADMIN),
        Agency.builder().from(agency(A_PROGRAM, KC)).site(Optional.empty()).build());
    f.pcop.enrolMember(f.world.as(ADMIN), member(M_STAFF, A_PROGRAM));
  }


  static List<Scenario> scenarios() {
    return List.of(
        new Scenario("site.register", ADMIN, NOTHING,
            (f, c) -> f.pcop.registerSite(c, site(SiteId.of("s-new"))),
            List.of("site-registered"), null),
        new Scenario("agency.register", ADMIN, NOTHING,
            (f, c) -> f.pcop.registerAgency(c, agency(A_NEW, KC)),
            List.of("agency-registered"),
            (f, c) -> f.pcop.registerAgency(c, agency(A_NEW, SiteId.of("s-none")))),
        new Scenario("member.enrol", ADMIN, NOTHING,
            (f, c) -> f.pcop.enrolMember(c, member(M_NEW, A_KC)),
            List.of("member-enrolled"),
            (f, c) -> f.pcop.enrolMember(c, member(M_NEW, AgencyId.of("a-none")))),
        new Scenario("membership.change", ADMIN,
            f -> f.pcop.enrolMember(f.world.as(ADMIN), member(M_NEW, A_KC)),
            (f, c) -> f.pcop.changeMembership(c, M_NEW, MembershipRole.MEMBER,
                MembershipStatus.ACTIVE, Optional.empty()),
            List.of("membership-changed"),
            (f, c) -> f.pcop.changeMembership(c, MemberId.of("m-none"), MembershipRole.MEMBER,
                MembershipStatus.ACTIVE, Optional.empty())),
        new Scenario("membership.appoint", ADMIN, PcopEveryCommandTest::programOffice,
            (f, c) -> f.pcop.appointStaff(c, M_STAFF, MembershipRole.PROGRAM_ADVISOR),
            List.of("membership-changed"),
            (f, c) -> f.pcop.appointStaff(c, M_ADVISOR, MembershipRole.PROGRAM_ADVISOR)),
        new Scenario("activity.record", ADMIN,
            f -> f.pcop.recordActivity(f.world.as(ADMIN), webinar("w-0")),
            (f, c) -> f.pcop.recordActivity(c, webinar("w-1")),
            List.of("activity-recorded"),
            (f, c) -> f.pcop.recordActivity(c, webinar("w-0"))),
        new Scenario("participation.record", PAT,
            f -> f.pcop.recordActivity(f.world.as(ADMIN), webinar("w-1")),
            (f, c) -> f.pcop.recordParticipation(c, Participation.of(ActivityId.of("w-1"),
                M_PAT, ParticipationKind.ATTENDED, NOW)),
            List.of("participation-recorded"),
            (f, c) -> f.pcop.recordParticipation(c, Participation.of(ActivityId.of("w-none"),
                M_PAT, ParticipationKind.ATTENDED, NOW))),
        new Scenario("exchange.request", PAT,
            f -> f.pcop.requestExchange(f.world.as(PAT), exchange("x-0")),
            (f, c) -> f.pcop.requestExchange(c, exchange("x-1")),
            List.of("exchange-requested"),
            (f, c) -> f.pcop.requestExchange(c, exchange("x-0"))),
        new Scenario("exchange.approve", ADVISOR, PcopEveryCommandTest::requested,
            (f, c) -> f.pcop.approveExchange(c, X_1, ApproverRole.PROGRAM_ADVISOR),
            List.of("exchange-approved"),
            (f, c) -> f.pcop.approveExchange(c, X_1, ApproverRole.HOST_SITE_LEAD)),
        new Scenario("exchange.decline", LEAD, PcopEveryCommandTest::requested,
            (f, c) -> f.pcop.declineExchange(c, X_1, ApproverRole.HOST_SITE_LEAD,
                "No capacity this quarter."),
            List.of("exchange-declined"),
            (f, c) -> f.pcop.declineExchange(c, X_NONE, ApproverRole.HOST_SITE_LEAD,
                "No capacity this quarter.")),
        new Scenario("exchange.schedule", ADMIN, PcopEveryCommandTest::approved,
            (f, c) -> f.pcop.scheduleExchange(c, X_1, JULY),
            List.of("exchange-scheduled"),
            (f, c) -> f.pcop.scheduleExchange(c, X_NONE, JULY)),
        new Scenario("exchange.hold", ADMIN, PcopEveryCommandTest::scheduled,
            (f, c) -> f.pcop.holdExchange(c, X_1, LocalDate.of(2026, 7, 1)),
            List.of("exchange-held"),
            (f, c) -> f.pcop.holdExchange(c, X_NONE, LocalDate.of(2026, 7, 1))),
        new Scenario("exchange.document", PAT, PcopEveryCommandTest::held,
            (f, c) -> f.pcop.documentExchange(c, X_1, "What we learned."),
            List.of("exchange-documented"),
            (f, c) -> f.pcop.documentExchange(c, X_NONE, "What we learned.")),
        new Scenario("exchange.cancel", PAT, PcopEveryCommandTest::requested,
            (f, c) -> f.pcop.cancelExchange(c, X_1, "Travel cancelled."),
            List.of("exchange-cancelled"),
            (f, c) -> f.pcop.cancelExchange(c, X_NONE, "Travel cancelled.")),
        new Scenario("rfi.post", PAT, f -> f.pcop.postRfi(f.world.as(PAT), rfi("q-0")),
            (f, c) -> f.pcop.postRfi(c, rfi("q-1")),
            List.of("rfi-posted"),
            (f, c) -> f.pcop.postRfi(c, rfi("q-0"))),
        new Scenario("rfi.answer", LEAD, PcopEveryCommandTest::posted,
            (f, c) -> f.pcop.answerRfi(c, Q_1, ResponseId.of("a-1"), "We triage them daily."),
            List.of("rfi-answered"),
            (f, c) -> f.pcop.answerRfi(c, Q_NONE, ResponseId.of("a-1"), "Daily.")),
        new Scenario("rfi.accept", PAT, PcopEveryCommandTest::answered,
            (f, c) -> f.pcop.acceptAnswer(c, Q_1, ResponseId.of("a-1")),
            List.of("rfi-accepted"),
            (f, c) -> f.pcop.acceptAnswer(c, Q_1, ResponseId.of("a-none"))),
        new Scenario("rfi.close", ADMIN, PcopEveryCommandTest::posted,
            (f, c) -> f.pcop.closeRfi(c, Q_1, "no answer within 60 days"),
            List.of("rfi-closed"),
            (f, c) -> f.pcop.closeRfi(c, Q_NONE, "no answer within 60 days")),
        new Scenario("directory.sync", ADMIN,
            f -> f.world.directory.put(member(M_NEW, A_KC)),
            (f, c) -> f.pcop.syncDirectory(c),
            List.of("member-enrolled"), null),
        new Scenario("dormancy.apply", ADMIN, f -> f.clock.advance(Duration.ofDays(400)),
            (f, c) -> f.pcop.applyDormancy(c),
            List.of("membership-changed", "membership-changed", "membership-changed"), null),
        new Scenario("rules.apply", ADMIN, f -> f.clock.advance(Duration.ofDays(400)),
            (f, c) -> f.pcop.applyRuleResults(c),
            List.of("membership-changed", "membership-changed", "membership-changed"), null),
        new Scenario("taxonomy.change", ADMIN, NOTHING,
            (f, c) -> f.pcop.changeTaxonomy(c, PspTaxonomy.version(2).orElseThrow()),
            List.of("taxonomy-changed"),
            f -> f.pcop.changeTaxonomy(f.world.as(ADMIN), PspTaxonomy.version(2).orElseThrow()),
            (f, c) -> f.pcop.changeTaxonomy(c, PspTaxonomy.version(1).orElseThrow())),
        new Scenario("level.lock", ADMIN, NOTHING,
            (f, c) -> f.pcop.lockLevel(c, M_PAT, "mentor"),
            List.of("engagement-level-locked"),
            (f, c) -> f.pcop.lockLevel(c, M_PAT, "grandmaster")),
        new Scenario("level.unlock", ADMIN,
            f -> f.pcop.lockLevel(f.world.as(ADMIN), M_PAT, "mentor"),
            (f, c) -> f.pcop.unlockLevel(c, M_PAT),
            List.of("engagement-level-locked"),
            (f, c) -> f.pcop.unlockLevel(c, M_LEAD)),
        new Scenario("conduct.raised", ADMIN, NOTHING,
            (f, c) -> f.pcop.raiseConductFlag(c, M_PAT, "Shared a document marked internal."),
            List.of("conduct-flag-recorded"),
            f -> f.pcop.raiseConductFlag(f.world.as(ADMIN), M_LEAD, null),
            (f, c) -> f.pcop.raiseConductFlag(c, M_LEAD, "A second concern.")),
        new Scenario("membership.suspend", ADMIN, NOTHING,
            (f, c) -> f.pcop.suspendMember(c, M_PAT, "Shared a document marked internal.",
                LocalDate.of(2026, 9, 30)),
            List.of("membership-changed"),
            (f, c) -> f.pcop.suspendMember(c, M_PAT, "Shared a document marked internal.",
                LocalDate.of(2020, 1, 1))),
        new Scenario("membership.reinstate", ADMIN,
            f -> f.pcop.suspendMember(f.world.as(ADMIN), M_PAT, "Under review.",
                LocalDate.of(2026, 9, 30)),
            (f, c) -> f.pcop.reinstateMember(c, M_PAT, "Review closed."),
            List.of("membership-changed"),
            (f, c) -> f.pcop.reinstateMember(c, M_LEAD, "Was never suspended.")),
        new Scenario("conduct.upheld", ADMIN,
            f -> f.pcop.raiseConductFlag(f.world.as(ADMIN), M_PAT, null),
            (f, c) -> f.pcop.upholdConductFlag(c, M_PAT, "Confirmed by the coordinator."),
            List.of("conduct-flag-recorded"),
            (f, c) -> f.pcop.upholdConductFlag(c, M_LEAD, "Nothing was raised.")),
        new Scenario("conduct.dismissed", ADMIN,
            f -> f.pcop.raiseConductFlag(f.world.as(ADMIN), M_PAT, null),
            (f, c) -> f.pcop.dismissConductFlag(c, M_PAT, "A misunderstanding."),
            List.of("conduct-flag-recorded"),
            (f, c) -> f.pcop.dismissConductFlag(c, M_LEAD, "Nothing was raised.")),
        new Scenario("casefacts.review", ADMIN, PcopEveryCommandTest::flagged,
            (f, c) -> f.pcop.reviewCaseFacts(c, f.flagged, CaseFactDecision.REDACTED),
            List.of("case-facts-reviewed"),
            (f, c) -> f.pcop.reviewCaseFacts(c, EventId.of("e-none"), CaseFactDecision.CLEARED)));
  }

  static Stream<Scenario> everyCommand() {
    return scenarios().stream();
  }

  @Test
  void everyActionHasAScenario() {
    assertEquals(Pcop.ACTIONS.stream().sorted().collect(Collectors.toList()),
        scenarios().stream().map(s -> s.action).sorted().collect(Collectors.toList()));
  }

  @ParameterizedTest
  @MethodSource("everyCommand")
  void commitsAppendsAuditsAndAcknowledgesARetry(Scenario s) {
    Fixture f = new Fixture();
    s.setup.run(f);
    int before = f.stored();
    CommandContext context = CommandContext.of(s.actor, "the-command");

    CommandResult result = s.command.run(f, context);

    assertEquals(s.appends, result.eventTypes(), s.action);
    assertFalse(result.retry());
    assertEquals(before + s.appends.size(), f.stored());
    assertEquals(s.action, f.lastAudit().getCommand());
    assertEquals(AuditOutcome.COMMITTED, f.lastAudit().getOutcome());
    CommandResult retry = s.command.run(f, context);
    assertTrue(retry.retry(), "a retry with the same request id is acknowledged");
    assertEquals(result.events(), retry.events());
    assertEquals(before + s.appends.size(), f.stored(), "a retry stores nothing");
  }

  @ParameterizedTest
  @MethodSource("everyCommand")
  void isDeniedWithoutItsGrantAndStoresNothing(Scenario s) {
    Fixture f = new Fixture();
    s.setup.run(f);
    Pcop granting = f.pcop;
    f.pcop = f.withholding(s.action);
    int before = f.stored();
    CommandContext context = CommandContext.of(s.actor, "the-command");

    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> s.command.run(f, context));
    f.pcop = granting;

    assertEquals(Reason.DENIED, e.getReason());
    assertEquals(List.of("user " + s.actor + " may not " + s.action + " in community pcop"),
        e.getProblems());
    assertEquals(before, f.stored());
    assertEquals(s.action, f.lastAudit().getCommand());
    assertEquals(AuditOutcome.DENIED, f.lastAudit().getOutcome());
    assertEquals(s.appends, s.command.run(f, context).eventTypes(),
        "the grant was all that was missing");
  }

  @ParameterizedTest
  @MethodSource("everyCommand")
  void isInvalidUnderARequestIdOfAnotherCommand(Scenario s) {
    Fixture f = new Fixture();
    s.setup.run(f);
    String other = f.world.audit.getRecords().stream()
        .filter(r -> !r.getCommand().equals(s.action)
            && r.getOutcome() == AuditOutcome.COMMITTED && !r.getEvents().isEmpty())
        .map(AuditRecord::getRequestId).findFirst().orElseThrow();
    int before = f.stored();

    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> s.command.run(f, CommandContext.of(s.actor, other)));

    assertEquals(Reason.INVALID, e.getReason());
    assertTrue(e.getProblems().get(0).startsWith("request id " + other + " was already used"),
        e.getMessage());
    assertEquals(before, f.stored());
    assertEquals(AuditOutcome.REJECTED, f.lastAudit().getOutcome());
  }

  @ParameterizedTest
  @MethodSource("everyCommand")
  void isInvalidUnderItsOwnRequestIdWithOtherInput(Scenario s) {
    if (s.breaksRule.isEmpty()) {
      return; // site registration, directory sync, dormancy and rule results: no other input here
    }
    Fixture f = new Fixture();
    s.setup.run(f);
    CommandContext context = CommandContext.of(s.actor, "the-command");
    CommandResult result = s.command.run(f, context);
    int before = f.stored();

    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> s.breaksRule.get().run(f, context));

    assertEquals(Reason.INVALID, e.getReason());
    assertEquals(List.of("request id the-command was already used for " + s.action + " with"
        + " other input; a retry must repeat the original input, and a new command needs a new"
        + " request id"), e.getProblems());
    assertEquals(before, f.stored());
    assertEquals(AuditOutcome.REJECTED, f.lastAudit().getOutcome());
    CommandResult retry = s.command.run(f, context);
    assertTrue(retry.retry(), "the original input is still acknowledged as a retry");
    assertEquals(result.events(), retry.events());
  }

  @ParameterizedTest
  @MethodSource("everyCommand")
  void breaksARuleAndStoresNothing(Scenario s) {
    if (s.breaksRule.isEmpty()) {
      return; // site registration, directory sync, dormancy and rule results have no rule to break
    }
    Fixture f = new Fixture();
    s.setup.run(f);
    s.beforeBreakingRule.run(f);
    int before = f.stored();

    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> s.breaksRule.get().run(f, CommandContext.of(s.actor, "the-command")));

    assertEquals(Reason.RULE, e.getReason(), e.getMessage());
    assertFalse(e.getProblems().isEmpty());
    assertEquals(before, f.stored());
    assertEquals(s.action, f.lastAudit().getCommand());
    assertEquals(AuditOutcome.REJECTED, f.lastAudit().getOutcome());
  }

  @ParameterizedTest
  @MethodSource("everyCommand")
  void losesARaceToAnotherEngineThenDecidesAgainOnTheFreshStateAndCommits(Scenario s) {
    Fixture f = new Fixture();
    s.setup.run(f);
    Pcop other = f.world.engine(f.memory, f.clock);
    f.racing.beforeNextAppend(
        () -> other.registerSite(f.world.as(ADMIN), site(SiteId.of("s-race"))));
    int before = f.stored();
    int audits = f.world.audit.getRecords().size();
    CommandContext context = CommandContext.of(s.actor, "the-command");

    CommandResult result = s.command.run(f, context);

    assertFalse(result.retry());
    assertEquals(s.appends, result.eventTypes());
    assertEquals(before + 1 + s.appends.size(), f.stored(), "the other engine's event, then"
        + " this command's");
    List<AuditRecord> records = f.world.audit.getRecords().subList(audits,
        f.world.audit.getRecords().size());
    List<AuditOutcome> outcomes = new ArrayList<>();
    records.stream().filter(r -> r.getRequestId().equals("the-command"))
        .forEach(r -> outcomes.add(r.getOutcome()));
    assertEquals(List.of(AuditOutcome.COMMITTED, AuditOutcome.REJECTED,
        AuditOutcome.COMMITTED), outcomes, "the lost race is audited, then the new decision");
    assertEquals(f.stored(), f.pcop.position(), "the engine applied the other engine's event"
        + " and its own");
    assertTrue(s.command.run(f, context).retry());
  }

  @ParameterizedTest
  @MethodSource("everyCommand")
  void losesEveryRaceAsATypedConflictAfterABoundedNumberOfDecisions(Scenario s) {
    Fixture f = new Fixture();
    s.setup.run(f);
    f.pcop.roster(); // caught up with the setup, so every decision appends and loses a race
    Pcop other = f.world.engine(f.memory, f.clock);
    int[] races = new int[1];
    Runnable race = new Runnable() {
      @Override
      public void run() {
        other.registerSite(f.world.as(ADMIN), site(SiteId.of("s-race-" + races[0]++)));
        f.racing.beforeNextAppend(this);
      }
    };
    f.racing.beforeNextAppend(race);
    CommandContext context = CommandContext.of(s.actor, "the-command");
    int before = f.stored();

    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> s.command.run(f, context));

    assertEquals(Reason.CONFLICT, e.getReason());
    assertEquals(CommandPipeline.MOST_DECISIONS, races[0]);
    assertTrue(e.getMessage().contains(CommandPipeline.MOST_DECISIONS + " times"),
        e.getMessage());
    assertEquals(before + races[0], f.stored(), "only the other engine's events are stored");
    assertEquals(AuditOutcome.REJECTED, f.lastAudit().getOutcome());
    f.racing.clear();
    CommandResult retry = s.command.run(f, context);
    assertFalse(retry.retry());
    assertEquals(s.appends, retry.eventTypes());
  }
}
