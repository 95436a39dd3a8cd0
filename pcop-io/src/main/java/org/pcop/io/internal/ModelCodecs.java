package org.pcop.io.internal;

import static org.pcop.io.internal.Scalars.AMOUNT_CODEC;
import static org.pcop.io.internal.Scalars.BOOLEAN;
import static org.pcop.io.internal.Scalars.DATE_CODEC;
import static org.pcop.io.internal.Scalars.INSTANT_CODEC;
import static org.pcop.io.internal.Scalars.INT;
import static org.pcop.io.internal.Scalars.STRING;
import static org.pcop.io.internal.Scalars.ZONE_CODEC;
import static org.pcop.io.internal.Scalars.enumeration;
import static org.pcop.io.internal.Scalars.id;

import org.pcop.model.ActivityId;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.AgencyKind;
import org.pcop.model.BarAdmission;
import org.pcop.model.CaseReference;
import org.pcop.model.Community;
import org.pcop.model.CommunityId;
import org.pcop.model.EngagementKind;
import org.pcop.model.ExchangeId;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.Program;
import org.pcop.model.ProgramId;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.Site;
import org.pcop.model.SiteEngagement;
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
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.activity.Schedule;
import org.pcop.model.event.CaseFactDecision;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EventId;
import org.pcop.model.event.RedactedSpan;
import org.pcop.model.taxonomy.Aim;
import org.pcop.model.taxonomy.AimId;
import org.pcop.model.taxonomy.CoreArea;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.TaxonomyId;
import org.pcop.model.taxonomy.Topic;
import org.pcop.model.taxonomy.TopicId;

/**
 * The wire form of every model value: one codec each, with the property names of the model's
 * accessors ({@code getHostAgency()} is {@code "hostAgency"}). Derived values (a membership's
 * status, a request's state) are not written; they follow from what is.
 */
public final class ModelCodecs {
  private ModelCodecs() {}

  private static String[] names(String... names) {
    return names;
  }

  // Identifiers
  /** Member ids. */
  public static final Codec<MemberId> MEMBER_ID = id("member id", MemberId::of, MemberId::value);
  /** Site ids. */
  public static final Codec<SiteId> SITE_ID = id("site id", SiteId::of, SiteId::value);
  /** Agency ids. */
  public static final Codec<AgencyId> AGENCY_ID = id("agency id", AgencyId::of, AgencyId::value);
  /** Community ids. */
  public static final Codec<CommunityId> COMMUNITY_ID =
      id("community id", CommunityId::of, CommunityId::value);
  /** Program ids. */
  public static final Codec<ProgramId> PROGRAM_ID =
      id("program id", ProgramId::of, ProgramId::value);
  /** Activity ids. */
  public static final Codec<ActivityId> ACTIVITY_ID =
      id("activity id", ActivityId::of, ActivityId::value);
  /** Exchange ids. */
  public static final Codec<ExchangeId> EXCHANGE_ID =
      id("exchange id", ExchangeId::of, ExchangeId::value);
  /** Request-for-information ids. */
  public static final Codec<RfiId> RFI_ID = id("request id", RfiId::of, RfiId::value);
  /** Response ids. */
  public static final Codec<ResponseId> RESPONSE_ID =
      id("response id", ResponseId::of, ResponseId::value);
  /** Event ids. */
  public static final Codec<EventId> EVENT_ID = id("event id", EventId::of, EventId::value);
  /** Taxonomy ids. */
  public static final Codec<TaxonomyId> TAXONOMY_ID =
      id("taxonomy id", TaxonomyId::of, TaxonomyId::value);
  /** Core area ids. */
  public static final Codec<CoreAreaId> CORE_AREA_ID =
      id("core area id", CoreAreaId::of, CoreAreaId::value);
  /** Topic ids. */
  public static final Codec<TopicId> TOPIC_ID = id("topic id", TopicId::of, TopicId::value);
  /** Aim ids. */
  public static final Codec<AimId> AIM_ID = id("aim id", AimId::of, AimId::value);

