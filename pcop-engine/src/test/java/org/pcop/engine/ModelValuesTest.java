package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pcop.model.ActivityId;
import org.pcop.model.AgencyId;
import org.pcop.model.CaseReference;
import org.pcop.model.BarAdmission;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.SiteId;
import org.pcop.model.StatusChange;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.Approval;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeMode;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.FollowUpReport;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.activity.Schedule;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.rules.snapshot.SnapshotBytes;

/**
 * The snapshot's form of members, memberships, activities, exchanges and requests gives back
 * equal values, every optional part present or not, and refuses bytes that were changed.
 */
class ModelValuesTest {
  private final ModelValues values = new ModelValues();

  @Test
  void membersAndMembershipsComeBackEqual() {
    Member plain = Member.builder().id(MemberId.of("m-1")).name("Ana Díaz")
        .agency(AgencyId.of("a-1")).email("ana@example.org").build();
    Member full = Member.builder().from(plain).id(MemberId.of("m-2")).title("Chief deputy")
        .phone("+1 816 881 3555").addExpertise(TopicId.of("gun-violence.nibin"),
            TopicId.of("victim-services.notification")).build();
    Member admitted = Member.builder().from(full).id(MemberId.of("m-3"))
        .addBarAdmissions(BarAdmission.of("MO", "12345")).build();
    List<Member> members = List.of(plain, full, admitted);
    assertEquals(members, values.decode(Member.class, values.encode(Member.class, members)));

    Instant at = Instant.parse("2026-03-02T15:00:00Z");
    Membership single = Membership.builder().member(MemberId.of("m-1"))
        .community(CommunityId.of("pcop")).role(MembershipRole.MEMBER)
        .addHistory(StatusChange.of(MembershipStatus.ACTIVE, at)).build();
    Membership changed = Membership.builder().member(MemberId.of("m-2"))
        .community(CommunityId.of("pcop")).role(MembershipRole.SITE_LEAD)
        .sponsor(Optional.of(MemberId.of("m-1")))
        .addHistory(StatusChange.of(MembershipStatus.INVITED, at))
        .addHistory(StatusChange.builder().status(MembershipStatus.DORMANT)
            .at(at.plusSeconds(86_400).plusNanos(1_000)).reason("No activity for 90 days")
            .build()).build();
    List<Membership> memberships = List.of(single, changed);
    assertEquals(memberships, values.decode(Membership.class,
        values.encode(Membership.class, memberships)));
    assertEquals(List.of(), values.decode(Member.class, values.encode(Member.class, List.of())));
  }

  @Test
  void activitiesComeBackEqualWithEveryOptionalPartPresentOrNot() {
    Instant at = Instant.parse("2026-03-02T15:00:00Z");
    Activity plain = Activity.builder().id(ActivityId.of("act-1"))
        .community(CommunityId.of("pcop")).kind(ActivityKind.WEBINAR).title("NIBIN basics")
        .startsAt(at).endsAt(at.plusSeconds(3_600)).build();
    Activity full = Activity.builder().from(plain).id(ActivityId.of("act-2"))
        .kind(ActivityKind.PEER_EXCHANGE).title("Visit to the Kansas City office, día 2")
        .startsAt(at.plusNanos(1_000)).hostSite(SiteId.of("kc"))
        .addCoreAreas(CoreAreaId.of("victim-services"), CoreAreaId.of("gun-violence"))
        .addTopics(TopicId.of("gun-violence.nibin"), TopicId.of("victim-services.notification"))
        .exchange(ExchangeId.of("x-1")).series("site visits").build();
    List<Activity> activities = List.of(full, plain);
    assertEquals(activities, values.decode(Activity.class,
        values.encode(Activity.class, activities)));
    byte[] bytes = values.encode(Activity.class, activities);
    bytes[9] ^= 1;
    assertThrows(SnapshotBytes.Unusable.class, () -> values.decode(Activity.class, bytes));
  }

