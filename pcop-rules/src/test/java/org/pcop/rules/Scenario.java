package org.pcop.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.pcop.model.ActivityId;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.AgencyKind;
import org.pcop.model.Community;
import org.pcop.model.CommunityId;
import org.pcop.model.EngagementKind;
import org.pcop.model.ExchangeId;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ProgramId;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.Site;
import org.pcop.model.SiteEngagement;
import org.pcop.model.SiteId;
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
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.EngagementLevelLocked;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ExchangeApproved;
import org.pcop.model.event.ExchangeDocumented;
import org.pcop.model.event.ExchangeHeld;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.ExchangeScheduled;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiPosted;
import org.pcop.model.event.SiteRegistered;
import org.pcop.model.event.TaxonomyChanged;
import org.pcop.model.taxonomy.CoreArea;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.TaxonomyId;
import org.pcop.model.taxonomy.Topic;
import org.pcop.model.taxonomy.TopicId;

/**
 * A small community to build histories in: the Prosecution Community of Practice in Central
 * time, with helpers that append events to a log and apply them to a record.
 */
final class Scenario {
  static final CommunityId PCOP = CommunityId.of("pcop");
  static final ZoneId ZONE = ZoneId.of("America/Chicago");
  static final Community COMMUNITY = Community.builder().id(PCOP).program(ProgramId.of("psp"))
      .name("Prosecution Community of Practice").taxonomy(TaxonomyId.of("psp")).timeZone(ZONE)
      .build();
  static final MemberId SYSTEM = MemberId.of("m-system");
  static final Taxonomy TAXONOMY = Taxonomy.builder().id(TaxonomyId.of("psp")).version(1)
      .name("PSP core areas").effective(LocalDate.of(2019, 1, 1))
      .addCoreArea(CoreArea.of(CoreAreaId.of("gun-violence"), "Gun violence"))
      .addCoreArea(CoreArea.of(CoreAreaId.of("victim-services"), "Victim services"))
      .addTopic(Topic.of(TopicId.of("gun-violence.nibin"), "NIBIN leads",
          CoreAreaId.of("gun-violence")))
      .addTopic(Topic.of(TopicId.of("victim-services.notification"), "Victim notification",
          CoreAreaId.of("victim-services")))
      .build();

  final List<PcopEvent> log = new ArrayList<>();
  final EngagementRecord record = EngagementRecord.of(COMMUNITY);
  private int sequence;

  static Instant at(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
  }

  EventId nextId() {
    return EventId.of("e-" + (++sequence));
  }

  Scenario apply(PcopEvent event) {
    record.apply(event);
    log.add(event);
    return this;
  }

  /**
   * Two operations sites since 2025, Kansas City ({@code s-kc}, agency {@code a-kc}) and
   * Memphis ({@code s-mem}, agency {@code a-mem}).
   */
  Scenario twoSites(Instant at) {
    return site("s-kc", EngagementKind.OPERATIONS, LocalDate.of(2025, 1, 1), at)
        .site("s-mem", EngagementKind.OPERATIONS, LocalDate.of(2025, 1, 1), at)
        .localAgency("a-kc", "s-kc", at).localAgency("a-mem", "s-mem", at);
  }

  Scenario taxonomy(Instant at) {
    return apply(TaxonomyChanged.builder().eventId(nextId()).actor(SYSTEM).occurredAt(at)
        .community(PCOP).taxonomy(TAXONOMY).build());
  }

  Scenario site(String id, EngagementKind kind, LocalDate start, Instant at) {
    SiteEngagement engagement = kind == EngagementKind.ALUMNI
        ? SiteEngagement.builder().kind(kind).start(start).build()
        : SiteEngagement.standard(kind, start);
    Site site = Site.builder().id(SiteId.of(id)).name("Site " + id).state("MO")
        .addEngagement(engagement).build();
    return apply(SiteRegistered.builder().eventId(nextId()).actor(SYSTEM).occurredAt(at)
        .site(site).build());
  }

