package org.pcop.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pcop.model.ActivityId;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.Community;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.RfiId;
import org.pcop.model.Site;
import org.pcop.model.SiteId;
import org.pcop.model.StatusChange;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.Approval;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.AgencyRegistered;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.EngagementLevelLocked;
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
import org.pcop.model.event.PcopEventVisitor;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.RfiPosted;
import org.pcop.model.event.SiteRegistered;
import org.pcop.model.event.TaxonomyChanged;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.Taxonomy;

/**
 * The compact record of a program's history that rules read: the current roster (members,
 * agencies, sites, memberships, taxonomies), open and closed exchanges and requests for
 * information, recorded levels, locks and conduct flags, and per member and community the
 * participations folded into one {@link ParticipationDay} per day, plus per community a per-day
 * site by core-area participation count. Evaluation never needs the raw events.
 *
 * <p>Events are applied in log order with {@link #apply(PcopEvent)}. An event that does not fit
 * the record (an unknown community, activity, exchange or request, a lifecycle step out of order)
 * is refused with an {@link InvalidValueException} naming the event and what is missing, and leaves
 * the record as it was. Not thread-safe: one writer at a time, no reads during a write.
 */
public final class EngagementRecord {
  private final Map<CommunityId, Community> communities = new TreeMap<>();
  private final Map<MemberId, Member> members = new HashMap<>();
  private final Set<MemberId> deactivated = new HashSet<>();
  private final Map<AgencyId, Agency> agencies = new HashMap<>();
  private final Map<SiteId, Site> sites = new TreeMap<>();
  private final Map<CommunityId, Taxonomy> taxonomies = new HashMap<>();
  private final Map<CommunityId, TreeMap<MemberId, Membership>> memberships = new HashMap<>();
  private final Map<MemberId, Set<MemberId>> sponsored = new HashMap<>();
  private final Map<CommunityId, Map<MembershipRole, Set<MemberId>>> byRole = new HashMap<>();
  private final List<Activity> activities = new ArrayList<>();
  private final Map<ActivityId, Integer> activityIndex = new HashMap<>();
  private final Map<CommunityId, TreeMap<Instant, List<Integer>>> activitiesByStart =
      new HashMap<>();
  private final Map<ExchangeId, Exchange> exchanges = new TreeMap<>();
  private final Map<CommunityId, Map<SiteId, List<ExchangeId>>> exchangesByHost = new HashMap<>();
  private final Set<ExchangeId> exchangesOfActivities = new HashSet<>();
  private final Map<RfiId, RequestForInformation> rfis = new TreeMap<>();
  private final Map<MemberId, Boolean> upheldFlags = new HashMap<>();
  private final Map<CommunityId, Map<MemberId, RecordedLevel>> levels = new HashMap<>();
  private final Map<CommunityId, Map<MemberId, TreeMap<LocalDate, ParticipationDay>>> days =
      new HashMap<>();
  private final Map<CommunityId, TreeMap<LocalDate, Map<SiteId, Map<CoreAreaId, Long>>>>
      matrixByDay = new HashMap<>();
  private final Map<CommunityId, Map<SiteId, Map<CoreAreaId, Long>>> matrixTotal =
      new HashMap<>();
  private final Map<MemberId, Long> memberVersions = new HashMap<>();
  private long events;

  private EngagementRecord(Collection<Community> communities) {
    for (Community community : communities) {
      InvalidValueException.check(this.communities.put(community.getId(), community) == null,
          "EngagementRecord", "communities", "community %s is given twice", community.getId());
    }
  }

  /**
   * An empty record of the given communities, whose time zones fix the days of their
   * participations.
   *
   * @param communities the communities
   * @return the record
   * @throws InvalidValueException if a community is given twice
   */
  public static EngagementRecord of(Collection<Community> communities) {
    return new EngagementRecord(communities);
  }

  /**
   * An empty record of the given communities.
   *
   * @param communities the communities
   * @return the record
   * @throws InvalidValueException if a community is given twice
   */
  public static EngagementRecord of(Community... communities) {
    return of(List.of(communities));
  }

