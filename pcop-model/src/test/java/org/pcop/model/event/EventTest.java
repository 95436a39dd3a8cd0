package org.pcop.model.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.model.Fixtures.T0;
import static org.pcop.model.ValueAssertions.assertRefused;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.violationPaths;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcop.model.ActivityId;
import org.pcop.model.BarAdmission;
import org.pcop.model.CaseReference;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.Fixtures;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.MissingValueException;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.Approval;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.activity.Schedule;
import org.pcop.model.taxonomy.CoreArea;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.PspTaxonomy;

/** Every kind of event: what it carries, how it is visited, what it refuses. */
class EventTest {
  private static final EventId ID = EventId.of("e-1");
  private static final MemberId ACTOR = MemberId.of("m-coordinator");
  private static final Instant AT = T0.plusSeconds(600);
  private static final CommunityId PCOP = CommunityId.of("pcop");
  private static final ExchangeId X1 = ExchangeId.of("x-1");
  private static final RfiId RFI1 = RfiId.of("rfi-1");

  /** One valid event of every kind, built afresh on each call. */
  static List<PcopEvent> samples() {
    return List.of(
        MemberEnrolled.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .member(Fixtures.member().build()).build(),
        MemberDeactivated.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .member(MemberId.of("m-1")).reason("Left the office").build(),
        AgencyRegistered.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .agency(Fixtures.agency().build()).build(),
        SiteRegistered.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .site(Fixtures.site().build()).build(),
        MembershipChanged.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .member(MemberId.of("m-1")).community(PCOP).role(MembershipRole.MEMBER)
            .status(MembershipStatus.ACTIVE).reason("Accepted the invitation").build(),
        ActivityRecorded.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .activity(Fixtures.activity().build()).build(),
        ParticipationRecorded.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .participation(Participation.of(ActivityId.of("act-1"), MemberId.of("m-1"),
                ParticipationKind.ATTENDED, T0)).build(),
        ExchangeRequested.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .exchange(Fixtures.exchange().build()).build(),
        ExchangeApproved.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .exchange(X1).role(ApproverRole.PROGRAM_ADVISOR).build(),
        ExchangeDeclined.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .exchange(X1).role(ApproverRole.HOST_SITE_LEAD).reason("No capacity").build(),
        ExchangeScheduled.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .exchange(X1).schedule(Schedule.of(LocalDate.of(2026, 4, 14),
                LocalDate.of(2026, 4, 15))).build(),
        ExchangeHeld.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .exchange(X1).heldOn(LocalDate.of(2026, 4, 15)).build(),
        ExchangeDocumented.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .exchange(X1).report(Fixtures.report().build()).build(),
        ExchangeCancelled.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .exchange(X1).reason("Travel not funded").build(),
        RfiPosted.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .request(Fixtures.rfi().build()).build(),
        RfiAnswered.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .request(RFI1).response(Fixtures.response("r-1", 60).build()).build(),
        RfiAccepted.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .request(RFI1).response(ResponseId.of("r-1")).build(),
        RfiClosed.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .request(RFI1).reason("No answer within 30 days").build(),
        TaxonomyChanged.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .community(PCOP).taxonomy(PspTaxonomy.current()).build(),
        ConductFlagRecorded.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .member(MemberId.of("m-1")).status(ConductFlagStatus.RAISED).build(),
        EngagementLevelChanged.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .member(MemberId.of("m-1")).community(PCOP).to("Contributor")
            .reason("3 participations in 90 days (needs 3)").build(),
        EngagementLevelLocked.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
            .member(MemberId.of("m-1")).community(PCOP).level("Leader").build(),
        CaseFactsReviewed.builder().eventId(ID).actor(ACTOR).occurredAt(AT).community(PCOP)
            .flaggedEvent(EventId.of("e-flagged")).decision(CaseFactDecision.REDACTED)
            .addRedactions(RedactedSpan.of("request.question", 4, 15)).build(),
        ServiceLevelWarned.builder().eventId(ID).actor(ACTOR).occurredAt(AT).community(PCOP)
            .rule("rfi-acceptance").request(org.pcop.model.RfiId.of("rfi-1"))
            .obligation("acceptance of an answer").dueAt(AT.plusSeconds(86_400))
            .addOwedBy(MemberId.of("m-1")).build());
  }

