package org.pcop.benchmarks;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
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
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.AgencyRegistered;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ExchangeApproved;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.SiteRegistered;
import org.pcop.model.event.TaxonomyChanged;
import org.pcop.model.taxonomy.PspTaxonomy;
import org.pcop.model.taxonomy.Topic;

/**
 * A deterministic, streamed history of a national-scale community: sites, agencies, members and
 * memberships, then day by day weekly community calls, webinars, peer exchanges (requested,
 * approved and carried out by an activity) and participations until the requested number of
 * events. The same arguments always give the same events; nothing
 * is held in memory beyond the current day.
 */
public final class NationalCommunity implements Iterable<PcopEvent> {
  /** The community the history belongs to, in Central time. */
  public static final Community COMMUNITY = Community.builder().id(CommunityId.of("pcop"))
      .program(ProgramId.of("psp")).name("Prosecution Community of Practice")
      .taxonomy(PspTaxonomy.current().getId()).timeZone(ZoneId.of("America/Chicago")).build();
  /** The first day of the history. */
  public static final LocalDate START = LocalDate.of(2016, 10, 3);

  private static final MemberId SYSTEM = MemberId.of("m-system");

  private final int sites;
  private final int agencies;
  private final int members;
  private final int days;
  private final long events;
  private final long seed;

  private NationalCommunity(int sites, int agencies, int members, int days, long events,
      long seed) {
    this.sites = sites;
    this.agencies = agencies;
    this.members = members;
    this.days = days;
    this.events = events;
    this.seed = seed;
  }

  /**
   * The national scale of the issue: 55 sites, 2,300 agencies, 30,000 members, ten years.
   *
   * @param events how many events in all
   * @return the history
   */
  public static NationalCommunity national(long events) {
    return new NationalCommunity(55, 2_300, 30_000, 3_652, events, 20_190_601L);
  }

  /**
   * A history of the given shape.
   *
   * @param sites sites
   * @param agencies agencies, at least {@code sites}
   * @param members members
   * @param days days of activity
   * @param events events in all
   * @return the history
   */
  public static NationalCommunity of(int sites, int agencies, int members, int days,
      long events) {
    return new NationalCommunity(sites, agencies, members, days, events, 20_190_601L);
  }

  /**
   * The instant just after the last day of the history.
   *
   * @return the end
   */
  public Instant end() {
    return START.plusDays(days).atStartOfDay(COMMUNITY.getTimeZone()).toInstant();
  }

  /**
   * How many members the history has.
   *
   * @return the member count
   */
  public int members() {
    return members;
  }

  static MemberId member(int i) {
    return MemberId.of("m-" + i);
  }

  static ActivityId activity(long i) {
    return ActivityId.of("act-" + i);
  }

  @Override
  public Iterator<PcopEvent> iterator() {
    return new Generator();
  }

  private final class Generator implements Iterator<PcopEvent> {
    private final SplittableRandom random = new SplittableRandom(seed);
    private final ArrayDeque<PcopEvent> pending = new ArrayDeque<>();
    private final ZoneId zone = COMMUNITY.getTimeZone();
    private long emitted;
    private long sequence;
    private int day = -1;
    private long activities;
    private long exchanges;
    private long[] today = new long[0];

    Generator() {
      Instant t = START.atStartOfDay(zone).toInstant();
      add(TaxonomyChanged.builder().eventId(id()).actor(SYSTEM).occurredAt(t)
          .community(COMMUNITY.getId()).taxonomy(PspTaxonomy.current()).build());
      for (int s = 0; s < sites; s++) {
        LocalDate start = START.plusDays(30L * s);
        add(SiteRegistered.builder().eventId(id()).actor(SYSTEM).occurredAt(t)
            .site(Site.builder().id(site(s)).name("Site " + s).state("MO")
                .addEngagement(SiteEngagement.standard(EngagementKind.DIAGNOSTIC, start))
                .addEngagement(SiteEngagement.standard(EngagementKind.OPERATIONS,
                    start.plusYears(3)))
                .addEngagement(SiteEngagement.builder().kind(EngagementKind.ALUMNI)
                    .start(start.plusYears(6)).build())
                .build()).build());
      }
      for (int a = 0; a < agencies; a++) {
        add(AgencyRegistered.builder().eventId(id()).actor(SYSTEM).occurredAt(t)
            .agency(Agency.builder().id(agency(a)).name("Office " + a)
                .kind(AgencyKind.DISTRICT_OR_COUNTY_ATTORNEY)
                .jurisdictionLevel(JurisdictionLevel.LOCAL).state("MO")
                .site(a < sites * 4 ? java.util.Optional.of(site(a % sites))
                    : java.util.Optional.empty())
                .build()).build());
      }
      var topics = PspTaxonomy.current().getTopics();
      for (int m = 0; m < members; m++) {
        var member = Member.builder().id(member(m)).name("Member " + m)
            .agency(agency(m % agencies)).email("m" + m + "@example.org");
        if (m % 20 == 0) {
          Topic topic = topics.get(m / 20 % topics.size());
          member.addExpertise(topic.getId());
        }
        add(MemberEnrolled.builder().eventId(id()).actor(SYSTEM).occurredAt(t)
            .member(member.build()).build());
        MembershipRole role = m == 0 ? MembershipRole.PROGRAM_ADVISOR
            : m < 1 + sites ? MembershipRole.SITE_LEAD
            : m % 20 == 0 ? MembershipRole.SUBJECT_MATTER_EXPERT : MembershipRole.MEMBER;
        add(MembershipChanged.builder().eventId(id()).actor(SYSTEM)
            .occurredAt(t.plusSeconds(m % 86_400)).member(member(m))
            .community(COMMUNITY.getId()).role(role).status(MembershipStatus.ACTIVE).build());
      }
    }

