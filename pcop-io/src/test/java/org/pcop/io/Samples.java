package org.pcop.io;

import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.RuleResult;
import org.pcop.rules.Subject;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.CustomRule;
import org.pcop.rules.definition.PointsRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.spi.RuleKind;
import org.pcop.rules.spi.RuleKindRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.pcop.io.document.CommunityDocument;
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
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeMode;
import org.pcop.model.activity.FollowUpReport;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.activity.Schedule;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.AgencyRegistered;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.CaseFactDecision;
import org.pcop.model.event.CaseFactsReviewed;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.EngagementLevelLocked;
import org.pcop.model.event.EventId;
import org.pcop.model.event.RedactedSpan;
import org.pcop.model.event.ExchangeApproved;
import org.pcop.model.event.ExchangeCancelled;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.ExchangeDocumented;
import org.pcop.model.event.ExchangeHeld;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.ExchangeScheduled;
import org.pcop.model.event.MemberDeactivated;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.RfiPosted;
import org.pcop.model.event.SiteRegistered;
import org.pcop.model.event.TaxonomyChanged;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.PspTaxonomy;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.TopicId;

/** Valid sample values: a small community document and one event of each kind. */
public final class Samples {
  private Samples() {}

  public static final Instant T0 = Instant.parse("2024-03-01T15:00:00Z");
  public static final Taxonomy TAXONOMY = PspTaxonomy.current();
  public static final TopicId TOPIC = TAXONOMY.getTopics().get(0).getId();
  public static final CoreAreaId AREA = TAXONOMY.getCoreAreas().get(0).getId();

  public static Site memphis() {
    return Site.builder().id(SiteId.of("s-memphis")).name("Memphis").state("TN")
        .addEngagement(SiteEngagement.standard(EngagementKind.DIAGNOSTIC,
            LocalDate.parse("2019-06-01")))
        .addEngagement(SiteEngagement.builder().kind(EngagementKind.ALUMNI)
            .start(LocalDate.parse("2022-06-01")).build())
        .build();
  }

  public static Site kansasCity() {
    return Site.builder().id(SiteId.of("s-kc")).name("Kansas City").state("MO")
        .addEngagement(SiteEngagement.standard(EngagementKind.OPERATIONS,
            LocalDate.parse("2021-01-01")))
        .build();
  }

  public static Agency shelby() {
    return Agency.builder().id(AgencyId.of("a-shelby")).name("Shelby County District Attorney")
        .kind(AgencyKind.DISTRICT_OR_COUNTY_ATTORNEY).jurisdictionLevel(JurisdictionLevel.LOCAL)
        .state("TN").site(SiteId.of("s-memphis")).build();
  }

  public static Agency jackson() {
    return Agency.builder().id(AgencyId.of("a-jackson"))
        .name("Jackson County Prosecuting Attorney's Office")
        .kind(AgencyKind.DISTRICT_OR_COUNTY_ATTORNEY).jurisdictionLevel(JurisdictionLevel.LOCAL)
        .state("MO").ori("MO0480000").site(SiteId.of("s-kc")).build();
  }

  public static Agency usao() {
    return Agency.builder().id(AgencyId.of("a-usao-wdmo"))
        .name("US Attorney's Office, Western District of Missouri")
        .kind(AgencyKind.US_ATTORNEYS_OFFICE).jurisdictionLevel(JurisdictionLevel.FEDERAL)
        .state("MO").build();
  }

  public static Member jordan() {
    return Member.builder().id(MemberId.of("m-17")).name("Jordan Reyes")
        .title("Assistant District Attorney").agency(AgencyId.of("a-shelby"))
        .email("jordan.reyes@example.org").phone("+1 901 222 1300")
        .addBarAdmission(BarAdmission.of("TN", "032177")).addExpertise(TOPIC).build();
  }

  public static Member sam() {
    return Member.builder().id(MemberId.of("m-18")).name("Sam O'Neil")
        .agency(AgencyId.of("a-jackson")).email("sam.oneil@example.org").build();
  }

  public static Member alex() {
    return Member.builder().id(MemberId.of("m-19")).name("Alex Chen")
        .title("Program Advisor").agency(AgencyId.of("a-usao-wdmo"))
        .email("alex.chen@example.org").build();
  }

  public static Community pcop() {
    return Community.builder().id(CommunityId.of("c-pcop")).program(ProgramId.of("psp"))
        .name("Prosecution Community of Practice")
        .description("Prosecutors learning from each other.\nPeer exchanges and webinars.")
        .taxonomy(TAXONOMY.getId()).timeZone(ZoneId.of("America/Chicago")).build();
  }