  static Stream<Arguments> kinds() {
    List<PcopEvent> first = samples();
    List<PcopEvent> second = samples();
    return IntStream.range(0, first.size())
        .mapToObj(i -> Arguments.of(kindOf(first.get(i)), first.get(i), second.get(i)));
  }

  /** The event interface a value implements, such as {@code MemberEnrolled}. */
  private static Class<?> kindOf(PcopEvent event) {
    return Stream.of(event.getClass().getInterfaces())
        .filter(PcopEvent.class::isAssignableFrom).findFirst().orElseThrow();
  }

  /** Names each kind of event; a visit that lands in the wrong method returns the wrong name. */
  static final class KindNames implements PcopEventVisitor<String> {
    @Override
    public String visit(MemberEnrolled event) {
      return "MemberEnrolled";
    }

    @Override
    public String visit(MemberDeactivated event) {
      return "MemberDeactivated";
    }

    @Override
    public String visit(AgencyRegistered event) {
      return "AgencyRegistered";
    }

    @Override
    public String visit(SiteRegistered event) {
      return "SiteRegistered";
    }

    @Override
    public String visit(MembershipChanged event) {
      return "MembershipChanged";
    }

    @Override
    public String visit(ActivityRecorded event) {
      return "ActivityRecorded";
    }

    @Override
    public String visit(ParticipationRecorded event) {
      return "ParticipationRecorded";
    }

    @Override
    public String visit(ExchangeRequested event) {
      return "ExchangeRequested";
    }

    @Override
    public String visit(ExchangeApproved event) {
      return "ExchangeApproved";
    }

    @Override
    public String visit(ExchangeDeclined event) {
      return "ExchangeDeclined";
    }

    @Override
    public String visit(ExchangeScheduled event) {
      return "ExchangeScheduled";
    }

    @Override
    public String visit(ExchangeHeld event) {
      return "ExchangeHeld";
    }

    @Override
    public String visit(ExchangeDocumented event) {
      return "ExchangeDocumented";
    }

    @Override
    public String visit(ExchangeCancelled event) {
      return "ExchangeCancelled";
    }

    @Override
    public String visit(RfiPosted event) {
      return "RfiPosted";
    }

    @Override
    public String visit(RfiAnswered event) {
      return "RfiAnswered";
    }

    @Override
    public String visit(RfiAccepted event) {
      return "RfiAccepted";
    }

    @Override
    public String visit(RfiClosed event) {
      return "RfiClosed";
    }

    @Override
    public String visit(TaxonomyChanged event) {
      return "TaxonomyChanged";
    }

    @Override
    public String visit(ConductFlagRecorded event) {
      return "ConductFlagRecorded";
    }

    @Override
    public String visit(EngagementLevelChanged event) {
      return "EngagementLevelChanged";
    }

    @Override
    public String visit(EngagementLevelLocked event) {
      return "EngagementLevelLocked";
    }

    @Override
    public String visit(CaseFactsReviewed event) {
      return "CaseFactsReviewed";
    }

    @Override
    public String visit(ServiceLevelWarned event) {
      return "ServiceLevelWarned";
    }
  }

  @Test
  void theSamplesCoverEveryKindTheVisitorKnows() {
    Set<Class<?>> visited = Stream.of(PcopEventVisitor.class.getMethods())
        .map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
    Set<Class<?>> sampled = samples().stream().map(EventTest::kindOf)
        .collect(Collectors.toSet());
    assertEquals(visited, sampled);
    assertEquals(24, sampled.size());
  }