  // Enums
  /** Agency kinds. */
  public static final Codec<AgencyKind> AGENCY_KIND = enumeration(AgencyKind.class);
  /** Jurisdiction levels. */
  public static final Codec<JurisdictionLevel> JURISDICTION_LEVEL =
      enumeration(JurisdictionLevel.class);
  /** Engagement kinds. */
  public static final Codec<EngagementKind> ENGAGEMENT_KIND = enumeration(EngagementKind.class);
  /** Membership roles. */
  public static final Codec<MembershipRole> MEMBERSHIP_ROLE = enumeration(MembershipRole.class);
  /** Membership statuses. */
  public static final Codec<MembershipStatus> MEMBERSHIP_STATUS =
      enumeration(MembershipStatus.class);
  /** Activity kinds. */
  public static final Codec<ActivityKind> ACTIVITY_KIND = enumeration(ActivityKind.class);
  /** Approver roles. */
  public static final Codec<ApproverRole> APPROVER_ROLE = enumeration(ApproverRole.class);
  /** Exchange modes. */
  public static final Codec<ExchangeMode> EXCHANGE_MODE = enumeration(ExchangeMode.class);
  /** Exchange states. */
  public static final Codec<ExchangeState> EXCHANGE_STATE = enumeration(ExchangeState.class);
  /** Participation kinds. */
  public static final Codec<ParticipationKind> PARTICIPATION_KIND =
      enumeration(ParticipationKind.class);
  /** Conduct flag statuses. */
  public static final Codec<ConductFlagStatus> CONDUCT_FLAG_STATUS =
      enumeration(ConductFlagStatus.class);
  /** Case-fact review decisions. */
  public static final Codec<CaseFactDecision> CASE_FACT_DECISION =
      enumeration(CaseFactDecision.class);

  // People and places
  /** Bar admissions. */
  public static final ObjectCodec<BarAdmission> BAR_ADMISSION = ObjectCodec.of("a bar admission",
      names("jurisdiction", "number"),
      f -> {
        String jurisdiction = f.req("jurisdiction", STRING);
        String number = f.req("number", STRING);
        return f.build(() -> BarAdmission.of(jurisdiction, number));
      },
      (v, g) -> {
        Out.field(g, "jurisdiction", v.getJurisdiction(), STRING);
        Out.field(g, "number", v.getNumber(), STRING);
      });

  /** Case references. */
  public static final ObjectCodec<CaseReference> CASE_REFERENCE = ObjectCodec.of(
      "a case reference", names("handle", "label"),
      f -> {
        String handle = f.req("handle", STRING);
        String label = f.req("label", STRING);
        return f.build(() -> CaseReference.of(handle, label));
      },
      (v, g) -> {
        Out.field(g, "handle", v.getHandle(), STRING);
        Out.field(g, "label", CaseLabelsLeftOut.label(g, v.getLabel()), STRING);
      });

  /** Programs. */
  public static final ObjectCodec<Program> PROGRAM = ObjectCodec.of("a program",
      names("id", "name", "sites", "communities"),
      f -> {
        var id = f.req("id", PROGRAM_ID);
        var name = f.req("name", STRING);
        var sites = f.set("sites", SITE_ID);
        var communities = f.set("communities", COMMUNITY_ID);
        return f.build(() -> Program.builder().id(id).name(name).sites(sites)
            .communities(communities).build());
      },
      (v, g) -> {
        Out.field(g, "id", v.getId(), PROGRAM_ID);
        Out.field(g, "name", v.getName(), STRING);
        Out.array(g, "sites", v.getSites(), SITE_ID);
        Out.array(g, "communities", v.getCommunities(), COMMUNITY_ID);
      });

  /** Site engagements. */
  public static final ObjectCodec<SiteEngagement> SITE_ENGAGEMENT = ObjectCodec.of(
      "a site engagement", names("kind", "pilot", "start", "end"),
      f -> {
        var kind = f.req("kind", ENGAGEMENT_KIND);
        var pilot = f.flag("pilot", false);
        var start = f.req("start", DATE_CODEC);
        var end = f.opt("end", DATE_CODEC);
        return f.build(() -> SiteEngagement.builder().kind(kind).pilot(pilot).start(start)
            .end(end).build());
      },
      (v, g) -> {
        Out.field(g, "kind", v.getKind(), ENGAGEMENT_KIND);
        Out.field(g, "pilot", v.isPilot(), BOOLEAN);
        Out.field(g, "start", v.getStart(), DATE_CODEC);
        Out.opt(g, "end", v.getEnd(), DATE_CODEC);
      });