  Scenario agency(String id, String site, AgencyKind kind, JurisdictionLevel level,
      Instant at) {
    Agency agency = Agency.builder().id(AgencyId.of(id)).name("Office " + id).kind(kind)
        .jurisdictionLevel(level).state("MO")
        .site(java.util.Optional.ofNullable(site).map(SiteId::of)).build();
    return apply(AgencyRegistered.builder().eventId(nextId()).actor(SYSTEM).occurredAt(at)
        .agency(agency).build());
  }

  Scenario localAgency(String id, String site, Instant at) {
    return agency(id, site, AgencyKind.DISTRICT_OR_COUNTY_ATTORNEY, JurisdictionLevel.LOCAL,
        at);
  }

  Scenario member(String id, String agency, Instant at, String... expertise) {
    var builder = Member.builder().id(MemberId.of(id)).name("Member " + id)
        .agency(AgencyId.of(agency)).email(id + "@example.org");
    for (String topic : expertise) {
      builder.addExpertise(TopicId.of(topic));
    }
    return apply(MemberEnrolled.builder().eventId(nextId()).actor(SYSTEM).occurredAt(at)
        .member(builder.build()).build());
  }

  Scenario membership(String member, MembershipRole role, MembershipStatus status, Instant at) {
    return apply(MembershipChanged.builder().eventId(nextId()).actor(SYSTEM).occurredAt(at)
        .member(MemberId.of(member)).community(PCOP).role(role).status(status).build());
  }

  Scenario suspended(String member, MembershipRole role, String until, Instant at) {
    return apply(MembershipChanged.builder().eventId(nextId()).actor(SYSTEM).occurredAt(at)
        .member(MemberId.of(member)).community(PCOP).role(role)
        .status(MembershipStatus.SUSPENDED).reason("Shared a document marked internal.")
        .until(LocalDate.parse(until)).build());
  }

  Scenario invited(String member, MembershipRole role, String sponsor, Instant at) {
    return apply(MembershipChanged.builder().eventId(nextId()).actor(SYSTEM).occurredAt(at)
        .member(MemberId.of(member)).community(PCOP).role(role)
        .status(MembershipStatus.INVITED)
        .sponsor(java.util.Optional.ofNullable(sponsor).map(MemberId::of)).build());
  }

  Scenario activity(String id, ActivityKind kind, Instant at, String hostSite,
      String... coreAreas) {
    var builder = Activity.builder().id(ActivityId.of(id)).community(PCOP).kind(kind)
        .title("Activity " + id).startsAt(at).endsAt(at.plusSeconds(3600))
        .hostSite(java.util.Optional.ofNullable(hostSite).map(SiteId::of));
    for (String area : coreAreas) {
      builder.addCoreArea(CoreAreaId.of(area));
    }
    return apply(ActivityRecorded.builder().eventId(nextId()).actor(SYSTEM).occurredAt(at)
        .activity(builder.build()).build());
  }

  /** An activity of a kind in a named series, for example a meeting of the community calls. */
  Scenario seriesActivity(String id, ActivityKind kind, String series, Instant at,
      String hostSite) {
    Activity activity = Activity.builder().id(ActivityId.of(id)).community(PCOP).kind(kind)
        .title("Activity " + id).startsAt(at).endsAt(at.plusSeconds(3600))
        .hostSite(java.util.Optional.ofNullable(hostSite).map(SiteId::of)).series(series)
        .build();
    return apply(ActivityRecorded.builder().eventId(nextId()).actor(SYSTEM).occurredAt(at)
        .activity(activity).build());
  }

  Scenario exchangeActivity(String id, String exchange, Instant at, String hostSite) {
    return exchangeActivity(id, exchange, ActivityKind.PEER_EXCHANGE, null, at, hostSite);
  }

  /**
   * An activity of a kind (a peer exchange or site visit), in a series if not null, carrying out
   * an exchange.
   */
  Scenario exchangeActivity(String id, String exchange, ActivityKind kind, String series,
      Instant at, String hostSite) {
    return recorded(activity(id, kind, at).title("Exchange " + exchange)
        .hostSite(SiteId.of(hostSite)).exchange(ExchangeId.of(exchange))
        .series(java.util.Optional.ofNullable(series)).build());
  }