  /**
   * Applies the next event of the log.
   *
   * @param event the event
   * @return what changed, for incremental evaluation
   * @throws InvalidValueException if the event does not fit the record; the record is unchanged
   */
  public RecordChange apply(PcopEvent event) {
    if (event == null) {
      throw new InvalidValueException("EngagementRecord.apply: the event must not be null");
    }
    RecordChange change = event.accept(new Applier(event));
    events++;
    for (MemberId member : change.members()) {
      memberVersions.merge(member, events, Math::max);
    }
    return change;
  }

  /**
   * A number that changes whenever an event touches the member's own record (participations,
   * enrolment, memberships, flags, levels), for caching what is computed from it.
   *
   * @param member the member
   * @return the version, 0 while untouched
   */
  public long memberVersion(MemberId member) {
    return memberVersions.getOrDefault(member, 0L);
  }

  /**
   * How many events were applied.
   *
   * @return the count
   */
  public long eventCount() {
    return events;
  }

  // ---- reads ----

  /**
   * The community, if the record knows it.
   *
   * @param id the community
   * @return the community
   */
  public Optional<Community> community(CommunityId id) {
    return Optional.ofNullable(communities.get(id));
  }

  /**
   * The member, if enrolled.
   *
   * @param id the member
   * @return the member
   */
  public Optional<Member> member(MemberId id) {
    return Optional.ofNullable(members.get(id));
  }

  /**
   * Whether the member was deactivated.
   *
   * @param id the member
   * @return true once deactivated
   */
  public boolean isDeactivated(MemberId id) {
    return deactivated.contains(id);
  }

  /**
   * The agency, if registered.
   *
   * @param id the agency
   * @return the agency
   */
  public Optional<Agency> agency(AgencyId id) {
    return Optional.ofNullable(agencies.get(id));
  }

  /**
   * The site of a member's agency, if the member, the agency and its site are known.
   *
   * @param member the member
   * @return the site
   */
  public Optional<SiteId> siteOf(MemberId member) {
    return member(member).flatMap(m -> agency(m.getAgency())).flatMap(Agency::getSite);
  }

  /**
   * The site, if registered.
   *
   * @param id the site
   * @return the site
   */
  public Optional<Site> site(SiteId id) {
    return Optional.ofNullable(sites.get(id));
  }

  /**
   * Every registered site, by id.
   *
   * @return the sites
   */
  public Collection<Site> sites() {
    return Collections.unmodifiableCollection(sites.values());
  }

  /**
   * The community's taxonomy, once a taxonomy change recorded it.
   *
   * @param community the community
   * @return the taxonomy
   */
  public Optional<Taxonomy> taxonomy(CommunityId community) {
    return Optional.ofNullable(taxonomies.get(community));
  }

  /**
   * The membership of {@code member} in {@code community}, if any.
   *
   * @param member the member
   * @param community the community
   * @return the membership
   */
  public Optional<Membership> membership(MemberId member, CommunityId community) {
    return Optional.ofNullable(memberships.getOrDefault(community, EMPTY_MEMBERSHIPS).get(member));
  }

  private static final TreeMap<MemberId, Membership> EMPTY_MEMBERSHIPS = new TreeMap<>();

  /**
   * The memberships of a community, by member id.
   *
   * @param community the community
   * @return the memberships
   */
  public Collection<Membership> memberships(CommunityId community) {
    return Collections.unmodifiableCollection(
        memberships.getOrDefault(community, EMPTY_MEMBERSHIPS).values());
  }

  /**
   * The members holding {@code role} in a community, whatever their status, by id.
   *
   * @param community the community
   * @param role the role
   * @return the members, read-only
   */
  public Set<MemberId> membersWithRole(CommunityId community, MembershipRole role) {
    return Collections.unmodifiableSet(byRole.getOrDefault(community, Map.of())
        .getOrDefault(role, Collections.emptySet()));
  }

  /**
   * The activity, if recorded.
   *
   * @param id the activity
   * @return the activity
   */
  public Optional<Activity> activity(ActivityId id) {
    Integer index = activityIndex.get(id);
    return index == null ? Optional.empty() : Optional.of(activities.get(index));
  }

  Activity activityAt(int index) {
    return activities.get(index);
  }

