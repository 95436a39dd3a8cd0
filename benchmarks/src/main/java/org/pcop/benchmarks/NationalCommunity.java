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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.FollowUpReport;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.activity.Schedule;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.ExchangeCancelled;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.ExchangeDocumented;
import org.pcop.model.event.ExchangeHeld;
import org.pcop.model.event.ExchangeScheduled;
import org.pcop.model.event.MemberDeactivated;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.RfiPosted;
import org.pcop.model.taxonomy.CoreArea;
import org.pcop.model.taxonomy.CoreAreaId;

/**
 * A deterministic, streamed history of a national-scale community over ten years, with the whole
 * mix of events a community has: sites, agencies and a founding roster, then day by day members
 * joining, going dormant, coming back, changing role and leaving; community calls, webinars,
 * forums and conferences with their participations (attended, presented, hosted); requests for
 * information posted, answered, accepted and closed; peer exchanges requested, approved or
 * declined, cancelled, scheduled, held and documented; conduct flags raised and upheld or
 * dismissed; and levels recorded at quarterly reviews. Some first responses, approvals and
 * follow-up reports come late, and some never come. Who answers a request and which site hosts an
 * exchange follow a documented process (expertise, past practice, site, noise; see BENCHMARKS.md).
 * The same arguments always give the same events; apart from the members' state and what is
 * planned for later days, nothing is held in memory beyond the current day. The history is cut at
 * the number of events asked for; the rate of every kind follows that budget.
 */
public final class NationalCommunity implements Iterable<PcopEvent> {
  /** The community the history belongs to, in Central time. */
  public static final Community COMMUNITY = Community.builder().id(CommunityId.of("pcop"))
      .program(ProgramId.of("psp")).name("Prosecution Community of Practice")
      .taxonomy(PspTaxonomy.current().getId()).timeZone(ZoneId.of("America/Chicago")).build();
  /** The first day of the history. */
  public static final LocalDate START = LocalDate.of(2016, 10, 3);

  /** The seed of every history unless another is given. */
  public static final long DEFAULT_SEED = 20_190_601L;