  /** An activity's builder with its id, community, kind, title and an hour from {@code at}. */
  static org.pcop.model.activity.ImmutableActivity.Builder activity(String id,
      ActivityKind kind, Instant at) {
    return Activity.builder().id(ActivityId.of(id)).community(PCOP).kind(kind)
        .title("Activity " + id).startsAt(at).endsAt(at.plusSeconds(3600));
  }

  /** Records an activity, at its start. */
  Scenario recorded(Activity activity) {
    return apply(ActivityRecorded.builder().eventId(nextId()).actor(SYSTEM)
        .occurredAt(activity.getStartsAt()).activity(activity).build());
  }

  Scenario took(String member, String activity, ParticipationKind kind, Instant at) {
    return apply(ParticipationRecorded.builder().eventId(nextId()).actor(MemberId.of(member))
        .occurredAt(at).participation(Participation.of(ActivityId.of(activity),
            MemberId.of(member), kind, at)).build());
  }

  Scenario attended(String member, String activity, Instant at) {
    return took(member, activity, ParticipationKind.ATTENDED, at);
  }

  Scenario exchange(String id, String hostAgency, String hostSite, String visitor,
      String requester, Instant at, BigDecimal funding) {
    Exchange exchange = Exchange.builder().id(ExchangeId.of(id)).community(PCOP)
        .hostAgency(AgencyId.of(hostAgency)).hostSite(SiteId.of(hostSite))
        .addVisitingAgency(AgencyId.of(visitor)).purpose("Learn from the host.")
        .mode(ExchangeMode.IN_PERSON).requestedBy(MemberId.of(requester)).requestedAt(at)
        .travelFunding(java.util.Optional.ofNullable(funding)).build();
    return apply(ExchangeRequested.builder().eventId(nextId()).actor(MemberId.of(requester))
        .occurredAt(at).exchange(exchange).build());
  }

  /**
   * An exchange requested, approved, scheduled and held on {@code day}, hosted by an agency at a
   * site for the visiting agencies, serving the given core areas (none if null).
   */
  Scenario heldExchange(String id, String hostAgency, String hostSite, LocalDate day,
      String coreArea, String... visitors) {
    Instant asked = day.minusDays(20).atTime(9, 0).atZone(ZONE).toInstant();
    var builder = Exchange.builder().id(ExchangeId.of(id)).community(PCOP)
        .hostAgency(AgencyId.of(hostAgency)).hostSite(SiteId.of(hostSite))
        .purpose("Learn from the host.").mode(ExchangeMode.IN_PERSON)
        .requestedBy(SYSTEM).requestedAt(asked);
    for (String visitor : visitors) {
      builder.addVisitingAgency(AgencyId.of(visitor));
    }
    if (coreArea != null) {
      builder.addCoreArea(CoreAreaId.of(coreArea));
    }
    apply(ExchangeRequested.builder().eventId(nextId()).actor(SYSTEM).occurredAt(asked)
        .exchange(builder.build()).build());
    return approved(id, ApproverRole.PROGRAM_ADVISOR, "m-adv", asked.plusSeconds(3600))
        .approved(id, ApproverRole.HOST_SITE_LEAD, "m-lead", asked.plusSeconds(7200))
        .scheduled(id, day, asked.plusSeconds(10_800)).held(id, day);
  }

  Scenario approved(String exchange, ApproverRole role, String by, Instant at) {
    return apply(ExchangeApproved.builder().eventId(nextId()).actor(MemberId.of(by))
        .occurredAt(at).exchange(ExchangeId.of(exchange)).role(role).build());
  }

  Scenario scheduled(String exchange, LocalDate first, Instant at) {
    return apply(ExchangeScheduled.builder().eventId(nextId()).actor(SYSTEM).occurredAt(at)
        .exchange(ExchangeId.of(exchange)).schedule(Schedule.of(first, first.plusDays(1)))
        .build());
  }