  /** Sites. */
  public static final ObjectCodec<Site> SITE = ObjectCodec.of("a site",
      names("id", "name", "state", "engagements"),
      f -> {
        var id = f.req("id", SITE_ID);
        var name = f.req("name", STRING);
        var state = f.req("state", STRING);
        var engagements = f.list("engagements", SITE_ENGAGEMENT);
        return f.build(() -> Site.builder().id(id).name(name).state(state)
            .engagements(engagements).build());
      },
      (v, g) -> {
        Out.field(g, "id", v.getId(), SITE_ID);
        Out.field(g, "name", v.getName(), STRING);
        Out.field(g, "state", v.getState(), STRING);
        Out.array(g, "engagements", v.getEngagements(), SITE_ENGAGEMENT);
      });

  /** Agencies. */
  public static final ObjectCodec<Agency> AGENCY = ObjectCodec.of("an agency",
      names("id", "name", "kind", "jurisdictionLevel", "state", "ori", "site"),
      f -> {
        var id = f.req("id", AGENCY_ID);
        var name = f.req("name", STRING);
        var kind = f.req("kind", AGENCY_KIND);
        var level = f.req("jurisdictionLevel", JURISDICTION_LEVEL);
        var state = f.req("state", STRING);
        var ori = f.opt("ori", STRING);
        var site = f.opt("site", SITE_ID);
        return f.build(() -> Agency.builder().id(id).name(name).kind(kind)
            .jurisdictionLevel(level).state(state).ori(ori).site(site).build());
      },
      (v, g) -> {
        Out.field(g, "id", v.getId(), AGENCY_ID);
        Out.field(g, "name", v.getName(), STRING);
        Out.field(g, "kind", v.getKind(), AGENCY_KIND);
        Out.field(g, "jurisdictionLevel", v.getJurisdictionLevel(), JURISDICTION_LEVEL);
        Out.field(g, "state", v.getState(), STRING);
        Out.opt(g, "ori", v.getOri(), STRING);
        Out.opt(g, "site", v.getSite(), SITE_ID);
      });

  /** Members. */
  public static final ObjectCodec<Member> MEMBER = ObjectCodec.of("a member",
      names("id", "name", "title", "agency", "email", "phone", "barAdmissions", "expertise"),
      f -> {
        var id = f.req("id", MEMBER_ID);
        var name = f.req("name", STRING);
        var title = f.opt("title", STRING);
        var agency = f.req("agency", AGENCY_ID);
        var email = f.req("email", STRING);
        var phone = f.opt("phone", STRING);
        var bars = f.list("barAdmissions", BAR_ADMISSION);
        var expertise = f.set("expertise", TOPIC_ID);
        return f.build(() -> Member.builder().id(id).name(name).title(title).agency(agency)
            .email(email).phone(phone).barAdmissions(bars).expertise(expertise).build());
      },
      (v, g) -> {
        Out.field(g, "id", v.getId(), MEMBER_ID);
        Out.field(g, "name", v.getName(), STRING);
        Out.opt(g, "title", v.getTitle(), STRING);
        Out.field(g, "agency", v.getAgency(), AGENCY_ID);
        Out.field(g, "email", v.getEmail(), STRING);
        Out.opt(g, "phone", v.getPhone(), STRING);
        Out.array(g, "barAdmissions", v.getBarAdmissions(), BAR_ADMISSION);
        Out.array(g, "expertise", v.getExpertise(), TOPIC_ID);
      });

  /** Communities. */
  public static final ObjectCodec<Community> COMMUNITY = ObjectCodec.of("a community",
      names("id", "program", "name", "description", "taxonomy", "timeZone"),
      f -> {
        var id = f.req("id", COMMUNITY_ID);
        var program = f.req("program", PROGRAM_ID);
        var name = f.req("name", STRING);
        var description = f.opt("description", STRING);
        var taxonomy = f.req("taxonomy", TAXONOMY_ID);
        var zone = f.req("timeZone", ZONE_CODEC);
        return f.build(() -> Community.builder().id(id).program(program).name(name)
            .description(description).taxonomy(taxonomy).timeZone(zone).build());
      },
      (v, g) -> {
        Out.field(g, "id", v.getId(), COMMUNITY_ID);
        Out.field(g, "program", v.getProgram(), PROGRAM_ID);
        Out.field(g, "name", v.getName(), STRING);
        Out.opt(g, "description", v.getDescription(), STRING);
        Out.field(g, "taxonomy", v.getTaxonomy(), TAXONOMY_ID);
        Out.field(g, "timeZone", v.getTimeZone(), ZONE_CODEC);
      });