  /**
   * The community's activities of {@code kind} starting at or after {@code from} and before
   * {@code to}, oldest first.
   *
   * @param community the community
   * @param kind the kind
   * @param from the first instant, inclusive
   * @param to the last instant, exclusive
   * @return the activities
   */
  public List<Activity> activities(CommunityId community, ActivityKind kind, Instant from,
      Instant to) {
    List<Activity> found = new ArrayList<>();
    TreeMap<Instant, List<Integer>> byStart = activitiesByStart.get(community);
    if (byStart == null || !from.isBefore(to)) {
      return found;
    }
    for (List<Integer> indexes : byStart.subMap(from, true, to, false).values()) {
      for (int index : indexes) {
        if (activities.get(index).getKind() == kind) {
          found.add(activities.get(index));
        }
      }
    }
    return found;
  }

  /**
   * The exchange, if requested.
   *
   * @param id the exchange
   * @return the exchange
   */
  public Optional<Exchange> exchange(ExchangeId id) {
    return Optional.ofNullable(exchanges.get(id));
  }

  /**
   * Every exchange of a community, by id.
   *
   * @param community the community
   * @return the exchanges
   */
  public List<Exchange> exchanges(CommunityId community) {
    List<Exchange> found = new ArrayList<>();
    for (Exchange exchange : exchanges.values()) {
      if (exchange.getCommunity().equals(community)) {
        found.add(exchange);
      }
    }
    return found;
  }

  /**
   * The exchanges a site hosts in a community, in the order they were requested.
   *
   * @param community the community
   * @param site the host site
   * @return the exchanges
   */
  public List<Exchange> exchangesHostedBy(CommunityId community, SiteId site) {
    List<Exchange> found = new ArrayList<>();
    for (ExchangeId id : exchangesByHost.getOrDefault(community, Map.of())
        .getOrDefault(site, List.of())) {
      found.add(exchanges.get(id));
    }
    return found;
  }

  /**
   * The request for information, if posted.
   *
   * @param id the request
   * @return the request
   */
  public Optional<RequestForInformation> rfi(RfiId id) {
    return Optional.ofNullable(rfis.get(id));
  }

  /**
   * Every request for information of a community, by id.
   *
   * @param community the community
   * @return the requests
   */
  public List<RequestForInformation> rfis(CommunityId community) {
    List<RequestForInformation> found = new ArrayList<>();
    for (RequestForInformation rfi : rfis.values()) {
      if (rfi.getCommunity().equals(community)) {
        found.add(rfi);
      }
    }
    return found;
  }

  /**
   * Whether the member has an upheld conduct flag in force (upheld and not later dismissed).
   *
   * @param member the member
   * @return true when upheld
   */
  public boolean hasUpheldConductFlag(MemberId member) {
    return upheldFlags.getOrDefault(member, false);
  }

  /**
   * The member's recorded engagement level in the community.
   *
   * @param member the member
   * @param community the community
   * @return the recorded level; {@link RecordedLevel#NONE} when nothing was recorded
   */
  public RecordedLevel level(MemberId member, CommunityId community) {
    return levels.getOrDefault(community, Map.of()).getOrDefault(member, RecordedLevel.NONE);
  }

  /**
   * The members with a recorded level or lock in the community.
   *
   * @param community the community
   * @return the members, unordered
   */
  public Set<MemberId> membersWithLevels(CommunityId community) {
    return Collections.unmodifiableSet(levels.getOrDefault(community, Map.of()).keySet());
  }

  /**
   * The member's participations in the community, one entry per day with any, by day.
   *
   * @param member the member
   * @param community the community
   * @return the days, read-only
   */
  public NavigableMap<LocalDate, ParticipationDay> participationDays(MemberId member,
      CommunityId community) {
    TreeMap<LocalDate, ParticipationDay> found =
        days.getOrDefault(community, Map.of()).get(member);
    return found == null ? Collections.emptyNavigableMap()
        : Collections.unmodifiableNavigableMap(found);
  }