  Scenario held(String exchange, LocalDate day) {
    return apply(ExchangeHeld.builder().eventId(nextId()).actor(SYSTEM)
        .occurredAt(day.atTime(18, 0).atZone(ZONE).toInstant()).exchange(ExchangeId.of(exchange))
        .heldOn(day).build());
  }

  Scenario documented(String exchange, String by, Instant at) {
    return apply(ExchangeDocumented.builder().eventId(nextId()).actor(MemberId.of(by))
        .occurredAt(at).exchange(ExchangeId.of(exchange)).report(FollowUpReport.builder()
            .submittedBy(MemberId.of(by)).submittedAt(at).summary("What we learned.").build())
        .build());
  }

  Scenario rfi(String id, String asker, String topic, Instant at) {
    RequestForInformation rfi = RequestForInformation.builder().id(RfiId.of(id))
        .community(PCOP).askedBy(MemberId.of(asker)).topic(TopicId.of(topic))
        .question("How do you handle this?").postedAt(at).build();
    return apply(RfiPosted.builder().eventId(nextId()).actor(MemberId.of(asker)).occurredAt(at)
        .request(rfi).build());
  }

  Scenario answered(String rfi, String response, String by, Instant at) {
    return apply(RfiAnswered.builder().eventId(nextId()).actor(MemberId.of(by)).occurredAt(at)
        .request(RfiId.of(rfi)).response(RfiResponse.builder().id(ResponseId.of(response))
            .respondent(MemberId.of(by)).at(at).text("Here is how.").build()).build());
  }

  Scenario accepted(String rfi, String response, String by, Instant at) {
    return apply(org.pcop.model.event.RfiAccepted.builder().eventId(nextId())
        .actor(MemberId.of(by)).occurredAt(at).request(RfiId.of(rfi))
        .response(ResponseId.of(response)).build());
  }

  Scenario closed(String rfi, String by, Instant at) {
    return apply(org.pcop.model.event.RfiClosed.builder().eventId(nextId())
        .actor(MemberId.of(by)).occurredAt(at).request(RfiId.of(rfi)).build());
  }

  Scenario flag(String member, ConductFlagStatus status, Instant at) {
    return apply(ConductFlagRecorded.builder().eventId(nextId()).actor(SYSTEM).occurredAt(at)
        .member(MemberId.of(member)).status(status).build());
  }

  Scenario levelChanged(String member, String from, String to, Instant at) {
    return apply(EngagementLevelChanged.builder().eventId(nextId()).actor(SYSTEM)
        .occurredAt(at).member(MemberId.of(member)).community(PCOP)
        .from(java.util.Optional.ofNullable(from)).to(java.util.Optional.ofNullable(to))
        .reason("recorded").build());
  }

  Scenario locked(String member, String level, Instant at) {
    return apply(EngagementLevelLocked.builder().eventId(nextId()).actor(SYSTEM).occurredAt(at)
        .member(MemberId.of(member)).community(PCOP)
        .level(java.util.Optional.ofNullable(level)).build());
  }

  /**
   * The subject's result of one rule in full evaluation of this scenario's record, after
   * asserting that applying this scenario's log event by event to an empty record gives the same
   * result and the same explanation text: the check every single-measure test makes.
   */
  RuleResult fullEqualsIncremental(RuleSet rules, RuleId rule, Subject subject, Instant asOf) {
    RuleResult full = RuleEngine.evaluate(rules, record, asOf, UsFederalCalendar.instance())
        .results(subject).stream().filter(r -> r.getRule().equals(rule)).findFirst()
        .orElseThrow(() -> new AssertionError("no result of " + rule + " for " + subject));
    IncrementalEvaluator incremental = IncrementalEvaluator.start(rules,
        new Scenario().record, asOf, UsFederalCalendar.instance());
    for (PcopEvent event : log) {
      incremental.apply(event);
    }
    org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of(full),
        incremental.result(rule, subject));
    org.junit.jupiter.api.Assertions.assertEquals(full.getExplanation().getText(),
        incremental.result(rule, subject).get().getExplanation().getText());
    return full;
  }
}