  /** Status changes. */
  public static final ObjectCodec<StatusChange> STATUS_CHANGE = ObjectCodec.of(
      "a status change", names("status", "at", "reason", "until"),
      f -> {
        var status = f.req("status", MEMBERSHIP_STATUS);
        var at = f.req("at", INSTANT_CODEC);
        var reason = f.opt("reason", STRING);
        var until = f.opt("until", Scalars.DATE_CODEC);
        return f.build(() -> StatusChange.builder().status(status).at(at).reason(reason)
            .until(until).build());
      },
      (v, g) -> {
        Out.field(g, "status", v.getStatus(), MEMBERSHIP_STATUS);
        Out.field(g, "at", v.getAt(), INSTANT_CODEC);
        Out.opt(g, "reason", v.getReason(), STRING);
        Out.opt(g, "until", v.getUntil(), Scalars.DATE_CODEC);
      });

  /** Memberships. */
  public static final ObjectCodec<Membership> MEMBERSHIP = ObjectCodec.of("a membership",
      names("member", "community", "role", "sponsor", "history"),
      f -> {
        var member = f.req("member", MEMBER_ID);
        var community = f.req("community", COMMUNITY_ID);
        var role = f.req("role", MEMBERSHIP_ROLE);
        var sponsor = f.opt("sponsor", MEMBER_ID);
        var history = f.list("history", STATUS_CHANGE);
        return f.build(() -> Membership.builder().member(member).community(community)
            .role(role).sponsor(sponsor).history(history).build());
      },
      (v, g) -> {
        Out.field(g, "member", v.getMember(), MEMBER_ID);
        Out.field(g, "community", v.getCommunity(), COMMUNITY_ID);
        Out.field(g, "role", v.getRole(), MEMBERSHIP_ROLE);
        Out.opt(g, "sponsor", v.getSponsor(), MEMBER_ID);
        Out.array(g, "history", v.getHistory(), STATUS_CHANGE);
      });

  /** Spans of free text a case-fact review redacted. */
  public static final ObjectCodec<RedactedSpan> REDACTED_SPAN = ObjectCodec.of("a redacted span",
      names("field", "start", "end"),
      f -> {
        var field = f.req("field", STRING);
        var start = f.req("start", INT);
        var end = f.req("end", INT);
        return f.build(() -> RedactedSpan.of(field, start, end));
      },
      (v, g) -> {
        Out.field(g, "field", v.getField(), STRING);
        Out.field(g, "start", v.getStart(), INT);
        Out.field(g, "end", v.getEnd(), INT);
      });

  // Taxonomy
  /** Core areas. */
  public static final ObjectCodec<CoreArea> CORE_AREA = ObjectCodec.of("a core area",
      names("id", "name"),
      f -> {
        var id = f.req("id", CORE_AREA_ID);
        var name = f.req("name", STRING);
        return f.build(() -> CoreArea.of(id, name));
      },
      (v, g) -> {
        Out.field(g, "id", v.getId(), CORE_AREA_ID);
        Out.field(g, "name", v.getName(), STRING);
      });

  /** Topics. */
  public static final ObjectCodec<Topic> TOPIC = ObjectCodec.of("a topic",
      names("id", "name", "coreArea"),
      f -> {
        var id = f.req("id", TOPIC_ID);
        var name = f.req("name", STRING);
        var area = f.req("coreArea", CORE_AREA_ID);
        return f.build(() -> Topic.of(id, name, area));
      },
      (v, g) -> {
        Out.field(g, "id", v.getId(), TOPIC_ID);
        Out.field(g, "name", v.getName(), STRING);
        Out.field(g, "coreArea", v.getCoreArea(), CORE_AREA_ID);
      });

  /** Aims. */
  public static final ObjectCodec<Aim> AIM = ObjectCodec.of("an aim", names("id", "name"),
      f -> {
        var id = f.req("id", AIM_ID);
        var name = f.req("name", STRING);
        return f.build(() -> Aim.of(id, name));
      },
      (v, g) -> {
        Out.field(g, "id", v.getId(), AIM_ID);
        Out.field(g, "name", v.getName(), STRING);
      });