  /**
   * Site by core-area participation counts of a community from {@code first} to {@code last}
   * inclusive; {@link LocalDate#MIN} as {@code first} counts all time.
   *
   * @param community the community
   * @param first the first day
   * @param last the last day
   * @return the counts by site then core area, sorted
   */
  public Map<SiteId, Map<CoreAreaId, Long>> participationMatrix(CommunityId community,
      LocalDate first, LocalDate last) {
    Map<SiteId, Map<CoreAreaId, Long>> counts = new TreeMap<>();
    TreeMap<LocalDate, Map<SiteId, Map<CoreAreaId, Long>>> byDay = matrixByDay.get(community);
    if (byDay == null || byDay.isEmpty()) {
      return counts;
    }
    boolean allTime = !first.isAfter(byDay.firstKey()) && !last.isBefore(byDay.lastKey());
    Collection<Map<SiteId, Map<CoreAreaId, Long>>> cells = allTime
        ? List.of(matrixTotal.get(community))
        : byDay.subMap(first, true, last, true).values();
    for (Map<SiteId, Map<CoreAreaId, Long>> day : cells) {
      day.forEach((site, areas) -> areas.forEach((area, n) -> counts
          .computeIfAbsent(site, s -> new TreeMap<>()).merge(area, n, Long::sum)));
    }
    return counts;
  }

  /**
   * The community's day of {@code instant}, in its time zone.
   *
   * @param community the community
   * @param instant the instant
   * @return the day, or empty if the community is unknown
   */
  public Optional<LocalDate> dayOf(CommunityId community, Instant instant) {
    return community(community).map(c -> LocalDate.ofInstant(instant, c.getTimeZone()));
  }

  // ---- writes ----

  private Community requireCommunity(String event, CommunityId id) {
    Community community = communities.get(id);
    if (community == null) {
      throw new InvalidValueException(event + ".community: unknown community " + id
          + "; the record knows " + communities.keySet());
    }
    return community;
  }

  private static InvalidValueException unknown(String event, String field, Object id,
      String what) {
    return new InvalidValueException(event + "." + field + ": unknown " + what + " " + id
        + "; it must be recorded before events that refer to it");
  }

  private final class Applier implements PcopEventVisitor<RecordChange> {
    private final PcopEvent event;
    private final Set<MemberId> touchedMembers = new TreeSet<>();
    private final Set<ExchangeId> touchedExchanges = new TreeSet<>();
    private final Set<RfiId> touchedRfis = new TreeSet<>();
    private final Set<CommunityId> roster = new TreeSet<>();
    private final Set<CommunityId> participation = new TreeSet<>();
    private final Set<CommunityId> everything = new TreeSet<>();

    Applier(PcopEvent event) {
      this.event = event;
    }

    private RecordChange done() {
      return new RecordChange(event, touchedMembers, touchedExchanges, touchedRfis, roster,
          participation, everything);
    }

