package org.pcop.samples.cli.simulation;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.pcop.model.ActivityId;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.ExchangeId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.Site;
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
import org.pcop.model.event.EventId;
import org.pcop.model.event.ExchangeApproved;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.ExchangeDocumented;
import org.pcop.model.event.ExchangeHeld;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.ExchangeScheduled;
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
import org.pcop.model.taxonomy.CoreArea;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.Topic;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.samples.cli.community.DemoCommunity;

/**
 * Plans a year of the demo community as model actions in time order: first the community as it
 * stood before the year (sites, offices, people and their memberships since the launch in 2019),
 * then the year's activities, participations, exchanges and requests for information. The same
 * seed and year always give the same actions with the same event ids
 * ({@code demo-<seed>-<n>}), so a rerun can tell what is already stored.
 *
 * <p>Each action is planned as the event it should record; {@link EngineSimulation} carries the
 * plan out as the engine commands that record them. Month ends are marked in the plan: whoever
 * carries the plan out has the rules' results recorded there (levels and dormancy), and
 * reactivates a member whose membership went dormant before they act again.
 */
public final class YearSimulation {
  /** The default simulated year: the 2021 cohort of sites in operations, taxonomy version 1. */
  public static final int DEFAULT_YEAR = 2022;

  /** The default seed. */
  public static final long DEFAULT_SEED = 2019;

  private final long seed;
  private final int year;
  private final DemoCommunity community;
  private final Random random;
  private final List<Draft> drafts = new ArrayList<>();
  private final Map<MemberId, Double> propensity = new HashMap<>();
  private final Map<MemberId, LocalDate> fadesOn = new HashMap<>();
  private final List<MemberId> people = new ArrayList<>();
  private final Map<MemberId, Instant> joinedAt = new HashMap<>();
  private final Map<SiteId, Site> sitesById = new HashMap<>();
  private final Map<AgencyId, List<MemberId>> staff = new HashMap<>();
  private final HostCapacity capacity = new HostCapacity();
  private int activities;
  private int exchanges;
  private int rfis;

  /** One step of the plan: an action at a time, or the end of a month. */
  public sealed interface Step permits Action, MonthEnd {
    /**
     * When the step happens.
     *
     * @return the instant
     */
    Instant at();
  }

  /**
   * An action: the event it records, made once its id is known.
   *
   * @param at when it happens
   * @param event makes the event with a given id
   */
  public record Action(Instant at, Function<EventId, PcopEvent> event) implements Step {}

  /**
   * The end of a month: the rules are evaluated as of this instant.
   *
   * @param at the last minute of the month in the community's time zone
   */
  public record MonthEnd(Instant at) implements Step {}

  private record Draft(Instant at, int order, Function<EventId, PcopEvent> make,
      boolean monthEnd) {}

  private YearSimulation(long seed, int year) {
    this.seed = seed;
    this.year = year;
    this.community = DemoCommunity.build(seed, year);
    this.random = new Random(seed * 31 + year);
    community.sites().forEach(site -> sitesById.put(site.getId(), site));
  }

  /**
   * Plans the year.
   *
   * @param seed the seed of every random choice
   * @param year the year simulated, 2020 to 2030
   * @return the plan
   * @throws IllegalArgumentException if the year is out of range
   */
  public static YearSimulation plan(long seed, int year) {
    if (year < 2020 || year > 2030) {
      throw new IllegalArgumentException("the simulated year must be 2020 to 2030, not " + year);
    }
    YearSimulation s = new YearSimulation(seed, year);
    s.setup();
    s.simulate();
    return s;
  }

  /**
   * The community simulated.
   *
   * @return the community
   */
  public DemoCommunity community() {
    return community;
  }

  /**
   * The seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The simulated year.
   *
   * @return the year
   */
  public int year() {
    return year;
  }

  /**
   * The end of the simulated year, as of which the final report is made.
   *
   * @return the last minute of 31 December in the community's time zone
   */
  public Instant end() {
    return LocalDate.of(year, 12, 31).atTime(23, 59).atZone(DemoCommunity.ZONE).toInstant();
  }

  /**
   * The id of the {@code n}-th event this plan's seed gives out.
   *
   * @param n the number, from 1
   * @return the id
   */
  public EventId eventId(long n) {
    return EventId.of(String.format(Locale.ROOT, "demo-%d-%06d", seed, n));
  }