  /** Taxonomy versions. */
  public static final ObjectCodec<Taxonomy> TAXONOMY = ObjectCodec.of("a taxonomy version",
      names("id", "version", "name", "effective", "coreAreas", "topics", "aims"),
      f -> {
        var id = f.req("id", TAXONOMY_ID);
        var version = f.req("version", INT);
        var name = f.req("name", STRING);
        var effective = f.req("effective", DATE_CODEC);
        var areas = f.list("coreAreas", CORE_AREA);
        var topics = f.list("topics", TOPIC);
        var aims = f.list("aims", AIM);
        return f.build(() -> Taxonomy.builder().id(id).version(version).name(name)
            .effective(effective).coreAreas(areas).topics(topics).aims(aims).build());
      },
      (v, g) -> {
        Out.field(g, "id", v.getId(), TAXONOMY_ID);
        Out.field(g, "version", v.getVersion(), INT);
        Out.field(g, "name", v.getName(), STRING);
        Out.field(g, "effective", v.getEffective(), DATE_CODEC);
        Out.array(g, "coreAreas", v.getCoreAreas(), CORE_AREA);
        Out.array(g, "topics", v.getTopics(), TOPIC);
        Out.array(g, "aims", v.getAims(), AIM);
      });

  // Activities
  /** Activities. */
  public static final ObjectCodec<Activity> ACTIVITY = ObjectCodec.of("an activity",
      names("id", "community", "kind", "title", "startsAt", "endsAt", "hostSite", "coreAreas",
          "topics", "exchange", "series"),
      f -> {
        var id = f.req("id", ACTIVITY_ID);
        var community = f.req("community", COMMUNITY_ID);
        var kind = f.req("kind", ACTIVITY_KIND);
        var title = f.req("title", STRING);
        var startsAt = f.req("startsAt", INSTANT_CODEC);
        var endsAt = f.req("endsAt", INSTANT_CODEC);
        var hostSite = f.opt("hostSite", SITE_ID);
        var areas = f.set("coreAreas", CORE_AREA_ID);
        var topics = f.set("topics", TOPIC_ID);
        var exchange = f.opt("exchange", EXCHANGE_ID);
        var series = f.opt("series", STRING);
        return f.build(() -> Activity.builder().id(id).community(community).kind(kind)
            .title(title).startsAt(startsAt).endsAt(endsAt).hostSite(hostSite).coreAreas(areas)
            .topics(topics).exchange(exchange).series(series).build());
      },
      (v, g) -> {
        Out.field(g, "id", v.getId(), ACTIVITY_ID);
        Out.field(g, "community", v.getCommunity(), COMMUNITY_ID);
        Out.field(g, "kind", v.getKind(), ACTIVITY_KIND);
        Out.field(g, "title", v.getTitle(), STRING);
        Out.field(g, "startsAt", v.getStartsAt(), INSTANT_CODEC);
        Out.field(g, "endsAt", v.getEndsAt(), INSTANT_CODEC);
        Out.opt(g, "hostSite", v.getHostSite(), SITE_ID);
        Out.array(g, "coreAreas", v.getCoreAreas(), CORE_AREA_ID);
        Out.array(g, "topics", v.getTopics(), TOPIC_ID);
        Out.opt(g, "exchange", v.getExchange(), EXCHANGE_ID);
        Out.opt(g, "series", v.getSeries(), STRING);
      });

  /** Participations. */
  public static final ObjectCodec<Participation> PARTICIPATION = ObjectCodec.of(
      "a participation", names("activity", "member", "kind", "at"),
      f -> {
        var activity = f.req("activity", ACTIVITY_ID);
        var member = f.req("member", MEMBER_ID);
        var kind = f.req("kind", PARTICIPATION_KIND);
        var at = f.req("at", INSTANT_CODEC);
        return f.build(() -> Participation.of(activity, member, kind, at));
      },
      (v, g) -> {
        Out.field(g, "activity", v.getActivity(), ACTIVITY_ID);
        Out.field(g, "member", v.getMember(), MEMBER_ID);
        Out.field(g, "kind", v.getKind(), PARTICIPATION_KIND);
        Out.field(g, "at", v.getAt(), INSTANT_CODEC);
      });