  public static Membership membership(Member member, MembershipRole role) {
    return Membership.builder().member(member.getId()).community(CommunityId.of("c-pcop"))
        .role(role)
        .addHistory(StatusChange.of(MembershipStatus.INVITED, T0))
        .addHistory(StatusChange.builder().status(MembershipStatus.ACTIVE)
            .at(T0.plusSeconds(3600)).reason("accepted the invitation").build())
        .build();
  }

  public static CommunityDocument document() {
    return CommunityDocument.builder()
        .program(Program.builder().id(ProgramId.of("psp"))
            .name("National Public Safety Partnership")
            .addSite(SiteId.of("s-memphis")).addSite(SiteId.of("s-kc"))
            .addCommunity(CommunityId.of("c-pcop")).build())
        .sites(List.of(memphis(), kansasCity()))
        .agencies(List.of(shelby(), jackson(), usao()))
        .members(List.of(jordan(), sam(), alex()))
        .communities(List.of(pcop()))
        .memberships(List.of(membership(jordan(), MembershipRole.SITE_LEAD),
            membership(sam(), MembershipRole.MEMBER),
            Membership.builder().from(membership(alex(), MembershipRole.PROGRAM_ADVISOR))
                .sponsor(MemberId.of("m-17")).build()))
        .taxonomies(PspTaxonomy.versions())
        .build();
  }

  /** The default rule set of c-pcop, with a plugin rule and every built-in kind. */
  public static RuleSet ruleSet() {
    CommunityId pcop = CommunityId.of("c-pcop");
    RuleSet defaults = DefaultRules.forCommunity(pcop);
    return RuleSet.builder().from(defaults).version(4)
        .addRule(PointsRule.builder().id(RuleId.of("points-quarterly")).community(pcop)
            .putPointsPerKind(ParticipationKind.ATTENDED, 1)
            .putPointsPerKind(ParticipationKind.PRESENTED, 5).capPerPeriod(20)
            .capPeriod(CalendarPeriod.QUARTER).halfLifeDays(365).leaderboardSize(5).build())
        .addRule(CustomRule.builder().id(RuleId.of("diverse")).community(pcop)
            .kind(ExchangeDiversityKind.NAME).putParameter("minAgencies", "3")
            .putParameter("note", "counts visiting\noffices").build())
        .addRule(org.pcop.rules.definition.ServiceLevelRule.builder()
            .id(RuleId.of("rfi-closure")).community(pcop)
            .obligation(org.pcop.rules.definition.ServiceLevelKind.RFI_CLOSURE).days(10)
            .businessDays(true).warnBusinessDays(2).build())
        .addRule(org.pcop.rules.definition.EngagementLevelRule.builder()
            .id(RuleId.of("answerers")).community(pcop)
            .addLevel(org.pcop.rules.definition.Level.of("answerer",
                org.pcop.rules.definition.Measure.builder()
                    .kind(org.pcop.rules.definition.MeasureKind.CONTRIBUTION_COUNTERPARTIES)
                    .contribution(org.pcop.rules.definition.ContributionKind
                        .ACCEPTED_ANSWER_RECEIVED)
                    .addCoreAreas(org.pcop.model.taxonomy.CoreAreaId.of("gun-violence"))
                    .addTopics(org.pcop.model.taxonomy.TopicId.of("victim-services.notice"))
                    .window(org.pcop.rules.definition.Window.lastDays(100)).threshold(5)
                    .build(),
                org.pcop.rules.definition.Measure.contributionDays(
                    org.pcop.rules.definition.ContributionKind.ANSWER_GIVEN,
                    org.pcop.rules.definition.Window.lastDays(100), 7),
                org.pcop.rules.definition.Measure.builder()
                    .kind(org.pcop.rules.definition.MeasureKind.CONTRIBUTION_COUNTERPARTIES)
                    .contribution(org.pcop.rules.definition.ContributionKind
                        .PRESENTATION_GIVEN)
                    .activityKind(org.pcop.model.activity.ActivityKind.WEBINAR)
                    .series("community call")
                    .window(org.pcop.rules.definition.Window.lastDays(365)).threshold(2)
                    .build()))
            .build())
        // Suggestions' weights, some tuned and the rest the defaults.
        .addRule(org.pcop.rules.definition.RecommendationRule.builder()
            .id(RuleId.of("suggestions")).community(pcop)
            .answererWeights(org.pcop.rules.AnswererWeights.DEFAULTS.with(java.util.Map.of(
                "loadPerRequest", 0.5, "acceptedCap", 5)))
            .hostWeights(org.pcop.rules.HostWeights.DEFAULTS.with(java.util.Map.of(
                "practice", 0.125)))
            .build())
        .build();
  }