    private boolean leadsOrAdvises(MemberId member) {
      for (Map<MemberId, Membership> byMember : memberships.values()) {
        Membership m = byMember.get(member);
        if (m != null && (m.getRole() == MembershipRole.SITE_LEAD
            || m.getRole() == MembershipRole.PROGRAM_ADVISOR)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public RecordChange visit(MemberEnrolled e) {
      MemberId id = e.getMember().getId();
      Member before = members.get(id);
      members.put(id, e.getMember());
      touchedMembers.add(id);
      touchedMembers.addAll(sponsored.getOrDefault(id, Set.of()));
      roster.addAll(communities.keySet());
      if (leadsOrAdvises(id)
          && (before == null || !before.getAgency().equals(e.getMember().getAgency()))) {
        everything.addAll(communities.keySet());
      }
      return done();
    }

    @Override
    public RecordChange visit(MemberDeactivated e) {
      deactivated.add(e.getMember());
      touchedMembers.add(e.getMember());
      roster.addAll(communities.keySet());
      return done();
    }

    @Override
    public RecordChange visit(AgencyRegistered e) {
      agencies.put(e.getAgency().getId(), e.getAgency());
      everything.addAll(communities.keySet());
      roster.addAll(communities.keySet());
      return done();
    }

    @Override
    public RecordChange visit(SiteRegistered e) {
      sites.put(e.getSite().getId(), e.getSite());
      everything.addAll(communities.keySet());
      roster.addAll(communities.keySet());
      return done();
    }

    @Override
    public RecordChange visit(MembershipChanged e) {
      requireCommunity("MembershipChanged", e.getCommunity());
      TreeMap<MemberId, Membership> byMember =
          memberships.computeIfAbsent(e.getCommunity(), c -> new TreeMap<>());
      Membership before = byMember.get(e.getMember());
      StatusChange status = StatusChange.builder().status(e.getStatus())
          .at(e.getOccurredAt()).reason(e.getReason()).build();
      Membership after;
      if (before == null) {
        after = Membership.builder().member(e.getMember()).community(e.getCommunity())
            .role(e.getRole()).sponsor(e.getSponsor()).addHistory(status).build();
      } else {
        List<StatusChange> history = new ArrayList<>(before.getHistory());
        if (before.getStatus() != e.getStatus()) {
          history.add(status);
        }
        after = Membership.builder().from(before).role(e.getRole()).sponsor(e.getSponsor())
            .history(history).build();
      }
      byMember.put(e.getMember(), after);
      Map<MembershipRole, Set<MemberId>> roles =
          byRole.computeIfAbsent(e.getCommunity(), c -> new HashMap<>());
      if (before != null) {
        roles.getOrDefault(before.getRole(), new HashSet<>()).remove(e.getMember());
      }
      roles.computeIfAbsent(after.getRole(), r -> new TreeSet<>()).add(e.getMember());
      if (before != null) {
        before.getSponsor().ifPresent(s -> sponsored.getOrDefault(s, new HashSet<>())
            .remove(e.getMember()));
      }
      after.getSponsor().ifPresent(s -> sponsored.computeIfAbsent(s, k -> new TreeSet<>())
          .add(e.getMember()));
      touchedMembers.add(e.getMember());
      touchedMembers.addAll(sponsored.getOrDefault(e.getMember(), Set.of()));
      roster.add(e.getCommunity());
      boolean approverRole = e.getRole() == MembershipRole.SITE_LEAD
          || e.getRole() == MembershipRole.PROGRAM_ADVISOR
          || (before != null && (before.getRole() == MembershipRole.SITE_LEAD
          || before.getRole() == MembershipRole.PROGRAM_ADVISOR));
      if (approverRole) {
        everything.add(e.getCommunity());
      }
      return done();
    }

    @Override
    public RecordChange visit(ActivityRecorded e) {
      Activity activity = e.getActivity();
      requireCommunity("ActivityRecorded", activity.getCommunity());
      InvalidValueException.check(!activityIndex.containsKey(activity.getId()),
          "ActivityRecorded", "activity.id", "activity %s is already recorded", activity.getId());
      activityIndex.put(activity.getId(), activities.size());
      activities.add(activity);
      activitiesByStart.computeIfAbsent(activity.getCommunity(), c -> new TreeMap<>())
          .computeIfAbsent(activity.getStartsAt(), s -> new ArrayList<>(1))
          .add(activities.size() - 1);
      activity.getExchange().ifPresent(exchangesOfActivities::add);
      everything.add(activity.getCommunity());
      participation.add(activity.getCommunity());
      return done();
    }

    @Override
    public RecordChange visit(ParticipationRecorded e) {
      Participation p = e.getParticipation();
      Integer index = activityIndex.get(p.getActivity());
      if (index == null) {
        throw unknown("ParticipationRecorded", "participation.activity", p.getActivity(),
            "activity");
      }
      Activity activity = activities.get(index);
      CommunityId community = activity.getCommunity();
      ZoneId zone = communities.get(community).getTimeZone();
      LocalDate day = LocalDate.ofInstant(p.getAt(), zone);
      days.computeIfAbsent(community, c -> new HashMap<>())
          .computeIfAbsent(p.getMember(), m -> new TreeMap<>())
          .computeIfAbsent(day, d -> new ParticipationDay(d, EngagementRecord.this))
          .add(index, p.getKind());
      Optional<SiteId> site = siteOf(p.getMember());
      if (site.isPresent() && !activity.getCoreAreas().isEmpty()) {
        Map<SiteId, Map<CoreAreaId, Long>> cells = matrixByDay
            .computeIfAbsent(community, c -> new TreeMap<>())
            .computeIfAbsent(day, d -> new TreeMap<>());
        Map<SiteId, Map<CoreAreaId, Long>> total =
            matrixTotal.computeIfAbsent(community, c -> new TreeMap<>());
        for (CoreAreaId area : activity.getCoreAreas()) {
          cells.computeIfAbsent(site.get(), s -> new TreeMap<>()).merge(area, 1L, Long::sum);
          total.computeIfAbsent(site.get(), s -> new TreeMap<>()).merge(area, 1L, Long::sum);
        }
      }
      touchedMembers.add(p.getMember());
      participation.add(community);
      return done();
    }

    private Exchange requireExchange(String name, ExchangeId id) {
      Exchange exchange = exchanges.get(id);
      if (exchange == null) {
        throw unknown(name, "exchange", id, "exchange");
      }
      return exchange;
    }

    private void checkMove(String name, Exchange exchange, ExchangeState next) {
      InvalidValueException.check(exchange.getState().canMoveTo(next), name, "exchange",
          "exchange %s is %s and cannot become %s", exchange.getId(), exchange.getState(), next);
    }

    private RecordChange exchangeChanged(Exchange after) {
      exchanges.put(after.getId(), after);
      touchedExchanges.add(after.getId());
      touchedExchanges.addAll(exchangesByHost.getOrDefault(after.getCommunity(), Map.of())
          .getOrDefault(after.getHostSite(), List.of()));
      roster.add(after.getCommunity());
      return done();
    }

    @Override
    public RecordChange visit(ExchangeRequested e) {
      Exchange exchange = e.getExchange();
      requireCommunity("ExchangeRequested", exchange.getCommunity());
      InvalidValueException.check(!exchanges.containsKey(exchange.getId()), "ExchangeRequested",
          "exchange.id", "exchange %s is already requested", exchange.getId());
      exchangesByHost.computeIfAbsent(exchange.getCommunity(), c -> new HashMap<>())
          .computeIfAbsent(exchange.getHostSite(), s -> new ArrayList<>()).add(exchange.getId());
      if (exchangesOfActivities.contains(exchange.getId())) {
        // Agencies reached through an activity that carried this exchange out change.
        everything.add(exchange.getCommunity());
      }
      return exchangeChanged(exchange);
    }

    @Override
    public RecordChange visit(ExchangeApproved e) {
      Exchange before = requireExchange("ExchangeApproved", e.getExchange());
      InvalidValueException.check(before.getState() == ExchangeState.REQUESTED,
          "ExchangeApproved", "exchange", "exchange %s is %s; only a requested exchange is"
              + " approved", before.getId(), before.getState());
      Exchange with = Exchange.builder().from(before)
          .addApproval(Approval.of(e.getRole(), e.getActor(), e.getOccurredAt())).build();
      if (with.isFullyApproved()) {
        with = Exchange.builder().from(with).state(ExchangeState.APPROVED).build();
      }
      return exchangeChanged(with);
    }

    @Override
    public RecordChange visit(ExchangeDeclined e) {
      Exchange before = requireExchange("ExchangeDeclined", e.getExchange());
      checkMove("ExchangeDeclined", before, ExchangeState.DECLINED);
      return exchangeChanged(Exchange.builder().from(before).state(ExchangeState.DECLINED)
          .closingReason(e.getReason()).build());
    }

    @Override
    public RecordChange visit(ExchangeScheduled e) {
      Exchange before = requireExchange("ExchangeScheduled", e.getExchange());
      checkMove("ExchangeScheduled", before, ExchangeState.SCHEDULED);
      return exchangeChanged(Exchange.builder().from(before).state(ExchangeState.SCHEDULED)
          .schedule(e.getSchedule()).build());
    }

    @Override
    public RecordChange visit(ExchangeHeld e) {
      Exchange before = requireExchange("ExchangeHeld", e.getExchange());
      checkMove("ExchangeHeld", before, ExchangeState.HELD);
      return exchangeChanged(Exchange.builder().from(before).state(ExchangeState.HELD)
          .heldOn(e.getHeldOn()).build());
    }

    @Override
    public RecordChange visit(ExchangeDocumented e) {
      Exchange before = requireExchange("ExchangeDocumented", e.getExchange());
      checkMove("ExchangeDocumented", before, ExchangeState.DOCUMENTED);
      return exchangeChanged(Exchange.builder().from(before).state(ExchangeState.DOCUMENTED)
          .report(e.getReport()).build());
    }

    @Override
    public RecordChange visit(ExchangeCancelled e) {
      Exchange before = requireExchange("ExchangeCancelled", e.getExchange());
      checkMove("ExchangeCancelled", before, ExchangeState.CANCELLED);
      return exchangeChanged(Exchange.builder().from(before).state(ExchangeState.CANCELLED)
          .closingReason(e.getReason()).build());
    }

    private RequestForInformation requireRfi(String name, RfiId id) {
      RequestForInformation rfi = rfis.get(id);
      if (rfi == null) {
        throw unknown(name, "request", id, "request for information");
      }
      return rfi;
    }

    private RecordChange rfiChanged(RequestForInformation after) {
      rfis.put(after.getId(), after);
      touchedRfis.add(after.getId());
      roster.add(after.getCommunity());
      return done();
    }

    @Override
    public RecordChange visit(RfiPosted e) {
      RequestForInformation rfi = e.getRequest();
      requireCommunity("RfiPosted", rfi.getCommunity());
      InvalidValueException.check(!rfis.containsKey(rfi.getId()), "RfiPosted", "request.id",
          "request %s is already posted", rfi.getId());
      return rfiChanged(rfi);
    }

    @Override
    public RecordChange visit(RfiAnswered e) {
      RequestForInformation before = requireRfi("RfiAnswered", e.getRequest());
      return rfiChanged(RequestForInformation.builder().from(before)
          .addResponse(e.getResponse()).build());
    }

    @Override
    public RecordChange visit(RfiAccepted e) {
      RequestForInformation before = requireRfi("RfiAccepted", e.getRequest());
      return rfiChanged(RequestForInformation.builder().from(before)
          .acceptedResponse(e.getResponse()).build());
    }

    @Override
    public RecordChange visit(RfiClosed e) {
      RequestForInformation before = requireRfi("RfiClosed", e.getRequest());
      if (before.getAcceptedResponse().isPresent()) {
        return rfiChanged(before);
      }
      return rfiChanged(RequestForInformation.builder().from(before).expired(true).build());
    }

    @Override
    public RecordChange visit(TaxonomyChanged e) {
      requireCommunity("TaxonomyChanged", e.getCommunity());
      taxonomies.put(e.getCommunity(), e.getTaxonomy());
      roster.add(e.getCommunity());
      everything.add(e.getCommunity());
      return done();
    }

    @Override
    public RecordChange visit(ConductFlagRecorded e) {
      if (e.getStatus() == ConductFlagStatus.UPHELD) {
        upheldFlags.put(e.getMember(), true);
      } else if (e.getStatus() == ConductFlagStatus.DISMISSED) {
        upheldFlags.put(e.getMember(), false);
      }
      touchedMembers.add(e.getMember());
      return done();
    }

    @Override
    public RecordChange visit(EngagementLevelChanged e) {
      requireCommunity("EngagementLevelChanged", e.getCommunity());
      Map<MemberId, RecordedLevel> byMember =
          levels.computeIfAbsent(e.getCommunity(), c -> new HashMap<>());
      RecordedLevel before = byMember.getOrDefault(e.getMember(), RecordedLevel.NONE);
      byMember.put(e.getMember(),
          new RecordedLevel(e.getTo(), Optional.of(e.getOccurredAt()), before.lock()));
      touchedMembers.add(e.getMember());
      return done();
    }

    @Override
    public RecordChange visit(EngagementLevelLocked e) {
      requireCommunity("EngagementLevelLocked", e.getCommunity());
      Map<MemberId, RecordedLevel> byMember =
          levels.computeIfAbsent(e.getCommunity(), c -> new HashMap<>());
      RecordedLevel before = byMember.getOrDefault(e.getMember(), RecordedLevel.NONE);
      byMember.put(e.getMember(), new RecordedLevel(before.level(), before.since(),
          e.getLevel()));
      touchedMembers.add(e.getMember());
      return done();
    }
  }
}