  private static final MemberId SYSTEM = MemberId.of("m-system");
  /** The default rule set's levels, lowest first. */
  private static final String[] LEVELS = {"active", "contributor", "mentor"};

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
    return new NationalCommunity(55, 2_300, 30_000, 3_652, events, DEFAULT_SEED);
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
    return of(sites, agencies, members, days, events, DEFAULT_SEED);
  }

  /**
   * A history of the given shape drawn from another seed: the same process, other draws.
   *
   * @param sites sites
   * @param agencies agencies, at least {@code sites}
   * @param members members
   * @param days days of activity
   * @param events events in all
   * @param seed the seed of every draw
   * @return the history
   */
  public static NationalCommunity of(int sites, int agencies, int members, int days,
      long events, long seed) {
    return new NationalCommunity(sites, agencies, members, days, events, seed);
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

  /**
   * The chance this history's process gives each site of hosting an exchange in a core area,
   * before its draw: 60% spread evenly over the sites strong in the area, 20% the site the
   * visiting agency last visited (that share goes to noise when it has none), the rest spread
   * evenly over every site (noise); see {@code HostChoice}, which draws by it, and BENCHMARKS.md.
   * It lets an evaluation rank sites as well as anything could that knows the process but not its
   * draw: the ceiling of any ranking on this history.
   *
   * @param area the exchange's core area, one of the current PSP taxonomy's
   * @param lastVisited the site the visiting agency last asked to visit, if any
   * @return each site's chance, by site, summing to 1
   * @throws IllegalArgumentException if the core area is not the taxonomy's
   */
  public Map<SiteId, Double> hostChances(CoreAreaId area, Optional<SiteId> lastVisited) {
    return HostChoice.chances(sites, area, lastVisited);
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

  /** Something that happens on a later day of the history: it adds that day's events. */
  private interface Later {
    void happen();
  }

  private final class Generator implements Iterator<PcopEvent> {
    private static final byte NOT_YET = 0;
    private static final byte ACTIVE = 1;
    private static final byte DORMANT = 2;
    private static final byte LEFT = 3;

    private final SplittableRandom random = new SplittableRandom(seed);
    private final ArrayDeque<PcopEvent> pending = new ArrayDeque<>();
    private final TreeMap<Integer, List<Later>> later = new TreeMap<>();
    private final ZoneId zone = COMMUNITY.getTimeZone();
    private final List<Topic> topics = PspTaxonomy.current().getTopics();
    private final List<CoreArea> areas = PspTaxonomy.current().getCoreAreas();
    /** Who answers each request. */
    private final AnswererChoice answerers = new AnswererChoice(topics.size());
    /** Which site hosts each exchange. */
    private final HostChoice hosts;
    private final byte[] status;
    private final MembershipRole[] role;
    private final long[] activeSince;
    private final byte[] level;
    private final int[] quarterParticipations;
    private final int[] quarterShows;
    private final int founders;
    private int enrolled;
    private long emitted;
    private long scheduled;
    private long sequence;
    private int day = -1;
    private long activities;
    private long exchanges;
    private long rfis;
    private long[] today = new long[0];
    private ActivityKind[] todayKinds = new ActivityKind[0];
    private Instant morning;

    Generator() {
      hosts = new HostChoice(sites, agencies, areas.size());
      status = new byte[members];
      role = new MembershipRole[members];
      activeSince = new long[members];
      level = new byte[members];
      java.util.Arrays.fill(level, (byte) -1);
      quarterParticipations = new int[members];
      quarterShows = new int[members];
      founders = Math.min(members, Math.max(1 + sites, members * 3 / 10));
      for (int m = 0; m < members; m++) {
        for (int t : expertise(m)) {
          answerers.expert(t, m);
        }
      }
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
                .site(siteOfAgency(a) >= 0 ? java.util.Optional.of(site(siteOfAgency(a)))
                    : java.util.Optional.empty())
                .build()).build());
      }
      for (int m = 0; m < founders; m++) {
        enrol(m, t.plusSeconds(m % 86_400));
      }
    }

    /** Topic indexes member {@code m} knows: two for experts, the leads' sites' strengths, one for one member in seven. */
    private int[] expertise(int m) {
      int n = topics.size();
      if (m >= 1 && m <= sites) {
        int s = m - 1;
        return new int[] {topicOfArea(s % areas.size(), s), topicOfArea((3 * s + 1) % areas.size(),
            s + 1)};
      }
      if (m % 20 == 0) {
        int a = m / 20 % n;
        int b = (m / 20 * 7 + 3) % n;
        return a == b ? new int[] {a} : new int[] {a, b};
      }
      if (m % 7 == 0) {
        return new int[] {m * 13 % n};
      }
      return new int[0];
    }

    /** The {@code k}th topic of core area {@code area}, cycling; the first topic if it has none. */
    private int topicOfArea(int area, int k) {
      CoreAreaId id = areas.get(area).getId();
      List<Integer> of = new ArrayList<>();
      for (int t = 0; t < topics.size(); t++) {
        if (topics.get(t).getCoreArea().equals(id)) {
          of.add(t);
        }
      }
      return of.isEmpty() ? 0 : of.get(Math.floorMod(k, of.size()));
    }

    private int areaOfTopic(int t) {
      CoreAreaId id = topics.get(t).getCoreArea();
      for (int a = 0; a < areas.size(); a++) {
        if (areas.get(a).getId().equals(id)) {
          return a;
        }
      }
      return 0;
    }

    private int siteOfAgency(int a) {
      return a < sites * 4 ? a % sites : -1;
    }

    private int siteOfMember(int m) {
      return siteOfAgency(m % agencies);
    }

    private void enrol(int m, Instant at) {
      var member = Member.builder().id(member(m)).name("Member " + m)
          .agency(agency(m % agencies)).email("m" + m + "@example.org");
      for (int t : expertise(m)) {
        member.addExpertise(topics.get(t).getId());
      }
      add(MemberEnrolled.builder().eventId(id()).actor(SYSTEM).occurredAt(at)
          .member(member.build()).build());
      role[m] = m == 0 ? MembershipRole.PROGRAM_ADVISOR
          : m < 1 + sites ? MembershipRole.SITE_LEAD
          : m % 20 == 0 ? MembershipRole.SUBJECT_MATTER_EXPERT : MembershipRole.MEMBER;
      membership(m, MembershipStatus.ACTIVE, at, null);
      activeSince[m] = LocalDate.ofInstant(at, zone).toEpochDay();
      enrolled = Math.max(enrolled, m + 1);
    }

    private void membership(int m, MembershipStatus to, Instant at, String reason) {
      add(MembershipChanged.builder().eventId(id()).actor(m == 0 ? SYSTEM : member(0))
          .occurredAt(at).member(member(m)).community(COMMUNITY.getId()).role(role[m])
          .status(to).reason(java.util.Optional.ofNullable(reason)).build());
      status[m] = to == MembershipStatus.ACTIVE ? ACTIVE
          : to == MembershipStatus.DORMANT ? DORMANT : LEFT;
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

    /** Schedules {@code what} for {@code days} days from today, counting its events ahead. */
    private void later(int days, int events, Later what) {
      later.computeIfAbsent(day + Math.max(1, days), d -> new ArrayList<>()).add(what);
      scheduled += events;
    }

    private Instant at(int dayOffset, int hour) {
      return START.plusDays(day + dayOffset).atTime(hour, 0).atZone(zone).toInstant();
    }

    /** How many of something a day has at a mean of {@code mean}: its whole part, and one more by chance. */
    private int howMany(double mean) {
      int n = (int) mean;
      return random.nextDouble() < mean - n ? n + 1 : n;
    }

    /** A member who takes part: four times in five one of the fifth who take part most. */
    private int someMember() {
      if (enrolled <= 1) {
        return 0;
      }
      for (int tries = 0; tries < 8; tries++) {
        int m = random.nextInt(5) < 4 ? 5 * random.nextInt(Math.max(1, enrolled / 5))
            : random.nextInt(enrolled);
        if (status[m] == ACTIVE) {
          return m;
        }
      }
      return -1;
    }

    private boolean present(int m) {
      return m >= 0 && m < enrolled && status[m] != LEFT && status[m] != NOT_YET;
    }

    /** Fills the next day: what was planned for it, then new events, then participations. */
    private void nextDay() {
      day++;
      LocalDate date = START.plusDays(day);
      morning = date.atTime(10, 0).atZone(zone).toInstant();
      // What is planned beyond the last day never happens, so the last day fills the rest.
      long left = events - emitted - pending.size() - (day + 1 < days ? scheduled : 0);
      double budget = Math.max(0, (double) left / Math.max(1, days - day));
      int before = pending.size();
      List<Later> due = later.remove(day);
      if (due != null) {
        for (Later what : due) {
          int n = pending.size();
          what.happen();
          scheduled -= pending.size() - n;
        }
      }
      if (scheduled < 0) {
        scheduled = 0;
      }
      enrolments(date);
      activitiesOf(date);
      for (int i = howMany(budget * 0.02); i > 0; i--) {
        request();
      }
      if (agencies > sites * 4) {
        for (int i = howMany(budget * 0.004); i > 0; i--) {
          exchange();
        }
      }
      for (int i = howMany(budget * 0.008); i > 0; i--) {
        membershipChange();
      }
      for (int i = howMany(budget * 0.0015); i > 0; i--) {
        conductFlag();
      }
      if (day > 0 && day % 91 == 0) {
        review();
      }
      long perDay = Math.max(0, Math.round(budget) - (pending.size() - before));
      for (long p = 0; p < perDay; p++) {
        int i = random.nextInt(today.length);
        int m = someMember();
        if (m < 0) {
          continue;
        }
        ParticipationKind kind = random.nextInt(50) == 0 ? ParticipationKind.PRESENTED
            : ParticipationKind.ATTENDED;
        participate(m, today[i], kind, morning.plusSeconds(3600L * i));
      }
    }

    private void participate(int m, long activity, ParticipationKind kind, Instant at) {
      MemberId who = member(m);
      add(ParticipationRecorded.builder().eventId(id()).actor(who).occurredAt(at)
          .participation(Participation.of(activity(activity), who, kind, at)).build());
      quarterParticipations[m]++;
      if (kind != ParticipationKind.ATTENDED) {
        quarterShows[m]++;
      }
    }

    /** Members after the founders join evenly over the first four fifths of the history. */
    private void enrolments(LocalDate date) {
      int joining = members - founders;
      if (joining <= 0) {
        return;
      }
      long span = Math.max(1, days * 4L / 5);
      int upTo = (int) Math.min(members, founders + (long) joining * Math.min(day + 1, span)
          / span);
      for (int m = Math.max(enrolled, founders); m < upTo; m++) {
        enrol(m, date.atTime(9, 0).atZone(zone).toInstant().plusSeconds(m % 3_600));
      }
    }

    /** A community call each Wednesday (of the series the default steward level counts), webinars, a forum the first weekday of each month and the national conference each October. */
    private void activitiesOf(LocalDate date) {
      boolean wednesday = date.getDayOfWeek() == DayOfWeek.WEDNESDAY;
      int count = wednesday ? 3 : 1 + random.nextInt(3);
      today = new long[count];
      todayKinds = new ActivityKind[count];
      for (int i = 0; i < count; i++) {
        ActivityKind kind = i == 0 && wednesday ? ActivityKind.MEETING
            : i == 1 && date.getDayOfMonth() == firstWeekday(date) ? ActivityKind.FORUM
            : i == 0 && date.getMonthValue() == 10 && date.getDayOfMonth() >= 20
                && date.getDayOfMonth() <= 22 ? ActivityKind.CONFERENCE
            : ActivityKind.WEBINAR;
        long n = activities++;
        int host = (int) (n % sites);
        record(n, kind, "Activity " + n, (int) (n % areas.size()), host, null,
            morning.plusSeconds(3600L * i));
        today[i] = n;
        todayKinds[i] = kind;
        // The host site's lead hosts one activity in four.
        if (n % 4 == 0 && present(1 + host)) {
          participate(1 + host, n, ParticipationKind.HOSTED, morning.plusSeconds(3600L * i));
        }
      }
    }

    private int firstWeekday(LocalDate date) {
      LocalDate d = date.withDayOfMonth(1);
      while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        d = d.plusDays(1);
      }
      return d.getDayOfMonth();
    }

    private void record(long n, ActivityKind kind, String title, int area, int host,
        ExchangeId exchange, Instant starts) {
      add(ActivityRecorded.builder().eventId(id()).actor(SYSTEM).occurredAt(starts)
          .activity(Activity.builder().id(activity(n)).community(COMMUNITY.getId())
              .kind(kind).title(title).startsAt(starts).endsAt(starts.plusSeconds(3600))
              .addCoreArea(areas.get(area).getId())
              .hostSite(java.util.Optional.of(site(host)))
              .series(kind == ActivityKind.MEETING ? java.util.Optional.of(
                  org.pcop.rules.DefaultRules.COMMUNITY_CALL)
                  : java.util.Optional.empty())
              .exchange(java.util.Optional.ofNullable(exchange)).build()).build());
    }

    /** A topic, the popular ones more often. */
    private int someTopic() {
      double u = random.nextDouble();
      return Math.min(topics.size() - 1, (int) (topics.size() * u * u));
    }

    /**
     * A request for information and what follows it: who answers is drawn by
     * {@link AnswererChoice}.
     */
    private void request() {
      int asker = someMember();
      if (asker < 0) {
        return;
      }
      int topic = someTopic();
      RfiId id = RfiId.of("r-" + rfis++);
      Instant posted = morning.plusSeconds(random.nextInt(8 * 3600));
      add(RfiPosted.builder().eventId(id()).actor(member(asker)).occurredAt(posted)
          .request(RequestForInformation.builder().id(id).community(COMMUNITY.getId())
              .askedBy(member(asker)).topic(topics.get(topic).getId())
              .question("How does your office handle " + topics.get(topic).getName() + "?")
              .postedAt(posted).build()).build());
      int roll = random.nextInt(100);
      if (roll < 6) {
        // Never answered; one in five of these is closed unanswered and expires.
        if (random.nextInt(5) == 0) {
          later(30 + random.nextInt(30), 1, () -> add(RfiClosed.builder().eventId(id())
              .actor(member(0)).occurredAt(at(0, 16)).request(id)
              .reason("No answer came.").build()));
        }
        return;
      }
      // First response: two in three within a day, one in four in two or three days, one in ten
      // late (four to twenty days).
      int delay = roll < 70 ? 0 : roll < 92 ? 2 + random.nextInt(2) : 4 + random.nextInt(17);
      int responses = 1 + (random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0);
      int outcome = random.nextInt(100);
      int first = answerer(asker, topic);
      int[] who = new int[responses];
      who[0] = first;
      for (int r = 1; r < responses; r++) {
        who[r] = answerer(asker, topic);
      }
      int acceptDelay = 1 + random.nextInt(10);
      int closeDelay = 1 + random.nextInt(5);
      int expireDelay = 30 + random.nextInt(30);
      int hour = delay == 0 ? 14 + random.nextInt(4) : 9 + random.nextInt(8);
      later(delay, responses, () -> {
        for (int r = 0; r < responses; r++) {
          int m = who[r];
          Instant at = at(0, hour).plusSeconds(600L * r);
          add(RfiAnswered.builder().eventId(id()).actor(member(m)).occurredAt(at)
              .request(id).response(RfiResponse.builder().id(ResponseId.of(id.value() + "-" + r))
                  .respondent(member(m)).at(at).text("What worked for us, in short.").build())
              .build());
          answerers.answered(topic, m);
        }
      });
      if (outcome < 60) {
        later(delay + acceptDelay, 2, () -> {
          add(RfiAccepted.builder().eventId(id()).actor(member(asker)).occurredAt(at(0, 11))
              .request(id).response(ResponseId.of(id.value() + "-0")).build());
          later(closeDelay, 1, () -> add(RfiClosed.builder().eventId(id()).actor(member(asker))
              .occurredAt(at(0, 12)).request(id).build()));
          scheduled--;
        });
      } else if (outcome < 75) {
        later(expireDelay, 1, () -> add(RfiClosed.builder().eventId(id()).actor(member(0))
            .occurredAt(at(0, 16)).request(id).reason("No accepted answer.").build()));
      }
    }

    /** Who answers a request of {@code asker} on {@code topic}; never the asker. */
    private int answerer(int asker, int topic) {
      return answerers.draw(random, asker, topic, enrolled, this::present, this::siteOfMember);
    }

    /**
     * A peer exchange through its lifecycle. The host site is drawn by {@link HostChoice}; the
     * visiting agency is the requester's.
     */
    private void exchange() {
      int requester = someMember();
      if (requester < 0) {
        return;
      }
      int visiting = requester % agencies;
      int area = areaOfTopic(someTopic());
      int host = hosts.draw(random, visiting, area);
      int hostAgency = host + sites * random.nextInt(4);
      if (hostAgency == visiting) {
        hostAgency = (hostAgency + sites) % (sites * 4);
      }
      ExchangeId x = ExchangeId.of("x-" + exchanges++);
      Instant requested = morning.plusSeconds(3600 + random.nextInt(6 * 3600));
      add(ExchangeRequested.builder().eventId(id()).actor(member(requester))
          .occurredAt(requested).exchange(Exchange.builder().id(x).community(COMMUNITY.getId())
              .hostAgency(agency(hostAgency)).hostSite(site(host))
              .addVisitingAgency(agency(visiting)).addCoreArea(areas.get(area).getId())
              .purpose("Learn how the host handles " + areas.get(area).getName() + ".")
              .mode(ExchangeMode.IN_PERSON).requestedBy(member(requester))
              .requestedAt(requested).build()).build());
      int roll = random.nextInt(100);
      MemberId lead = member(1 + host);
      if (roll < 8) {
        later(3 + random.nextInt(10), 1, () -> add(ExchangeDeclined.builder().eventId(id())
            .actor(member(0)).occurredAt(at(0, 15)).exchange(x).role(ApproverRole.PROGRAM_ADVISOR)
            .reason("Outside this year's priorities.").build()));
        return;
      }
      int advisorDays = 1 + random.nextInt(5);
      // One approval in eight comes after the fourteen days allowed.
      int leadDays = random.nextInt(8) == 0 ? 15 + random.nextInt(16) : 2 + random.nextInt(9);
      later(advisorDays, 1, () -> add(ExchangeApproved.builder().eventId(id()).actor(member(0))
          .occurredAt(at(0, 11)).exchange(x).role(ApproverRole.PROGRAM_ADVISOR).build()));
      later(leadDays, 1, () -> add(ExchangeApproved.builder().eventId(id()).actor(lead)
          .occurredAt(at(0, 13)).exchange(x).role(ApproverRole.HOST_SITE_LEAD).build()));
      int approved = Math.max(advisorDays, leadDays);
      if (roll < 13) {
        later(approved + 3 + random.nextInt(18), 1, () -> add(ExchangeCancelled.builder()
            .eventId(id()).actor(member(requester)).occurredAt(at(0, 10)).exchange(x)
            .reason("The visiting team could not travel.").build()));
        return;
      }
      int scheduleDays = approved + 1 + random.nextInt(3);
      int heldDays = approved + 14 + random.nextInt(32);
      // One exchange in ten is held after its scheduled days.
      int lateBy = random.nextInt(10) == 0 ? 5 + random.nextInt(16) : 0;
      int reportRoll = random.nextInt(100);
      int reportDays = reportRoll < 78 ? 3 + random.nextInt(26)
          : reportRoll < 90 ? 31 + random.nextInt(45) : -1;
      int companions = 1 + random.nextInt(3);
      later(scheduleDays, 1, () -> {
        LocalDate first = START.plusDays(day + heldDays - scheduleDays - lateBy);
        add(ExchangeScheduled.builder().eventId(id()).actor(lead).occurredAt(at(0, 9))
            .exchange(x).schedule(Schedule.of(first, first.plusDays(1))).build());
      });
      later(heldDays, 3 + companions + (reportDays >= 0 ? 1 : 0), () -> {
        add(ExchangeHeld.builder().eventId(id()).actor(lead).occurredAt(at(0, 17)).exchange(x)
            .heldOn(START.plusDays(day)).build());
        long n = activities++;
        Instant starts = at(0, 9);
        record(n, ActivityKind.PEER_EXCHANGE, "Exchange " + x.value(), area, host, x, starts);
        if (present(1 + host)) {
          participate(1 + host, n, ParticipationKind.HOSTED, starts);
        }
        if (present(requester)) {
          participate(requester, n, ParticipationKind.ATTENDED, starts);
        }
        for (int c = 0; c < companions; c++) {
          int m = visiting + agencies * random.nextInt(Math.max(1, members / agencies));
          if (m != requester && present(m)) {
            participate(m, n, ParticipationKind.ATTENDED, starts);
          }
        }
        if (reportDays >= 0) {
          later(reportDays, 0, () -> add(ExchangeDocumented.builder().eventId(id())
              .actor(member(requester)).occurredAt(at(0, 15)).exchange(x)
              .report(FollowUpReport.builder().submittedBy(member(requester))
                  .submittedAt(at(0, 15)).summary("What the team will adopt.").build())
              .build()));
        }
      });
    }

    /**
     * A membership change of a member past the founding leads: dormancy (half of them back later),
     * a departure (two in five also deactivated) or a new role.
     */
    private void membershipChange() {
      if (enrolled <= 1 + sites) {
        return;
      }
      int m = 1 + sites + random.nextInt(enrolled - 1 - sites);
      Instant at = morning.plusSeconds(5 * 3600);
      int roll = random.nextInt(100);
      if (status[m] == ACTIVE && roll < 40) {
        membership(m, MembershipStatus.DORMANT, at, "No participation for a year.");
        if (random.nextBoolean()) {
          later(60 + random.nextInt(140), 1, () -> {
            if (status[m] == DORMANT) {
              membership(m, MembershipStatus.ACTIVE, at(0, 15), "Back after a pause.");
            }
          });
        }
      } else if (status[m] != LEFT && roll < 65) {
        membership(m, MembershipStatus.LEFT, at, "Left the office.");
        if (random.nextInt(5) < 2) {
          add(MemberDeactivated.builder().eventId(id()).actor(member(0)).occurredAt(at)
              .member(member(m)).reason("Left the office.").build());
        }
      } else if (status[m] == ACTIVE) {
        role[m] = role[m] == MembershipRole.MEMBER ? MembershipRole.SUBJECT_MATTER_EXPERT
            : MembershipRole.MEMBER;
        membership(m, MembershipStatus.ACTIVE, at, "New role.");
      }
    }

    /** A conduct flag raised, then upheld (about a third) or dismissed a week to a month later. */
    private void conductFlag() {
      int m = someMember();
      if (m <= 0) {
        return;
      }
      MemberId who = member(m);
      add(ConductFlagRecorded.builder().eventId(id()).actor(member(0))
          .occurredAt(morning.plusSeconds(7200)).member(who).status(ConductFlagStatus.RAISED)
          .reason("Shared a case detail in a call.").build());
      ConductFlagStatus outcome = random.nextInt(3) == 0 ? ConductFlagStatus.UPHELD
          : ConductFlagStatus.DISMISSED;
      later(7 + random.nextInt(24), 1, () -> add(ConductFlagRecorded.builder().eventId(id())
          .actor(member(0)).occurredAt(at(0, 14)).member(who).status(outcome).build()));
    }

    /**
     * The quarterly review that records levels: each quarter a quarter of the members in turn
     * (so each member once a year), each given the level their participations since their last
     * review suggest (mentor: 12 participations with 2 presentations or hostings and a year's
     * tenure; contributor: 6 with 1 and half a year; active: 3; 1 or 2 keep the level they had);
     * a member who took no part loses their level.
     */
    private void review() {
      int turn = day / 91 % 4;
      long now = START.plusDays(day).toEpochDay();
      Instant at = at(0, 8);
      for (int m = turn; m < enrolled; m += 4) {
        if (status[m] == LEFT || status[m] == NOT_YET) {
          continue;
        }
        int q = quarterParticipations[m];
        int shows = quarterShows[m];
        long tenure = now - activeSince[m];
        int to = q >= 12 && shows >= 2 && tenure >= 365 ? 2
            : q >= 6 && shows >= 1 && tenure >= 180 ? 1 : q >= 3 ? 0
            : q == 0 ? -1 : level[m];
        if (to != level[m]) {
          add(EngagementLevelChanged.builder().eventId(id()).actor(SYSTEM).occurredAt(at)
              .member(member(m)).community(COMMUNITY.getId())
              .from(java.util.Optional.ofNullable(level[m] < 0 ? null : LEVELS[level[m]]))
              .to(java.util.Optional.ofNullable(to < 0 ? null : LEVELS[to]))
              .reason(q + " participations and " + shows + " presentations or hostings in the"
                  + " quarter to " + START.plusDays(day)).build());
          level[m] = (byte) to;
        }
        quarterParticipations[m] = 0;
        quarterShows[m] = 0;
      }
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