  @ParameterizedTest(name = "{0} carries its id, actor and time and is valid")
  @MethodSource("kinds")
  void carriesItsIdActorAndTime(Class<?> kind, PcopEvent event, PcopEvent same) {
    assertEquals(ID, event.getEventId());
    assertEquals(ACTOR, event.getActor());
    assertEquals(AT, event.getOccurredAt());
    assertValid(event);
  }

  @ParameterizedTest(name = "{0} is visited as itself")
  @MethodSource("kinds")
  void acceptCallsTheVisitorMethodOfItsKind(Class<?> kind, PcopEvent event, PcopEvent same) {
    assertEquals(kind.getSimpleName(), event.accept(new KindNames()));
  }

  @ParameterizedTest(name = "{0} is equal to its twin and differs by event id")
  @MethodSource("kinds")
  void equalEventsHashAlike(Class<?> kind, PcopEvent event, PcopEvent same) throws Exception {
    assertEquals(event, same);
    assertEquals(event.hashCode(), same.hashCode());
    Object other = event.getClass().getMethod("withEventId", EventId.class)
        .invoke(event, EventId.of("e-2"));
    assertNotEquals(event, other);
  }

  @ParameterizedTest(name = "{0} refuses a missing id, actor or time naming them")
  @MethodSource("kinds")
  void refusesMissingCommonFieldsNamingThem(Class<?> kind, PcopEvent event, PcopEvent same)
      throws Exception {
    Object builder = kind.getMethod("builder").invoke(null);
    Method build = builder.getClass().getMethod("build");
    InvocationTargetException e = assertThrows(InvocationTargetException.class,
        () -> build.invoke(builder));
    assertTrue(e.getCause() instanceof MissingValueException, e.getCause().toString());
    String type = kind.getSimpleName();
    assertTrue(e.getCause().getMessage().startsWith(type + ".eventId, " + type + ".actor, "
        + type + ".occurredAt"), e.getCause().getMessage());
  }

  @ParameterizedTest(name = "{0} refuses a null event id naming the field")
  @MethodSource("kinds")
  void refusesANullEventIdNamingTheField(Class<?> kind, PcopEvent event, PcopEvent same)
      throws Exception {
    Object builder = kind.getMethod("builder").invoke(null);
    Method eventId = builder.getClass().getMethod("eventId", EventId.class);
    InvocationTargetException e = assertThrows(InvocationTargetException.class,
        () -> eventId.invoke(builder, (Object) null));
    assertTrue(e.getCause() instanceof MissingValueException, e.getCause().toString());
    assertEquals("eventId: must not be null", e.getCause().getMessage());
  }

  @Nested
  @DisplayName("What events refuse")
  class Refusals {
    @Test
    void anExchangeRequestedIsInTheRequestedStateWithoutApprovals() {
      assertRefused("ExchangeRequested.exchange: a requested exchange is in state REQUESTED"
              + " without approvals, not APPROVED with 2",
          () -> ExchangeRequested.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .exchange(Fixtures.exchange().state(ExchangeState.APPROVED)
                  .addApproval(Approval.of(ApproverRole.PROGRAM_ADVISOR, Fixtures.ADVISOR, T0))
                  .addApproval(Approval.of(ApproverRole.HOST_SITE_LEAD, Fixtures.SITE_LEAD, T0))
                  .build())
              .build());
      assertRefused("ExchangeRequested.exchange: a requested exchange is in state REQUESTED"
              + " without approvals, not REQUESTED with 1",
          () -> ExchangeRequested.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .exchange(Fixtures.exchange()
                  .addApproval(Approval.of(ApproverRole.PROGRAM_ADVISOR, Fixtures.ADVISOR, T0))
                  .build())
              .build());
    }

    @Test
    void anRfiPostedIsOpen() {
      assertRefused("RfiPosted.request: a posted request is open, without responses, not"
              + " ANSWERED",
          () -> RfiPosted.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .request(Fixtures.rfi().addResponse(Fixtures.response("r-1", 60).build()).build())
              .build());
      assertRefused("RfiPosted.request: a posted request is open, without responses, not EXPIRED",
          () -> RfiPosted.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .request(Fixtures.rfi().expired(true).build()).build());
    }