  /**
   * The steps in time order.
   *
   * @return the steps, oldest first; a month end comes after every action of its month
   */
  public List<Step> steps() {
    List<Draft> sorted = new ArrayList<>(drafts);
    sorted.sort(Comparator.comparing(Draft::at).thenComparingInt(Draft::order));
    List<Step> steps = new ArrayList<>(sorted.size());
    for (Draft d : sorted) {
      steps.add(d.monthEnd() ? new MonthEnd(d.at()) : new Action(d.at(), d.make()));
    }
    return steps;
  }

  // ---------------------------------------------------------------- planning

  private void add(Instant at, Function<EventId, PcopEvent> make) {
    drafts.add(new Draft(at, drafts.size(), make, false));
  }

  private Instant at(LocalDate day, int hour, int minute) {
    return day.atTime(LocalTime.of(hour, minute)).atZone(DemoCommunity.ZONE).toInstant();
  }

  private void setup() {
    MemberId coordinator = community.coordinator();
    // The program registers its taxonomy, sites and offices before anyone is enrolled, so that
    // every membership can be checked for eligibility against a registered office.
    Instant launch = at(DemoCommunity.LAUNCH, 9, 0);
    for (DemoCommunity.Joining joining : community.joinings()) {
      Instant before = joining.activeSince().minus(Duration.ofDays(3)).minus(Duration.ofHours(1));
      if (before.isBefore(launch)) {
        launch = before;
      }
    }
    Instant registered = launch;
    add(registered, id -> TaxonomyChanged.builder().eventId(id).actor(coordinator)
        .occurredAt(registered).community(DemoCommunity.COMMUNITY)
        .taxonomy(community.taxonomy()).build());
    for (Site site : community.sites()) {
      add(registered, id -> SiteRegistered.builder().eventId(id).actor(coordinator)
          .occurredAt(registered).site(site).build());
    }
    for (Agency agency : community.agencies().values()) {
      add(registered, id -> AgencyRegistered.builder().eventId(id).actor(coordinator)
          .occurredAt(registered).agency(agency).build());
    }
    for (DemoCommunity.Joining joining : community.joinings()) {
      Member member = community.members().get(joining.member());
      Instant enrolled = joining.activeSince().minus(Duration.ofDays(3));
      Instant invited = enrolled.plus(Duration.ofHours(1));
      add(enrolled, id -> MemberEnrolled.builder().eventId(id).actor(coordinator)
          .occurredAt(enrolled).member(member).build());
      if (isProgramRole(joining.role())) {
        // Program staff are appointed, not invited.
        add(joining.activeSince(), id -> membership(id, joining.activeSince(),
            joining.member(), joining.role(), MembershipStatus.ACTIVE,
            "appointed by the program"));
      } else {
        add(invited, id -> membership(id, invited, joining.member(), joining.role(),
            MembershipStatus.INVITED, "invited by the coordinator"));
        add(joining.activeSince(), id -> membership(id, joining.activeSince(),
            joining.member(), joining.role(), MembershipStatus.ACTIVE,
            "accepted the invitation"));
      }
      people.add(joining.member());
      joinedAt.put(joining.member(), joining.activeSince());
      staff.computeIfAbsent(member.getAgency(), a -> new ArrayList<>()).add(joining.member());
      double p = joining.role() == MembershipRole.MEMBER
          ? 0.15 + 0.8 * Math.pow(random.nextDouble(), 0.8) : 0.55 + 0.4 * random.nextDouble();
      propensity.put(joining.member(), p);
      if (joining.role() == MembershipRole.MEMBER && random.nextDouble() < 0.25) {
        fadesOn.put(joining.member(), LocalDate.of(year, 1, 1)
            .plusDays(random.nextInt(200)));
      }
    }
  }

  /**
   * Whether a role is held by the program's own staff, who are appointed rather than invited
   * and admitted under the eligibility rule.
   *
   * @param role the role
   * @return true for the coordinator and program advisors
   */
  public static boolean isProgramRole(MembershipRole role) {
    return role == MembershipRole.COORDINATOR || role == MembershipRole.PROGRAM_ADVISOR;
  }

  private MembershipChanged membership(EventId id, Instant at, MemberId member,
      MembershipRole role, MembershipStatus status, String reason) {
    return MembershipChanged.builder().eventId(id).actor(community.coordinator()).occurredAt(at)
        .member(member).community(DemoCommunity.COMMUNITY).role(role).status(status)
        .reason(reason).build();
  }