  /** A rule kind a plugin would add: only its name matters to the formats. */
  public static final class ExchangeDiversityKind implements RuleKind {
    /** The registered name. */
    public static final String NAME = "exchange-diversity";

    @Override
    public String kind() {
      return NAME;
    }

    @Override
    public SortedSet<Subject> subjects(Rule rule, EvaluationContext context) {
      return new TreeSet<>();
    }

    @Override
    public Optional<RuleResult> evaluate(Rule rule, Subject subject,
        EvaluationContext context) {
      return Optional.empty();
    }
  }

  /** The registry with the built-in kinds and {@link ExchangeDiversityKind}. */
  public static RuleKindRegistry registry() {
    return RuleKindRegistry.builtIn().with(new ExchangeDiversityKind());
  }

  /** {@link #document()} with the default rule set of c-pcop (built-in kinds only). */
  public static CommunityDocument documentWithRules() {
    return CommunityDocument.builder().from(document())
        .ruleSet(DefaultRules.forCommunity(CommunityId.of("c-pcop"))).build();
  }

  public static Exchange exchange() {
    return Exchange.builder().id(ExchangeId.of("x-1")).community(CommunityId.of("c-pcop"))
        .hostAgency(AgencyId.of("a-shelby")).hostSite(SiteId.of("s-memphis"))
        .addVisitingAgency(AgencyId.of("a-jackson")).purpose("Learn the gun crime intelligence"
            + " center's intake.").addCoreArea(AREA).mode(ExchangeMode.IN_PERSON)
        .requestedBy(MemberId.of("m-18")).requestedAt(T0)
        .travelFunding(new BigDecimal("2500.00"))
        .addCaseReference(CaseReference.of("cms:case:991", "CR-2024-0091")).build();
  }

  public static RequestForInformation rfi() {
    return RequestForInformation.builder().id(RfiId.of("r-1"))
        .community(CommunityId.of("c-pcop")).askedBy(MemberId.of("m-17")).topic(TOPIC)
        .question("How do you staff a gun crime intelligence center?").postedAt(T0).build();
  }

  private static EventId id(int n) {
    return EventId.of("e-" + n);
  }

  /**
   * What {@link #events()} refers to without creating it: the document's sites, agencies and
   * members, three more members and the exchange an activity of an earlier line belongs to.
   */
  public static org.pcop.io.eventlog.KnownIds known() {
    CommunityDocument document = document();
    List<MemberId> members = new java.util.ArrayList<>(List.of(MemberId.of("m-17"),
        MemberId.of("m-18"), MemberId.of("m-19")));
    document.getMembers().forEach(m -> members.add(m.getId()));
    return org.pcop.io.eventlog.KnownIds.none().withMembers(members)
        .withAgencies(document.getAgencies().stream().map(Agency::getId).toList())
        .withSites(document.getSites().stream().map(Site::getId).toList())
        .withExchanges(List.of(ExchangeId.of("x-1")));
  }