    @Test
    void anEngagementLevelChangeChangesTheLevel() {
      assertRefused("EngagementLevelChanged.to: the level after (Leader) must differ from the"
              + " level before",
          () -> EngagementLevelChanged.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .member(MemberId.of("m-1")).community(PCOP).from("Leader").to("Leader")
              .reason("unchanged").build());
      assertRefused("EngagementLevelChanged.to: the level after (none) must differ from the"
              + " level before",
          () -> EngagementLevelChanged.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .member(MemberId.of("m-1")).community(PCOP).reason("nothing").build());
    }

    @Test
    void anEngagementLevelChangeMayStartOrEndWithoutALevel() {
      EngagementLevelChanged demoted = EngagementLevelChanged.builder().eventId(ID).actor(ACTOR)
          .occurredAt(AT).member(MemberId.of("m-1")).community(PCOP).from("Contributor")
          .reason("0 participations in 90 days").build();
      assertValid(demoted);
    }
  }

  @Nested
  @DisplayName("Typing mistakes in events")
  class TypingMistakes {
    @Test
    void aMemberEnrolledReportsTheMembersMistakes() {
      MemberEnrolled e = MemberEnrolled.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
          .member(Fixtures.member().name("").email("x")
              .barAdmissions(List.of(BarAdmission.of("ZZ", "1"))).build()).build();
      assertEquals(List.of("member.barAdmissions[0].jurisdiction", "member.email", "member.name"),
          violationPaths(e));
    }

    @Test
    void registrationsReportTheirValuesMistakes() {
      assertEquals(List.of("agency.name", "agency.ori"), violationPaths(
          AgencyRegistered.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .agency(Fixtures.agency().name(" ").ori("mo").build()).build()));
      assertEquals(List.of("site.name", "site.state"), violationPaths(
          SiteRegistered.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .site(Fixtures.site().name("").state("").build()).build()));
      assertEquals(List.of("activity.title"), violationPaths(
          ActivityRecorded.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .activity(Fixtures.activity().title("").build()).build()));
      assertEquals(List.of("taxonomy.coreAreas[0].name", "taxonomy.name"), violationPaths(
          TaxonomyChanged.builder().eventId(ID).actor(ACTOR).occurredAt(AT).community(PCOP)
              .taxonomy(Fixtures.taxonomy().name("").coreAreas(List.of(
                  CoreArea.of(CoreAreaId.of("gun-violence"), "\u0000"))).build())
              .build()));
    }

    @Test
    void exchangeAndRfiEventsReportTheirTextsMistakes() {
      assertEquals(List.of("exchange.caseReferences[0].label", "exchange.purpose"),
          violationPaths(ExchangeRequested.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .exchange(Fixtures.exchange().purpose("")
                  .addCaseReference(CaseReference.of("h", "")).build())
              .build()));
      assertEquals(List.of("reason", "reason"),
          violationPaths(ExchangeDeclined.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .exchange(X1).role(ApproverRole.PROGRAM_ADVISOR).reason("\u0007" + "r".repeat(500))
              .build()));
      assertEquals(List.of("reason"),
          violationPaths(ExchangeCancelled.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .exchange(X1).reason(" ").build()));
      assertEquals(List.of("report.summary"),
          violationPaths(ExchangeDocumented.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .exchange(X1).report(Fixtures.report().summary("").build()).build()));
      assertEquals(List.of("request.question"),
          violationPaths(RfiPosted.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .request(Fixtures.rfi().question("q\u0000").build()).build()));
      assertEquals(List.of("response.text"),
          violationPaths(RfiAnswered.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .request(RFI1).response(Fixtures.response("r-1", 1).text("").build()).build()));
    }