  /** Approvals. */
  public static final ObjectCodec<Approval> APPROVAL = ObjectCodec.of("an approval",
      names("role", "by", "at"),
      f -> {
        var role = f.req("role", APPROVER_ROLE);
        var by = f.req("by", MEMBER_ID);
        var at = f.req("at", INSTANT_CODEC);
        return f.build(() -> Approval.of(role, by, at));
      },
      (v, g) -> {
        Out.field(g, "role", v.getRole(), APPROVER_ROLE);
        Out.field(g, "by", v.getBy(), MEMBER_ID);
        Out.field(g, "at", v.getAt(), INSTANT_CODEC);
      });

  /** Schedules. */
  public static final ObjectCodec<Schedule> SCHEDULE = ObjectCodec.of("a schedule",
      names("firstDay", "lastDay"),
      f -> {
        var first = f.req("firstDay", DATE_CODEC);
        var last = f.req("lastDay", DATE_CODEC);
        return f.build(() -> Schedule.of(first, last));
      },
      (v, g) -> {
        Out.field(g, "firstDay", v.getFirstDay(), DATE_CODEC);
        Out.field(g, "lastDay", v.getLastDay(), DATE_CODEC);
      });

  /** Follow-up reports. */
  public static final ObjectCodec<FollowUpReport> FOLLOW_UP_REPORT = ObjectCodec.of(
      "a follow-up report", names("submittedBy", "submittedAt", "summary"),
      f -> {
        var by = f.req("submittedBy", MEMBER_ID);
        var at = f.req("submittedAt", INSTANT_CODEC);
        var summary = f.req("summary", STRING);
        return f.build(() -> FollowUpReport.builder().submittedBy(by).submittedAt(at)
            .summary(summary).build());
      },
      (v, g) -> {
        Out.field(g, "submittedBy", v.getSubmittedBy(), MEMBER_ID);
        Out.field(g, "submittedAt", v.getSubmittedAt(), INSTANT_CODEC);
        Out.field(g, "summary", v.getSummary(), STRING);
      });

  /** Exchanges. */
  public static final ObjectCodec<Exchange> EXCHANGE = ObjectCodec.of("an exchange",
      names("id", "community", "hostAgency", "hostSite", "visitingAgencies", "purpose",
          "coreAreas", "mode", "requestedBy", "requestedAt", "travelFunding", "caseReferences",
          "state", "approvals", "schedule", "heldOn", "report", "closingReason"),
      f -> {
        var id = f.req("id", EXCHANGE_ID);
        var community = f.req("community", COMMUNITY_ID);
        var hostAgency = f.req("hostAgency", AGENCY_ID);
        var hostSite = f.req("hostSite", SITE_ID);
        var visitors = f.set("visitingAgencies", AGENCY_ID);
        var purpose = f.req("purpose", STRING);
        var areas = f.set("coreAreas", CORE_AREA_ID);
        var mode = f.req("mode", EXCHANGE_MODE);
        var requestedBy = f.req("requestedBy", MEMBER_ID);
        var requestedAt = f.req("requestedAt", INSTANT_CODEC);
        var funding = f.opt("travelFunding", AMOUNT_CODEC);
        var cases = f.list("caseReferences", CASE_REFERENCE);
        var state = f.opt("state", EXCHANGE_STATE).orElse(ExchangeState.REQUESTED);
        var approvals = f.list("approvals", APPROVAL);
        var schedule = f.opt("schedule", SCHEDULE);
        var heldOn = f.opt("heldOn", DATE_CODEC);
        var report = f.opt("report", FOLLOW_UP_REPORT);
        var closingReason = f.opt("closingReason", STRING);
        return f.build(() -> Exchange.builder().id(id).community(community)
            .hostAgency(hostAgency).hostSite(hostSite).visitingAgencies(visitors)
            .purpose(purpose).coreAreas(areas).mode(mode).requestedBy(requestedBy)
            .requestedAt(requestedAt).travelFunding(funding).caseReferences(cases).state(state)
            .approvals(approvals).schedule(schedule).heldOn(heldOn).report(report)
            .closingReason(closingReason).build());
      },
      (v, g) -> {
        Out.field(g, "id", v.getId(), EXCHANGE_ID);
        Out.field(g, "community", v.getCommunity(), COMMUNITY_ID);
        Out.field(g, "hostAgency", v.getHostAgency(), AGENCY_ID);
        Out.field(g, "hostSite", v.getHostSite(), SITE_ID);
        Out.array(g, "visitingAgencies", v.getVisitingAgencies(), AGENCY_ID);
        Out.field(g, "purpose", v.getPurpose(), STRING);
        Out.array(g, "coreAreas", v.getCoreAreas(), CORE_AREA_ID);
        Out.field(g, "mode", v.getMode(), EXCHANGE_MODE);
        Out.field(g, "requestedBy", v.getRequestedBy(), MEMBER_ID);
        Out.field(g, "requestedAt", v.getRequestedAt(), INSTANT_CODEC);
        Out.opt(g, "travelFunding", v.getTravelFunding(), AMOUNT_CODEC);
        Out.array(g, "caseReferences", v.getCaseReferences(), CASE_REFERENCE);
        Out.field(g, "state", v.getState(), EXCHANGE_STATE);
        Out.array(g, "approvals", v.getApprovals(), APPROVAL);
        Out.opt(g, "schedule", v.getSchedule(), SCHEDULE);
        Out.opt(g, "heldOn", v.getHeldOn(), DATE_CODEC);
        Out.opt(g, "report", v.getReport(), FOLLOW_UP_REPORT);
        Out.opt(g, "closingReason", v.getClosingReason(), STRING);
      });