  /** One event of each of the 22 kinds. */
  public static List<PcopEvent> events() {
    MemberId actor = MemberId.of("m-19");
    Instant at = T0.plusSeconds(86_400);
    ExchangeId x = ExchangeId.of("x-1");
    return List.of(
        MemberEnrolled.builder().eventId(id(1)).actor(actor).occurredAt(at).member(jordan())
            .build(),
        MemberDeactivated.builder().eventId(id(2)).actor(actor).occurredAt(at)
            .member(MemberId.of("m-18")).reason("left the office").build(),
        AgencyRegistered.builder().eventId(id(3)).actor(actor).occurredAt(at).agency(jackson())
            .build(),
        SiteRegistered.builder().eventId(id(4)).actor(actor).occurredAt(at).site(memphis()).build(),
        MembershipChanged.builder().eventId(id(5)).actor(actor).occurredAt(at)
            .member(MemberId.of("m-17")).community(CommunityId.of("c-pcop"))
            .role(MembershipRole.SUBJECT_MATTER_EXPERT).status(MembershipStatus.ACTIVE)
            .sponsor(MemberId.of("m-19")).build(),
        ActivityRecorded.builder().eventId(id(6)).actor(actor).occurredAt(at)
            .activity(Activity.builder().id(ActivityId.of("act-1"))
                .community(CommunityId.of("c-pcop")).kind(ActivityKind.SITE_VISIT)
                .title("Visit to Memphis").startsAt(T0).endsAt(T0.plusSeconds(7200))
                .hostSite(SiteId.of("s-memphis")).addCoreArea(AREA).addTopic(TOPIC).exchange(x)
                .series("site visits").build()).build(),
        ParticipationRecorded.builder().eventId(id(7)).actor(actor).occurredAt(at)
            .participation(Participation.of(ActivityId.of("act-1"), MemberId.of("m-18"),
                ParticipationKind.ATTENDED, T0)).build(),
        ExchangeRequested.builder().eventId(id(8)).actor(actor).occurredAt(at)
            .exchange(exchange()).build(),
        ExchangeApproved.builder().eventId(id(9)).actor(actor).occurredAt(at).exchange(x)
            .role(ApproverRole.PROGRAM_ADVISOR).build(),
        ExchangeDeclined.builder().eventId(id(10)).actor(actor).occurredAt(at).exchange(x)
            .role(ApproverRole.HOST_SITE_LEAD).reason("no capacity in May").build(),
        ExchangeScheduled.builder().eventId(id(11)).actor(actor).occurredAt(at).exchange(x)
            .schedule(Schedule.of(LocalDate.parse("2024-05-06"), LocalDate.parse("2024-05-08")))
            .build(),
        ExchangeHeld.builder().eventId(id(12)).actor(actor).occurredAt(at).exchange(x)
            .heldOn(LocalDate.parse("2024-05-08")).build(),
        ExchangeDocumented.builder().eventId(id(13)).actor(actor).occurredAt(at).exchange(x)
            .report(FollowUpReport.builder().submittedBy(MemberId.of("m-18"))
                .submittedAt(at).summary("Adopted the intake checklist.").build()).build(),
        ExchangeCancelled.builder().eventId(id(14)).actor(actor).occurredAt(at).exchange(x)
            .reason("travel freeze").build(),
        RfiPosted.builder().eventId(id(15)).actor(actor).occurredAt(at).request(rfi()).build(),
        RfiAnswered.builder().eventId(id(16)).actor(actor).occurredAt(at).request(RfiId.of("r-1"))
            .response(RfiResponse.builder().id(ResponseId.of("resp-1"))
                .respondent(MemberId.of("m-18")).at(at).text("Two analysts and a prosecutor.")
                .build()).build(),
        RfiAccepted.builder().eventId(id(17)).actor(actor).occurredAt(at).request(RfiId.of("r-1"))
            .response(ResponseId.of("resp-1")).build(),
        RfiClosed.builder().eventId(id(18)).actor(actor).occurredAt(at).request(RfiId.of("r-1"))
            .build(),
        TaxonomyChanged.builder().eventId(id(19)).actor(actor).occurredAt(at)
            .community(CommunityId.of("c-pcop")).taxonomy(TAXONOMY).build(),
        ConductFlagRecorded.builder().eventId(id(20)).actor(actor).occurredAt(at)
            .member(MemberId.of("m-18")).status(ConductFlagStatus.RAISED).build(),
        EngagementLevelChanged.builder().eventId(id(21)).actor(actor).occurredAt(at)
            .member(MemberId.of("m-18")).community(CommunityId.of("c-pcop")).to("active")
            .reason("3 participations in 90 days").build(),
        EngagementLevelLocked.builder().eventId(id(22)).actor(actor).occurredAt(at)
            .member(MemberId.of("m-18")).community(CommunityId.of("c-pcop")).level("mentor")
            .build(),
        CaseFactsReviewed.builder().eventId(id(23)).actor(actor).occurredAt(at)
            .community(CommunityId.of("c-pcop")).flaggedEvent(id(15))
            .decision(CaseFactDecision.REDACTED)
            .addRedactions(RedactedSpan.of("request.question", 0, 4)).build(),
        org.pcop.model.event.ServiceLevelWarned.builder().eventId(id(24)).actor(actor)
            .occurredAt(at).community(CommunityId.of("c-pcop")).rule("rfi-closure")
            .request(rfi().getId()).obligation("closure")
            .dueAt(at.plusSeconds(2 * 86_400)).addOwedBy(MemberId.of("m-17")).build());
  }
}