  /**
   * Whether a member takes part in the program at an instant: their membership was active by
   * then (nobody acts before joining), and their office's site, if any, is still eligible (people
   * of a site that has left the program no longer act in it).
   */
  private boolean joined(MemberId member, Instant at) {
    Instant since = joinedAt.get(member);
    if (since == null || since.isAfter(at)) {
      return false;
    }
    LocalDate day = at.atZone(DemoCommunity.ZONE).toLocalDate();
    return community.agencies().get(community.members().get(member).getAgency()).getSite()
        .map(site -> DemoCommunity.isEligible(sitesById.get(site), day)).orElse(true);
  }

  private boolean takesPart(MemberId member, LocalDate day, double factor) {
    if (!joined(member, at(day, 0, 0))) {
      return false;
    }
    LocalDate fade = fadesOn.get(member);
    if (fade != null && !day.isBefore(fade)) {
      return false;
    }
    return random.nextDouble() < propensity.get(member) * factor;
  }

  private void simulate() {
    List<CoreArea> areas = community.taxonomy().getCoreAreas();
    for (int m = 1; m <= 12; m++) {
      LocalDate first = LocalDate.of(year, m, 1);
      String month = Month.of(m).getDisplayName(TextStyle.FULL, Locale.US);
      CoreArea area = areas.get((m - 1) % areas.size());
      LocalDate call = first.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.WEDNESDAY));
      activity(ActivityKind.MEETING, "Monthly call, " + month + " " + year + ": "
          + area.getName(), at(call, 14, 0), at(call, 15, 30), Optional.empty(), area.getId(),
          1.0);
      if (m != 12) {
        CoreArea webinarArea = areas.get((m + 2) % areas.size());
        LocalDate webinar = first.with(TemporalAdjusters.dayOfWeekInMonth(2,
            DayOfWeek.THURSDAY));
        activity(ActivityKind.WEBINAR, "Webinar: " + webinarArea.getName() + " in practice",
            at(webinar, 13, 0), at(webinar, 14, 0), Optional.empty(), webinarArea.getId(), 0.6);
      }
      if (m == 9) {
        List<Site> active = activeSites();
        Optional<SiteId> host = active.isEmpty() ? Optional.empty()
            : Optional.of(active.get(random.nextInt(active.size())).getId());
        LocalDate day = first.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
        activity(ActivityKind.CONFERENCE, "PCoP annual meeting " + year, at(day, 9, 0),
            at(day.plusDays(1), 17, 0), host, areas.get(0).getId(), 0.45);
      }
      int requests = 2 + random.nextInt(3);
      for (int r = 0; r < requests; r++) {
        rfi(first.plusDays(random.nextInt(first.lengthOfMonth())));
      }
      if (m <= 11) {
        int count = m % 3 == 0 ? 2 : 1;
        for (int x = 0; x < count; x++) {
          exchange(first.plusDays(random.nextInt(25)));
        }
      }
      Instant end = at(first.withDayOfMonth(first.lengthOfMonth()), 23, 59);
      drafts.add(new Draft(end, drafts.size(), null, true));
    }
  }

  private List<Site> activeSites() {
    LocalDate mid = LocalDate.of(year, 6, 30);
    return community.sites().stream().filter(s -> s.isActiveOn(mid)).toList();
  }

  private ActivityId activity(ActivityKind kind, String title, Instant starts, Instant ends,
      Optional<SiteId> host, CoreAreaId area, double factor) {
    LocalDate day = starts.atZone(DemoCommunity.ZONE).toLocalDate();
    List<MemberId> experts = expertsIn(area);
    int presenters = kind == ActivityKind.CONFERENCE ? 5 : kind == ActivityKind.WEBINAR ? 2 : 1;
    Set<MemberId> presenting = new LinkedHashSet<>();
    for (int i = 0; i < presenters * 3 && presenting.size() < presenters; i++) {
      List<MemberId> pool = experts.isEmpty() || random.nextDouble() < 0.3 ? people : experts;
      MemberId pick = pool.get(random.nextInt(pool.size()));
      if (!pick.equals(community.coordinator()) && takesPart(pick, day, 1.5)) {
        presenting.add(pick);
      }
    }
    if (kind == ActivityKind.WEBINAR && host.isEmpty() && !presenting.isEmpty()) {
      // A webinar is hosted by the office of its first presenter.
      host = community.agencies().get(community.members().get(presenting.iterator().next())
          .getAgency()).getSite();
    }
    ActivityId activityId = ActivityId.of(String.format(Locale.ROOT, "act-%d-%03d", year,
        ++activities));
    Activity activity = Activity.builder().id(activityId).community(DemoCommunity.COMMUNITY)
        .kind(kind).title(title).startsAt(starts).endsAt(ends).hostSite(host).addCoreArea(area)
        .build();
    Instant recorded = starts.minus(Duration.ofDays(10));
    add(recorded, id -> ActivityRecorded.builder().eventId(id).actor(community.coordinator())
        .occurredAt(recorded).activity(activity).build());
    participate(activityId, community.coordinator(), ParticipationKind.HOSTED, starts);
    for (MemberId member : people) {
      if (member.equals(community.coordinator())) {
        continue;
      }
      if (presenting.contains(member)) {
        participate(activityId, member, ParticipationKind.PRESENTED, starts);
      } else if (takesPart(member, day, factor)) {
        participate(activityId, member, ParticipationKind.ATTENDED,
            starts.plus(Duration.ofMinutes(random.nextInt(10))));
      }
    }
    return activityId;
  }

  private List<MemberId> expertsIn(CoreAreaId area) {
    List<MemberId> experts = new ArrayList<>();
    for (MemberId member : people) {
      for (TopicId topic : community.members().get(member).getExpertise()) {
        if (community.taxonomy().topic(topic).map(Topic::getCoreArea).equals(Optional.of(area))) {
          experts.add(member);
          break;
        }
      }
    }
    return experts;
  }

  private void participate(ActivityId activity, MemberId member, ParticipationKind kind,
      Instant at) {
    add(at, id -> ParticipationRecorded.builder().eventId(id).actor(member).occurredAt(at)
        .participation(Participation.of(activity, member, kind, at)).build());
  }

  private void exchange(LocalDate day) {
    List<Site> active = activeSites();
    if (active.isEmpty()) {
      return;
    }
    Instant requested = at(day, 10, 0);
    Site host = null;
    int first = random.nextInt(active.size());
    for (int i = 0; i < active.size() && host == null; i++) {
      Site candidate = active.get((first + i) % active.size());
      if (capacity.mayHost(candidate.getId(), day) && community.siteLead(candidate.getId())
          .filter(lead -> joined(lead, requested)).isPresent()) {
        host = candidate;
      }
    }
    if (host == null) {
      return; // every active site is at the exchange policy's limits: no exchange this time
    }
    List<Site> all = community.sites();
    Site visitor = null;
    for (int i = 0; i < all.size() * 3 && visitor == null; i++) {
      Site candidate = all.get(random.nextInt(all.size()));
      List<MemberId> sent = staff.getOrDefault(community.office(candidate.getId()), List.of());
      if (!candidate.getId().equals(host.getId()) && !sent.isEmpty()
          && joined(sent.get(0), requested)) {
        visitor = candidate;
      }
    }
    if (visitor == null) {
      return; // no other site has anyone to send yet
    }
    AgencyId hostOffice = community.office(host.getId());
    AgencyId visitingOffice = community.office(visitor.getId());
    MemberId requester = staff.get(visitingOffice).get(0);
    MemberId hostLead = community.siteLead(host.getId()).orElseThrow();
    MemberId advisor = community.advisors().get(random.nextInt(community.advisors().size()));
    List<CoreArea> areas = community.taxonomy().getCoreAreas();
    CoreAreaId area = areas.get(random.nextInt(areas.size())).getId();
    boolean virtual = random.nextDouble() < 0.25;
    ExchangeId exchangeId = ExchangeId.of(String.format(Locale.ROOT, "x-%d-%03d", year,
        ++exchanges));
    Exchange exchange = Exchange.builder().id(exchangeId).community(DemoCommunity.COMMUNITY)
        .hostAgency(hostOffice).hostSite(host.getId()).addVisitingAgency(visitingOffice)
        .purpose("Learn how the " + host.getName() + " office works on "
            + community.taxonomy().coreArea(area).orElseThrow().getName().toLowerCase(Locale.US)
            + ", and bring it home to " + visitor.getName() + ".")
        .addCoreArea(area).mode(virtual ? ExchangeMode.VIRTUAL : ExchangeMode.IN_PERSON)
        .requestedBy(requester).requestedAt(requested)
        .travelFunding(virtual ? Optional.empty()
            : Optional.of(BigDecimal.valueOf(3000 + 500L * random.nextInt(12))))
        .build();
    add(requested, id -> ExchangeRequested.builder().eventId(id).actor(requester)
        .occurredAt(requested).exchange(exchange).build());
    Instant advised = requested.plus(Duration.ofHours(20 + 24L * random.nextInt(20)));
    if (random.nextDouble() < 0.08) {
      capacity.hosts(host.getId(), day, day, exchange.getTravelFunding());
      add(advised, id -> ExchangeDeclined.builder().eventId(id).actor(advisor)
          .occurredAt(advised).exchange(exchangeId).role(ApproverRole.PROGRAM_ADVISOR)
          .reason("The host office has no capacity this quarter.").build());
      return;
    }
    add(advised, id -> ExchangeApproved.builder().eventId(id).actor(advisor).occurredAt(advised)
        .exchange(exchangeId).role(ApproverRole.PROGRAM_ADVISOR).build());
    Instant hosted = requested.plus(Duration.ofHours(6 + 24L * random.nextInt(9)));
    add(hosted, id -> ExchangeApproved.builder().eventId(id).actor(hostLead).occurredAt(hosted)
        .exchange(exchangeId).role(ApproverRole.HOST_SITE_LEAD).build());
    Instant approved = advised.isAfter(hosted) ? advised : hosted;
    Instant scheduledAt = approved.plus(Duration.ofDays(2));
    LocalDate firstDay = approved.atZone(DemoCommunity.ZONE).toLocalDate()
        .plusDays(20 + random.nextInt(30));
    LocalDate lastDay = firstDay.plusDays(virtual ? 0 : 1);
    capacity.hosts(host.getId(), day, firstDay, exchange.getTravelFunding());
    add(scheduledAt, id -> ExchangeScheduled.builder().eventId(id).actor(hostLead)
        .occurredAt(scheduledAt).exchange(exchangeId).schedule(Schedule.of(firstDay, lastDay))
        .build());
    if (lastDay.getYear() > year) {
      return;
    }
    ActivityId activityId = ActivityId.of(String.format(Locale.ROOT, "act-%d-%03d", year,
        ++activities));
    Instant starts = at(firstDay, 9, 0);
    Instant ends = at(lastDay, 17, 0);
    Activity activity = Activity.builder().id(activityId).community(DemoCommunity.COMMUNITY)
        .kind(virtual ? ActivityKind.PEER_EXCHANGE : random.nextBoolean()
            ? ActivityKind.SITE_VISIT : ActivityKind.PEER_EXCHANGE)
        .title("Peer exchange: " + visitor.getName() + " visits " + host.getName())
        .startsAt(starts).endsAt(ends).hostSite(host.getId()).addCoreArea(area)
        .exchange(exchangeId).build();
    Instant recorded = scheduledAt.plus(Duration.ofMinutes(5));
    add(recorded, id -> ActivityRecorded.builder().eventId(id).actor(hostLead)
        .occurredAt(recorded).activity(activity).build());
    for (MemberId member : staff.get(hostOffice)) {
      if (!joined(member, starts)) {
        continue;
      }
      if (member.equals(hostLead) || random.nextDouble() < 0.5) {
        participate(activityId, member, ParticipationKind.HOSTED, starts);
      }
    }
    for (MemberId member : staff.get(visitingOffice)) {
      if (!joined(member, starts)) {
        continue;
      }
      if (member.equals(requester) || random.nextDouble() < 0.6) {
        participate(activityId, member, ParticipationKind.ATTENDED, starts);
      }
    }
    Instant held = ends.plus(Duration.ofMinutes(30));
    add(held, id -> ExchangeHeld.builder().eventId(id).actor(hostLead).occurredAt(held)
        .exchange(exchangeId).heldOn(lastDay).build());
    Instant documented = held.plus(Duration.ofDays(4 + random.nextInt(40)));
    if (documented.isAfter(end())) {
      return;
    }
    add(documented, id -> ExchangeDocumented.builder().eventId(id).actor(requester)
        .occurredAt(documented).exchange(exchangeId)
        .report(FollowUpReport.builder().submittedBy(requester).submittedAt(documented)
            .summary("What the visiting team saw, what it will adopt, and the contacts made.")
            .build())
        .build());
  }

  private static final Map<String, String> QUESTIONS = Map.of(
      "gun-violence.nibin", "How do you turn NIBIN leads into charging decisions?",
      "gun-violence.group-violence", "Who sits at your call-in sessions, and who runs them?",
      "federal-partnerships.task-forces", "How do you decide which cases go federal?",
      "crime-analysis.hot-spots", "Which hot-spot measures do you report to your office?",
      "technology.digital-evidence", "How do you handle phone extractions at scale?",
      "criminal-justice-collaboration.case-screening",
      "What does your early case screening look like?",
      "investigations.witness-protection",
      "What relocation support can you offer witnesses before trial?",
      "community-engagement.prosecutor-community",
      "How do you report back to neighbourhoods after a crackdown?");

  private void rfi(LocalDate day) {
    List<Topic> topics = community.taxonomy().getTopics();
    Topic topic = random.nextDouble() < 0.2
        ? community.taxonomy().topic(TopicId.of("investigations.witness-protection"))
            .orElse(topics.get(0))
        : topics.get(random.nextInt(topics.size()));
    Instant posted = at(day, 9 + random.nextInt(8), random.nextInt(60));
    List<MemberId> members = people.stream().filter(m -> joined(m, posted)).toList();
    if (members.size() < 2) {
      return;
    }
    MemberId asker = members.get(1 + random.nextInt(members.size() - 1));
    RfiId rfiId = RfiId.of(String.format(Locale.ROOT, "rfi-%d-%03d", year, ++rfis));
    RequestForInformation request = RequestForInformation.builder().id(rfiId)
        .community(DemoCommunity.COMMUNITY).askedBy(asker).topic(topic.getId())
        .question(QUESTIONS.getOrDefault(topic.getId().value(),
            "What has worked for you on " + topic.getName() + "?"))
        .postedAt(posted).build();
    add(posted, id -> RfiPosted.builder().eventId(id).actor(asker).occurredAt(posted)
        .request(request).build());
    List<MemberId> experts = new ArrayList<>();
    for (MemberId member : members) {
      if (!member.equals(asker)
          && community.members().get(member).getExpertise().contains(topic.getId())) {
        experts.add(member);
      }
    }
    int answers = experts.isEmpty() ? (random.nextDouble() < 0.4 ? 1 : 0)
        : 1 + random.nextInt(Math.min(3, experts.size()));
    Instant at = posted;
    List<ResponseId> responses = new ArrayList<>();
    for (int i = 0; i < answers; i++) {
      MemberId respondent = experts.isEmpty() ? members.get(random.nextInt(members.size()))
          : experts.get(random.nextInt(experts.size()));
      if (respondent.equals(asker)) {
        continue;
      }
      double hours = Math.exp(1 + random.nextDouble() * 4.6);
      at = at.plus(Duration.ofMinutes((long) (hours * 60)));
      if (at.isAfter(end())) {
        break;
      }
      ResponseId responseId = ResponseId.of(rfiId.value() + "-r" + (i + 1));
      Instant answeredAt = at;
      RfiResponse response = RfiResponse.builder().id(responseId).respondent(respondent)
          .at(answeredAt).text("Here is what our office does, and who to call about it.")
          .build();
      add(answeredAt, id -> RfiAnswered.builder().eventId(id).actor(respondent)
          .occurredAt(answeredAt).request(rfiId).response(response).build());
      responses.add(responseId);
    }
    if (!responses.isEmpty() && random.nextDouble() < 0.7) {
      Instant accepted = at.plus(Duration.ofDays(1 + random.nextInt(5)));
      if (!accepted.isAfter(end())) {
        ResponseId best = responses.get(0);
        add(accepted, id -> RfiAccepted.builder().eventId(id).actor(asker)
            .occurredAt(accepted).request(rfiId).response(best).build());
      }
    } else if (responses.isEmpty()) {
      Instant expires = posted.plus(Duration.ofDays(60));
      if (!expires.isAfter(end())) {
        add(expires, id -> RfiClosed.builder().eventId(id).actor(community.coordinator())
            .occurredAt(expires).request(rfiId).reason("no answer within 60 days").build());
      }
    }
  }
}