  @Test
  void requestsForInformationComeBackEqualInEveryState() {
    Instant at = Instant.parse("2026-03-02T15:00:00Z");
    RequestForInformation open = RequestForInformation.builder().id(RfiId.of("q-1"))
        .community(CommunityId.of("pcop")).askedBy(MemberId.of("m-1"))
        .topic(TopicId.of("gun-violence.nibin")).question("Who has a NIBIN protocol, señor?")
        .postedAt(at).build();
    RfiResponse first = RfiResponse.builder().id(ResponseId.of("r-1"))
        .respondent(MemberId.of("m-2")).at(at.plusSeconds(60)).text("We do; ask Ana.").build();
    RfiResponse second = RfiResponse.builder().id(ResponseId.of("r-2"))
        .respondent(MemberId.of("m-3")).at(at.plusSeconds(120).plusNanos(5_000))
        .text("See the attached template").build();
    RequestForInformation resolved = RequestForInformation.builder().from(open)
        .id(RfiId.of("q-2")).addCaseReferences(CaseReference.of("cms:4711", "State v. Doe"))
        .addResponses(first, second).acceptedResponse(ResponseId.of("r-2")).build();
    RequestForInformation expired = RequestForInformation.builder().from(open)
        .id(RfiId.of("q-3")).addResponses(first).expired(true).build();
    List<RequestForInformation> requests = List.of(open, resolved, expired);
    assertEquals(requests, values.decode(RequestForInformation.class,
        values.encode(RequestForInformation.class, requests)));
  }