    @Test
    void optionalReasonsAreCheckedWhenPresent() {
      assertEquals(List.of("reason"),
          violationPaths(MemberDeactivated.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .member(MemberId.of("m-1")).reason("r".repeat(501)).build()));
      assertEquals(List.of("reason"),
          violationPaths(MembershipChanged.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .member(MemberId.of("m-1")).community(PCOP).role(MembershipRole.MEMBER)
              .status(MembershipStatus.LEFT).reason("\u202e").build()));
      assertEquals(List.of("reason"),
          violationPaths(RfiClosed.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .request(RFI1).reason("a\nb").build()));
      assertEquals(List.of("reason"),
          violationPaths(ConductFlagRecorded.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .member(MemberId.of("m-1")).status(ConductFlagStatus.UPHELD).reason("\u0000")
              .build()));
    }

    @Test
    void engagementLevelsAreCheckedWhenPresent() {
      assertEquals(List.of("from", "reason", "to"),
          violationPaths(EngagementLevelChanged.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .member(MemberId.of("m-1")).community(PCOP).from(" ").to("L".repeat(201))
              .reason("").build()));
      assertEquals(List.of("level"),
          violationPaths(EngagementLevelLocked.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .member(MemberId.of("m-1")).community(PCOP).level("Lead\u0000er").build()));
      assertValid(EngagementLevelLocked.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
          .member(MemberId.of("m-1")).community(PCOP).build());
    }
  
    @Test
    void aServiceLevelWarningIsAboutARequestOrAnExchangeAndNamesItsRule() {
      InvalidValueException neither = assertThrows(InvalidValueException.class,
          () -> ServiceLevelWarned.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .community(PCOP).rule("closure").obligation("closure").dueAt(AT).build());
      assertTrue(neither.getMessage().contains("ServiceLevelWarned.request: a warning is about"
          + " a request or an exchange, exactly one of them"), neither.getMessage());
      assertThrows(InvalidValueException.class,
          () -> ServiceLevelWarned.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .community(PCOP).rule("closure").obligation("closure").dueAt(AT)
              .request(org.pcop.model.RfiId.of("rfi-1"))
              .exchange(org.pcop.model.ExchangeId.of("x-1")).build());
      assertValid(ServiceLevelWarned.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
          .community(PCOP).rule("closure").obligation("closure").dueAt(AT)
          .exchange(org.pcop.model.ExchangeId.of("x-1")).build());
    }

    @Test
    void aCaseFactReviewRedactsSpansOrClearsWithoutThem() {
      InvalidValueException none = assertThrows(InvalidValueException.class,
          () -> CaseFactsReviewed.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .community(PCOP).flaggedEvent(EventId.of("e-1"))
              .decision(CaseFactDecision.REDACTED).build());
      assertTrue(none.getMessage().contains("a redaction names no span"), none.getMessage());
      InvalidValueException spans = assertThrows(InvalidValueException.class,
          () -> CaseFactsReviewed.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
              .community(PCOP).flaggedEvent(EventId.of("e-1"))
              .decision(CaseFactDecision.CLEARED)
              .addRedactions(RedactedSpan.of("reason", 0, 3)).build());
      assertTrue(spans.getMessage().contains("a clearance names 1 spans"), spans.getMessage());
      assertValid(CaseFactsReviewed.builder().eventId(ID).actor(ACTOR).occurredAt(AT)
          .community(PCOP).flaggedEvent(EventId.of("e-1")).decision(CaseFactDecision.CLEARED)
          .build());
    }

    @Test
    void aRedactedSpanIsNonEmptyAndNamesAField() {
      InvalidValueException reversed = assertThrows(InvalidValueException.class,
          () -> RedactedSpan.of("reason", 5, 5));
      assertTrue(reversed.getMessage().contains("5 is not after the start 5"),
          reversed.getMessage());
      assertEquals(List.of("field", "start"), violationPaths(RedactedSpan.of("no field!", -1, 2)));
      assertValid(RedactedSpan.of("exchange.caseReferences[0].label", 0, 2));
    }
}
}
