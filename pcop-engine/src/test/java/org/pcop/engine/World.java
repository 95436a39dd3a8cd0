package org.pcop.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
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
import org.pcop.model.RfiId;
import org.pcop.model.Site;
import org.pcop.model.SiteEngagement;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeMode;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.taxonomy.TaxonomyId;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.spi.EventStore;
import org.pcop.spi.HostUserId;
import org.pcop.spi.NotificationSink;
import org.pcop.spi.memory.InMemoryAccessPolicy;
import org.pcop.spi.memory.InMemoryAuditSink;
import org.pcop.spi.memory.InMemoryEventStore;
import org.pcop.spi.memory.InMemoryIdentityMapping;
import org.pcop.spi.memory.InMemoryMemberDirectory;
import org.pcop.spi.memory.InMemoryNotificationSink;

/** A small community wired to in-memory providers: two sites, three offices, four people. */
final class World {
  static final CommunityId PCOP = CommunityId.of("pcop");
  static final Community COMMUNITY = Community.builder().id(PCOP).program(ProgramId.of("psp"))
      .name("Prosecution Community of Practice").taxonomy(TaxonomyId.of("psp"))
      .timeZone(ZoneId.of("America/Chicago")).build();
  static final Instant NOW = Instant.parse("2026-06-01T15:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static final HostUserId ADMIN = HostUserId.of("admin");
  static final HostUserId ADVISOR = HostUserId.of("advisor");
  static final HostUserId LEAD = HostUserId.of("lead");
  static final HostUserId PAT = HostUserId.of("pat");
  static final HostUserId STRANGER = HostUserId.of("stranger");
  static final MemberId M_ADMIN = MemberId.of("m-admin");
  static final MemberId M_ADVISOR = MemberId.of("m-advisor");
  static final MemberId M_LEAD = MemberId.of("m-lead");
  static final MemberId M_PAT = MemberId.of("m-pat");
  static final SiteId KC = SiteId.of("s-kc");
  static final SiteId STL = SiteId.of("s-stl");
  static final AgencyId A_KC = AgencyId.of("a-kc");
  static final AgencyId A_STL = AgencyId.of("a-stl");
  static final TopicId TOPIC = TopicId.of("gun-violence.nibin");

  final InMemoryEventStore memoryStore;
  final EventStore store;
  final InMemoryIdentityMapping identities = InMemoryIdentityMapping.create();
  final InMemoryAccessPolicy access = InMemoryAccessPolicy.create();
  final InMemoryAuditSink audit = InMemoryAuditSink.create();
  final InMemoryNotificationSink sink = InMemoryNotificationSink.create();
  final InMemoryMemberDirectory directory = InMemoryMemberDirectory.create();
  private int request;

  World() {
    this(InMemoryEventStore.create(CLOCK));
  }

  World(InMemoryEventStore store) {
    this(store, store);
  }

  World(InMemoryEventStore memoryStore, EventStore store) {
    this.memoryStore = memoryStore;
    this.store = store;
    identities.map(ADMIN, M_ADMIN);
    identities.map(ADVISOR, M_ADVISOR);
    identities.map(LEAD, M_LEAD);
    identities.map(PAT, M_PAT);
    for (HostUserId user : new HostUserId[] {ADMIN, ADVISOR, LEAD, PAT}) {
      for (String action : Pcop.ACTIONS) {
        access.grant(user, action, Optional.of(PCOP));
      }
    }
  }

  Pcop engine() {
    return engine(store);
  }

  Pcop engine(EventStore over) {
    return engine(over, CLOCK);
  }

  Pcop engine(EventStore over, Clock clock) {
    return builder(over, sink).clock(clock).directory(directory).build();
  }

  /** An engine's builder over the world's store and providers, notifying {@code notifications}. */
  PcopBuilder builder(NotificationSink notifications) {
    return builder(store, notifications);
  }

  /** An engine's builder over a store and the world's providers, notifying {@code notifications}. */
  PcopBuilder builder(EventStore over, NotificationSink notifications) {
    return Pcop.builder().store(over).community(COMMUNITY).clock(CLOCK).identities(identities)
        .access(access).audit(audit).notifications(notifications);
  }

  CommandContext as(HostUserId user) {
    return CommandContext.of(user, "r-" + (++request));
  }

  static Member member(MemberId id, AgencyId agency) {
    return Member.builder().id(id).name("Person " + id).agency(agency)
        .email(id + "@example.org").build();
  }

  static Site site(SiteId id) {
    return Site.builder().id(id).name("Site " + id).state("MO")
        .addEngagement(SiteEngagement.standard(EngagementKind.OPERATIONS,
            LocalDate.of(2025, 1, 1)))
        .build();
  }

  static Agency agency(AgencyId id, SiteId site) {
    return Agency.builder().id(id).name("Office " + id)
        .kind(AgencyKind.DISTRICT_OR_COUNTY_ATTORNEY).jurisdictionLevel(JurisdictionLevel.LOCAL)
        .state("MO").site(site).build();
  }

  static Exchange exchange(String id) {
    return Exchange.builder().id(ExchangeId.of(id)).community(PCOP).hostAgency(A_KC)
        .hostSite(KC).addVisitingAgency(A_STL).purpose("Learn from the host.")
        .mode(ExchangeMode.IN_PERSON).requestedBy(M_PAT).requestedAt(NOW).build();
  }

  static RequestForInformation rfi(String id) {
    return RequestForInformation.builder().id(RfiId.of(id)).community(PCOP).askedBy(M_PAT)
        .topic(TOPIC).question("How do you handle NIBIN leads?").postedAt(NOW).build();
  }

  /** Registers the sites and offices and enrols the advisor, the lead and Pat as active. */
  World populate(Pcop pcop) {
    pcop.registerSite(as(ADMIN), site(KC));
    pcop.registerSite(as(ADMIN), site(STL));
    pcop.registerAgency(as(ADMIN), agency(A_KC, KC));
    pcop.registerAgency(as(ADMIN), agency(A_STL, STL));
    pcop.enrolMember(as(ADMIN), member(M_ADVISOR, A_KC));
    pcop.enrolMember(as(ADMIN), member(M_LEAD, A_KC));
    pcop.enrolMember(as(ADMIN), member(M_PAT, A_STL));
    pcop.changeMembership(as(ADMIN), M_ADVISOR, MembershipRole.PROGRAM_ADVISOR,
        MembershipStatus.ACTIVE, Optional.empty());
    pcop.changeMembership(as(ADMIN), M_LEAD, MembershipRole.SITE_LEAD, MembershipStatus.ACTIVE,
        Optional.empty());
    pcop.changeMembership(as(ADMIN), M_PAT, MembershipRole.MEMBER, MembershipStatus.ACTIVE,
        Optional.empty());
    return this;
  }
}