  @Test
  void everyAttributeOfTheTypesWrittenFieldByFieldIsKnownToTheCodec() {
    // A new attribute of one of these types must be written and read in ModelValues too, or a
    // snapshot would drop it; this lists what the codec writes.
    Map<Class<?>, Set<String>> written = new LinkedHashMap<>();
    written.put(Member.class, Set.of("getId", "getName", "getTitle", "getAgency", "getEmail",
        "getPhone", "getBarAdmissions", "getExpertise"));
    written.put(Membership.class, Set.of("getMember", "getCommunity", "getRole", "getSponsor",
        "getHistory", "getStatus"));
    written.put(StatusChange.class, Set.of("getStatus", "getAt", "getReason", "getUntil"));
    written.put(Activity.class, Set.of("getId", "getCommunity", "getKind", "getTitle",
        "getStartsAt", "getEndsAt", "getHostSite", "getCoreAreas", "getTopics", "getExchange",
        "getSeries"));
    written.put(RequestForInformation.class, Set.of("getId", "getCommunity", "getAskedBy",
        "getTopic", "getQuestion", "getPostedAt", "getCaseReferences", "getResponses",
        "getAcceptedResponse", "isExpired", "getState", "getClosedAt"));
    written.put(RfiResponse.class, Set.of("getId", "getRespondent", "getAt", "getText"));
    written.put(CaseReference.class, Set.of("getHandle", "getLabel"));
    written.put(Exchange.class, Set.of("getId", "getCommunity", "getHostAgency", "getHostSite",
        "getVisitingAgencies", "getPurpose", "getCoreAreas", "getMode", "getRequestedBy",
        "getRequestedAt", "getTravelFunding", "getCaseReferences", "getState", "getApprovals",
        "getSchedule", "getHeldOn", "getReport", "getClosingReason", "isFullyApproved"));
    written.put(Approval.class, Set.of("getRole", "getBy", "getAt"));
    written.put(Schedule.class, Set.of("getFirstDay", "getLastDay"));
    written.put(FollowUpReport.class, Set.of("getSubmittedBy", "getSubmittedAt", "getSummary"));
    written.forEach((type, known) -> {
      Set<String> accessors = new TreeSet<>();
      for (Method method : type.getDeclaredMethods()) {
        if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
            && (method.getName().startsWith("get") || method.getName().startsWith("is"))) {
          accessors.add(method.getName());
        }
      }
      assertEquals(new TreeSet<>(known), accessors, type.getSimpleName()
          + " changed: write and read its new attributes in ModelValues, and update this list");
    });
  }

  @Test
  void exchangesComeBackEqualInEveryState() {
    Instant at = Instant.parse("2026-03-02T15:00:00Z");
    Exchange requested = Exchange.builder().id(ExchangeId.of("x-1"))
        .community(CommunityId.of("pcop")).hostAgency(AgencyId.of("a-kc"))
        .hostSite(SiteId.of("kc")).addVisitingAgencies(AgencyId.of("a-stl"), AgencyId.of("a-chi"))
        .purpose("Learn the NIBIN triage, día 1").addCoreAreas(CoreAreaId.of("gun-violence"))
        .mode(ExchangeMode.IN_PERSON).requestedBy(MemberId.of("m-1")).requestedAt(at).build();
    Exchange documented = Exchange.builder().from(requested).id(ExchangeId.of("x-2"))
        .travelFunding(new BigDecimal("1250.50"))
        .addCaseReferences(CaseReference.of("cms:4711", "State v. Doe"))
        .state(ExchangeState.DOCUMENTED)
        .addApprovals(Approval.of(ApproverRole.values()[0], MemberId.of("m-2"),
            at.plusSeconds(60)))
        .addApprovals(Approval.of(ApproverRole.values()[1], MemberId.of("m-3"),
            at.plusSeconds(120).plusNanos(7)))
        .schedule(Schedule.of(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 8)))
        .heldOn(LocalDate.of(2026, 4, 7)).report(FollowUpReport.builder()
            .submittedBy(MemberId.of("m-1")).submittedAt(at.plusSeconds(864_000))
            .summary("We adopted the daily triage.").build()).build();
    Exchange declined = Exchange.builder().from(requested).id(ExchangeId.of("x-3"))
        .state(ExchangeState.DECLINED).closingReason("No capacity this quarter").build();
    List<Exchange> exchanges = List.of(requested, documented, declined);
    assertEquals(exchanges, values.decode(Exchange.class,
        values.encode(Exchange.class, exchanges)));
  }

  @Test
  void suspensionsAndClosedRequestsKeepTheirDates() {
    Instant at = Instant.parse("2026-03-02T15:00:00Z");
    Membership suspended = Membership.builder().member(MemberId.of("m-1"))
        .community(CommunityId.of("pcop")).role(MembershipRole.MEMBER)
        .addHistory(StatusChange.of(MembershipStatus.ACTIVE, at))
        .addHistory(StatusChange.builder().status(MembershipStatus.SUSPENDED)
            .at(at.plusSeconds(60)).reason("Conduct review")
            .until(java.time.LocalDate.of(2026, 4, 1)).build()).build();
    assertEquals(List.of(suspended), values.decode(Membership.class,
        values.encode(Membership.class, List.of(suspended))));
    RequestForInformation closed = RequestForInformation.builder().id(RfiId.of("q-1"))
        .community(CommunityId.of("pcop")).askedBy(MemberId.of("m-1"))
        .topic(TopicId.of("gun-violence.nibin")).question("Who has a protocol?").postedAt(at)
        .expired(true).closedAt(at.plusSeconds(86_400)).build();
    assertEquals(List.of(closed), values.decode(RequestForInformation.class,
        values.encode(RequestForInformation.class, List.of(closed))));
  }

  @Test
  void changedBytesAreRefused() {
    byte[] bytes = values.encode(Member.class, List.of(Member.builder().id(MemberId.of("m-1"))
        .name("Ana").agency(AgencyId.of("a-1")).email("ana@example.org").build()));
    bytes[6] ^= 1;
    assertThrows(SnapshotBytes.Unusable.class, () -> values.decode(Member.class, bytes));
  }
}
