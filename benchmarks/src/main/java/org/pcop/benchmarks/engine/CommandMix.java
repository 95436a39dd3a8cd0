package org.pcop.benchmarks.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.engine.CommandContext;
import org.pcop.engine.CommandResult;
import org.pcop.engine.Pcop;
import org.pcop.model.ActivityId;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.AgencyKind;
import org.pcop.model.CommunityId;
import org.pcop.model.EngagementKind;
import org.pcop.model.ExchangeId;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
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
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.Schedule;
import org.pcop.model.taxonomy.PspTaxonomy;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.spi.EventStore;
import org.pcop.spi.HostUserId;
import org.pcop.spi.memory.InMemoryAccessPolicy;
import org.pcop.spi.memory.InMemoryAuditSink;
import org.pcop.spi.memory.InMemoryIdentityMapping;
import org.pcop.spi.memory.InMemoryNotificationSink;

/**
 * A community's daily work as commands through the engine, in a fixed cycle of sixteen: an
 * activity recorded, six participations in it, an exchange through its whole lifecycle
 * (requested, approved by the program advisor and by the host site's lead, scheduled, held,
 * documented), and a request for information posted, answered and its answer accepted. Sites,
 * offices and people rotate, so no host exceeds the default exchange policy's capacity; the clock
 * moves ninety minutes a command, a day a cycle. Each command has a new request id. Not
 * thread-safe.
 */
final class CommandMix {
  /** Commands in one cycle. */
  static final int CYCLE = 16;

  private static final CommunityId PCOP = NationalCommunity.COMMUNITY.getId();
  private static final int SITES = 60;
  private static final int AGENCIES_PER_SITE = 2;
  private static final int MEMBERS_PER_AGENCY = 5;
  private static final HostUserId COORDINATOR = HostUserId.of("u-coordinator");
  private static final MemberId M_COORDINATOR = MemberId.of("m-coordinator");
  private static final HostUserId ADVISOR = HostUserId.of("u-advisor");
  private static final MemberId M_ADVISOR = MemberId.of("m-advisor");
  private static final TopicId TOPIC = PspTaxonomy.current().getTopics().get(0).getId();

  private final MovingClock clock = new MovingClock(Instant.parse("2026-01-05T14:00:00Z"));
  private final InMemoryIdentityMapping identities = InMemoryIdentityMapping.create();
  private final InMemoryAccessPolicy access = InMemoryAccessPolicy.create();
  private final InMemoryAuditSink audit = InMemoryAuditSink.create();
  private final InMemoryNotificationSink notifications = InMemoryNotificationSink.create();
  private final String prefix;
  private long requests;
  private long step;

  /**
   * A mix whose request ids start with the prefix.
   *
   * @param prefix the start of every request id, so two runs over one store never clash
   */
  CommandMix(String prefix) {
    this.prefix = prefix;
    grant(COORDINATOR, M_COORDINATOR);
    grant(ADVISOR, M_ADVISOR);
    for (int s = 0; s < SITES; s++) {
      for (int a = 0; a < AGENCIES_PER_SITE; a++) {
        for (int m = 0; m < MEMBERS_PER_AGENCY; m++) {
          grant(user(s, a, m), member(s, a, m));
        }
      }
    }
  }

  private void grant(HostUserId user, MemberId member) {
    identities.map(user, member);
    for (String action : Pcop.ACTIONS) {
      access.grant(user, action, Optional.of(PCOP));
    }
  }

  /** An engine over the store with this mix's providers and clock. */
  Pcop engine(EventStore store) {
    return Pcop.builder().store(store).community(NationalCommunity.COMMUNITY).clock(clock)
        .identities(identities).access(access).audit(audit).notifications(notifications)
        .build();
  }

  /**
   * Registers the sites and offices and enrols everyone, with a lead per site; the coordinator
   * acts for the program office and is not a member.
   */
  void populate(Pcop pcop) {
    for (int s = 0; s < SITES; s++) {
      SiteId site = SiteId.of("s-" + s);
      pcop.registerSite(as(COORDINATOR), Site.builder().id(site).name("Site " + s).state("MO")
          .addEngagement(SiteEngagement.standard(EngagementKind.OPERATIONS,
              LocalDate.of(2025, 1, 1))).build());
      for (int a = 0; a < AGENCIES_PER_SITE; a++) {
        pcop.registerAgency(as(COORDINATOR), Agency.builder().id(agency(s, a))
            .name("Office " + s + "-" + a).kind(AgencyKind.DISTRICT_OR_COUNTY_ATTORNEY)
            .jurisdictionLevel(JurisdictionLevel.LOCAL).state("MO").site(site).build());
        for (int m = 0; m < MEMBERS_PER_AGENCY; m++) {
          MemberId id = member(s, a, m);
          pcop.enrolMember(as(COORDINATOR), Member.builder().id(id).name("Person " + id)
              .agency(agency(s, a)).email(id + "@example.org").build());
          pcop.changeMembership(as(COORDINATOR), id,
              a == 0 && m == 0 ? MembershipRole.SITE_LEAD : MembershipRole.MEMBER,
              MembershipStatus.ACTIVE, Optional.empty());
        }
      }
    }
    pcop.enrolMember(as(COORDINATOR), Member.builder().id(M_ADVISOR).name("Advisor")
        .agency(agency(0, 1)).email("advisor@example.org").build());
    pcop.changeMembership(as(COORDINATOR), M_ADVISOR, MembershipRole.PROGRAM_ADVISOR,
        MembershipStatus.ACTIVE, Optional.empty());
  }