  /** Responses to requests for information. */
  public static final ObjectCodec<RfiResponse> RFI_RESPONSE = ObjectCodec.of("a response",
      names("id", "respondent", "at", "text"),
      f -> {
        var id = f.req("id", RESPONSE_ID);
        var respondent = f.req("respondent", MEMBER_ID);
        var at = f.req("at", INSTANT_CODEC);
        var text = f.req("text", STRING);
        return f.build(() -> RfiResponse.builder().id(id).respondent(respondent).at(at)
            .text(text).build());
      },
      (v, g) -> {
        Out.field(g, "id", v.getId(), RESPONSE_ID);
        Out.field(g, "respondent", v.getRespondent(), MEMBER_ID);
        Out.field(g, "at", v.getAt(), INSTANT_CODEC);
        Out.field(g, "text", v.getText(), STRING);
      });

  /** Requests for information. */
  public static final ObjectCodec<RequestForInformation> REQUEST_FOR_INFORMATION =
      ObjectCodec.of("a request for information",
          names("id", "community", "askedBy", "topic", "question", "postedAt", "caseReferences",
              "responses", "acceptedResponse", "expired", "closedAt"),
          f -> {
            var id = f.req("id", RFI_ID);
            var community = f.req("community", COMMUNITY_ID);
            var askedBy = f.req("askedBy", MEMBER_ID);
            var topic = f.req("topic", TOPIC_ID);
            var question = f.req("question", STRING);
            var postedAt = f.req("postedAt", INSTANT_CODEC);
            var cases = f.list("caseReferences", CASE_REFERENCE);
            var responses = f.list("responses", RFI_RESPONSE);
            var accepted = f.opt("acceptedResponse", RESPONSE_ID);
            var expired = f.flag("expired", false);
            var closedAt = f.opt("closedAt", INSTANT_CODEC);
            return f.build(() -> RequestForInformation.builder().id(id).community(community)
                .askedBy(askedBy).topic(topic).question(question).postedAt(postedAt)
                .caseReferences(cases).responses(responses).acceptedResponse(accepted)
                .expired(expired).closedAt(closedAt).build());
          },
          (v, g) -> {
            Out.field(g, "id", v.getId(), RFI_ID);
            Out.field(g, "community", v.getCommunity(), COMMUNITY_ID);
            Out.field(g, "askedBy", v.getAskedBy(), MEMBER_ID);
            Out.field(g, "topic", v.getTopic(), TOPIC_ID);
            Out.field(g, "question", v.getQuestion(), STRING);
            Out.field(g, "postedAt", v.getPostedAt(), INSTANT_CODEC);
            Out.array(g, "caseReferences", v.getCaseReferences(), CASE_REFERENCE);
            Out.array(g, "responses", v.getResponses(), RFI_RESPONSE);
            Out.opt(g, "acceptedResponse", v.getAcceptedResponse(), RESPONSE_ID);
            Out.field(g, "expired", v.isExpired(), BOOLEAN);
            Out.opt(g, "closedAt", v.getClosedAt(), INSTANT_CODEC);
          });
}