    private SiteId site(int s) {
      return SiteId.of("s-" + s);
    }

    private AgencyId agency(int a) {
      return AgencyId.of("a-" + a);
    }

    private EventId id() {
      return EventId.of("e-" + (++sequence));
    }

    private void add(PcopEvent event) {
      pending.add(event);
    }

    /** Fills the next day: its activities, maybe an exchange, and its share of participations. */
    private void nextDay() {
      day++;
      LocalDate date = START.plusDays(day);
      Instant morning = date.atTime(10, 0).atZone(zone).toInstant();
      int count = date.getDayOfWeek() == DayOfWeek.WEDNESDAY ? 3 : 1 + random.nextInt(3);
      today = new long[count];
      for (int i = 0; i < count; i++) {
        long n = activities++;
        today[i] = n;
        ActivityKind kind = i == 0 && date.getDayOfWeek() == DayOfWeek.WEDNESDAY
            ? ActivityKind.MEETING : ActivityKind.WEBINAR;
        var area = PspTaxonomy.current().getCoreAreas()
            .get((int) (n % PspTaxonomy.current().getCoreAreas().size())).getId();
        add(ActivityRecorded.builder().eventId(id()).actor(SYSTEM).occurredAt(morning)
            .activity(Activity.builder().id(activity(n)).community(COMMUNITY.getId())
                .kind(kind).title("Activity " + n).startsAt(morning.plusSeconds(3600L * i))
                .endsAt(morning.plusSeconds(3600L * i + 3600)).addCoreArea(area)
                .hostSite(java.util.Optional.of(site((int) (n % sites)))).build()).build());
      }
      if (day % 3 == 0 && agencies > sites * 4) {
        ExchangeId x = ExchangeId.of("x-" + exchanges++);
        int host = random.nextInt(sites);
        add(ExchangeRequested.builder().eventId(id()).actor(member(1 + host))
            .occurredAt(morning).exchange(Exchange.builder().id(x).community(COMMUNITY.getId())
                .hostAgency(agency(host)).hostSite(site(host))
                .addVisitingAgency(agency(sites * 4 + random.nextInt(agencies - sites * 4)))
                .purpose("Learn from the host.").mode(ExchangeMode.IN_PERSON)
                .requestedBy(member(1 + host)).requestedAt(morning).build()).build());
        add(ExchangeApproved.builder().eventId(id()).actor(member(0)).occurredAt(morning)
            .exchange(x).role(ApproverRole.PROGRAM_ADVISOR).build());
        add(ExchangeApproved.builder().eventId(id()).actor(member(1 + host))
            .occurredAt(morning.plusSeconds(60)).exchange(x).role(ApproverRole.HOST_SITE_LEAD)
            .build());
        // The peer exchange itself, which members take part in like any other activity.
        long n = activities++;
        today = java.util.Arrays.copyOf(today, count + 1);
        today[count] = n;
        add(ActivityRecorded.builder().eventId(id()).actor(SYSTEM).occurredAt(morning)
            .activity(Activity.builder().id(activity(n)).community(COMMUNITY.getId())
                .kind(ActivityKind.PEER_EXCHANGE).title("Exchange " + x.value())
                .startsAt(morning.plusSeconds(3600L * count))
                .endsAt(morning.plusSeconds(3600L * count + 3600))
                .addCoreArea(PspTaxonomy.current().getCoreAreas()
                    .get((int) (n % PspTaxonomy.current().getCoreAreas().size())).getId())
                .hostSite(java.util.Optional.of(site(host))).exchange(x).build()).build());
      }
      long left = events - emitted - pending.size();
      long perDay = Math.max(0, left / Math.max(1, days - day));
      for (long p = 0; p < perDay; p++) {
        int i = random.nextInt(today.length);
        // One member in five takes part four times as often as the rest.
        int m = random.nextInt(5) < 4 ? random.nextInt(Math.max(1, members / 5))
            : random.nextInt(members);
        ParticipationKind kind = random.nextInt(50) == 0 ? ParticipationKind.PRESENTED
            : ParticipationKind.ATTENDED;
        Instant at = morning.plusSeconds(3600L * i);
        add(participation(member(m), activity(today[i]), kind, at));
      }
    }

    private PcopEvent participation(MemberId member, ActivityId activity, ParticipationKind kind,
        Instant at) {
      return ParticipationRecorded.builder().eventId(id()).actor(member).occurredAt(at)
          .participation(Participation.of(activity, member, kind, at)).build();
    }

    @Override
    public boolean hasNext() {
      while (pending.isEmpty() && emitted < events && day + 1 < days) {
        nextDay();
      }
      return emitted < events && !pending.isEmpty();
    }

    @Override
    public PcopEvent next() {
      if (!hasNext()) {
        throw new NoSuchElementException("the history has " + emitted + " events");
      }
      emitted++;
      return pending.poll();
    }
  }
}