  /** Issues the next command of the cycle. */
  CommandResult next(Pcop pcop) {
    long n = step++;
    long cycle = n / CYCLE;
    int at = (int) (n % CYCLE);
    clock.advance(Duration.ofMinutes(90));
    int host = (int) (cycle % SITES);
    int visitor = (int) ((cycle * 7 + 3) % SITES);
    if (visitor == host) {
      visitor = (visitor + 1) % SITES;
    }
    ActivityId activity = ActivityId.of(prefix + "w-" + cycle);
    ExchangeId exchange = ExchangeId.of(prefix + "x-" + cycle);
    RfiId request = RfiId.of(prefix + "q-" + cycle);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("America/Chicago"));
    switch (at) {
      case 0:
        return pcop.recordActivity(as(COORDINATOR), Activity.builder().id(activity)
            .community(PCOP).kind(ActivityKind.WEBINAR).title("Webinar " + cycle)
            .startsAt(clock.instant()).endsAt(clock.instant().plus(Duration.ofHours(1)))
            .build());
      case 1: case 2: case 3: case 4: case 5: case 6: {
        int s = (int) ((cycle * 13 + at * 5) % SITES);
        int a = at % AGENCIES_PER_SITE;
        int m = (int) ((cycle + at) % MEMBERS_PER_AGENCY);
        return pcop.recordParticipation(as(user(s, a, m)), Participation.of(activity,
            member(s, a, m), ParticipationKind.ATTENDED, clock.instant()));
      }
      case 7:
        return pcop.requestExchange(as(user(visitor, 1, 1)), Exchange.builder().id(exchange)
            .community(PCOP).hostAgency(agency(host, 0)).hostSite(SiteId.of("s-" + host))
            .addVisitingAgency(agency(visitor, 1)).purpose("Learn the host's intake practice.")
            .mode(ExchangeMode.IN_PERSON).requestedBy(member(visitor, 1, 1))
            .requestedAt(clock.instant()).build());
      case 8:
        return pcop.approveExchange(as(ADVISOR), exchange, ApproverRole.PROGRAM_ADVISOR);
      case 9:
        return pcop.approveExchange(as(user(host, 0, 0)), exchange, ApproverRole.HOST_SITE_LEAD);
      case 10:
        return pcop.scheduleExchange(as(COORDINATOR), exchange, Schedule.of(today, today));
      case 11:
        return pcop.holdExchange(as(COORDINATOR), exchange, today);
      case 12:
        return pcop.documentExchange(as(user(visitor, 1, 1)), exchange,
            "What we learned and will try at home.");
      case 13:
        return pcop.postRfi(as(user(visitor, 0, 2)), RequestForInformation.builder()
            .id(request).community(PCOP).askedBy(member(visitor, 0, 2)).topic(TOPIC)
            .question("How do you triage NIBIN leads?").postedAt(clock.instant()).build());
      case 14:
        return pcop.answerRfi(as(user(host, 1, 3)), request, ResponseId.of(prefix + "a-" + cycle),
            "We triage them daily with the crime lab.");
      default:
        return pcop.acceptAnswer(as(user(visitor, 0, 2)), request,
            ResponseId.of(prefix + "a-" + cycle));
    }
  }

  private CommandContext as(HostUserId user) {
    return CommandContext.of(user, prefix + "r-" + (++requests));
  }

  private static AgencyId agency(int site, int agency) {
    return AgencyId.of("a-" + site + "-" + agency);
  }

  /**
   * The ids of the people, made once: a host has its users' ids at hand, so the mix should not
   * time building and checking them as part of a command.
   */
  private static final MemberId[] MEMBERS = new MemberId[SITES * AGENCIES_PER_SITE
      * MEMBERS_PER_AGENCY];
  private static final HostUserId[] USERS = new HostUserId[MEMBERS.length];

  static {
    for (int s = 0; s < SITES; s++) {
      for (int a = 0; a < AGENCIES_PER_SITE; a++) {
        for (int m = 0; m < MEMBERS_PER_AGENCY; m++) {
          MEMBERS[person(s, a, m)] = MemberId.of("m-" + s + "-" + a + "-" + m);
          USERS[person(s, a, m)] = HostUserId.of("u-" + s + "-" + a + "-" + m);
        }
      }
    }
  }

  private static int person(int site, int agency, int member) {
    return (site * AGENCIES_PER_SITE + agency) * MEMBERS_PER_AGENCY + member;
  }

  private static MemberId member(int site, int agency, int member) {
    return MEMBERS[person(site, agency, member)];
  }

  private static HostUserId user(int site, int agency, int member) {
    return USERS[person(site, agency, member)];
  }

  /** A clock the mix moves on. */
  private static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("CommandMix's clock is in UTC");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** The event-type names one cycle appends, in order, for a check of the mix. */
  static List<String> cycleTypes() {
    List<String> types = new ArrayList<>();
    types.add("activity-recorded");
    for (int i = 0; i < 6; i++) {
      types.add("participation-recorded");
    }
    types.addAll(List.of("exchange-requested", "exchange-approved", "exchange-approved",
        "exchange-scheduled", "exchange-held", "exchange-documented", "rfi-posted",
        "rfi-answered", "rfi-accepted"));
    return types;
  }
}
