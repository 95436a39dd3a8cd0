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
import org.pcop.rules.internal.ParticipationLog;
import org.pcop.rules.internal.RecordAccess;
import org.pcop.rules.internal.RecordState;

/**
 * The compact record of a program's history that rules read: the current roster (members,
 * agencies, sites, memberships, taxonomies), open and closed exchanges and requests for
 * information, recorded levels, locks and conduct flags, and per member and community a compact
 * log of participations (a day and an activity-and-kind number each, in primitive arrays sorted
 * by day), plus per community a per-day site by core-area participation count. Evaluation never
 * needs the raw events, and the record holds no object per participation or per member-day.
 *
 * <p>Events are applied in log order with {@link #apply(PcopEvent)}. An event that does not fit
 * the record (an unknown community, activity, exchange or request, a lifecycle step out of order)
 * is refused with an {@link InvalidValueException} naming the event and what is missing, and leaves
 * the record as it was. Not thread-safe: one writer at a time, no reads during a write.
 */
public final class EngagementRecord {
  private final Map<CommunityId, Community> communities = new TreeMap<>();
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
  private final Map<MemberId, MemberSlot> slots = new HashMap<>();
  private final Map<String, MemberId> memberIds = new HashMap<>();
  private final Map<CommunityId, MatrixCounts> matrices = new HashMap<>();
  private final Map<CommunityId, DayOf> days = new HashMap<>();
  private final Map<SiteId, Integer> siteNumbers = new HashMap<>();
  private final Map<AgencyId, Integer> agencyNumbers = new HashMap<>();
  private int[] hostSites = new int[16];
  private int[][] exchangeAgencies = new int[16][];
  private long linkVersion;
  /** How many agency registrations were applied: a site remembered for a member is as of one. */
  private long agencyVersion;
  private long events;
  private final Applier applier = new Applier();

  static {
    RecordAccess.install(new Access());
  }

  /** Lets the built-in kinds read the compact parts of a record. */
  private static final class Access extends RecordAccess {
    @Override
    public ParticipationLog log(EngagementRecord record, MemberId member,
        CommunityId community) {
      MemberSlot slot = record.slots.get(member);
      return slot == null ? null : slot.log(community);
    }

    @Override
    public Activity activity(EngagementRecord record, int index) {
      return record.activities.get(index);
    }

    @Override
    public int activityCount(EngagementRecord record) {
      return record.activities.size();
    }

    @Override
    public int activityIndex(EngagementRecord record, ActivityId activity) {
      return record.activityIndex.getOrDefault(activity, -1);
    }

    @Override
    public int hostSite(EngagementRecord record, int index) {
      return record.hostSites[index];
    }

    @Override
    public int[] exchangeAgencies(EngagementRecord record, int index) {
      int[] found = record.exchangeAgencies[index];
      if (found == null) {
        found = record.agenciesOf(record.activities.get(index));
        record.exchangeAgencies[index] = found;
      }
      return found;
    }

    @Override
    public int agencyNumber(EngagementRecord record, AgencyId agency) {
      return record.agencyNumbers.getOrDefault(agency, -1);
    }

    @Override
    public long linkVersion(EngagementRecord record) {
      return record.linkVersion;
    }

    @Override
    public Optional<MemberId> memberId(EngagementRecord record, String value) {
      return Optional.ofNullable(record.memberIds.get(value));
    }

    @Override
    public RecordState export(EngagementRecord record) {
      return record.exportState();
    }

    @Override
    public EngagementRecord restore(RecordState state) {
      return restoreState(state);
    }
  }

  /** What a snapshot keeps of this record: the state that is not derived from the rest. */
  private RecordState exportState() {
    RecordState s = new RecordState();
    s.communities.addAll(communities.values());
    s.deactivated.addAll(deactivated);
    s.agencies.addAll(agencies.values());
    s.sites.addAll(sites.values());
    s.taxonomies.putAll(taxonomies);
    memberships.values().forEach(byMember -> s.memberships.addAll(byMember.values()));
    sponsored.forEach((sponsor, members) -> s.sponsored.put(sponsor, new ArrayList<>(members)));
    s.activities.addAll(activities);
    s.exchanges.addAll(exchanges.values());
    exchangesByHost.forEach((community, bySite) -> {
      Map<SiteId, List<ExchangeId>> copy = new java.util.LinkedHashMap<>();
      bySite.forEach((site, ids) -> copy.put(site, new ArrayList<>(ids)));
      s.exchangesByHost.put(community, copy);
    });
    s.rfis.addAll(rfis.values());
    s.upheldFlags.putAll(upheldFlags);
    levels.forEach((community, byMember) ->
        s.levels.put(community, new java.util.LinkedHashMap<>(byMember)));
    for (MemberSlot slot : slots.values()) {
      RecordState.Slot out = new RecordState.Slot();
      out.id = slot.id;
      out.member = slot.member;
      out.version = slot.version;
      if (slot.firstCommunity != null) {
        out.logCommunities.add(slot.firstCommunity);
        out.logs.add(slot.firstLog);
      }
      if (slot.otherLogs != null) {
        slot.otherLogs.forEach((community, log) -> {
          out.logCommunities.add(community);
          out.logs.add(log);
        });
      }
      s.slots.add(out);
    }
    matrices.forEach((community, matrix) -> s.matrices.put(community, matrix.export()));
    AgencyId[] numbered = new AgencyId[agencyNumbers.size()];
    agencyNumbers.forEach((agency, number) -> numbered[number] = agency);
    s.agencyNumbers.addAll(List.of(numbered));
    s.linkVersion = linkVersion;
    s.agencyVersion = agencyVersion;
    s.events = events;
    return s;
  }

  /** A record holding a snapshot's state, its indexes derived again as the events built them. */
  private static EngagementRecord restoreState(RecordState s) {
    EngagementRecord r = new EngagementRecord(s.communities);
    r.deactivated.addAll(s.deactivated);
    s.agencies.forEach(agency -> r.agencies.put(agency.getId(), agency));
    s.sites.forEach(site -> r.sites.put(site.getId(), site));
    r.taxonomies.putAll(s.taxonomies);
    for (RecordState.Slot in : s.slots) {
      MemberSlot slot = r.slot(in.id);
      slot.member = in.member;
      slot.version = in.version;
      for (int i = 0; i < in.logs.size(); i++) {
        if (i == 0) {
          slot.firstCommunity = in.logCommunities.get(0);
          slot.firstLog = in.logs.get(0);
        } else {
          if (slot.otherLogs == null) {
            slot.otherLogs = new HashMap<>();
          }
          slot.otherLogs.put(in.logCommunities.get(i), in.logs.get(i));
        }
      }
    }
    for (Membership m : s.memberships) {
      r.memberships.computeIfAbsent(m.getCommunity(), c -> new TreeMap<>())
          .put(m.getMember(), m);
      r.slot(m.getMember()).setMembership(m.getCommunity(), m);
      r.byRole.computeIfAbsent(m.getCommunity(), c -> new HashMap<>())
          .computeIfAbsent(m.getRole(), role -> new TreeSet<>()).add(m.getMember());
    }
    s.sponsored.forEach((sponsor, members) -> r.sponsored.put(sponsor, new TreeSet<>(members)));
    for (Activity activity : s.activities) {
      r.activityIndex.put(activity.getId(), r.activities.size());
      if (r.hostSites.length == r.activities.size()) {
        r.hostSites = java.util.Arrays.copyOf(r.hostSites, r.activities.size() * 2);
        r.exchangeAgencies = java.util.Arrays.copyOf(r.exchangeAgencies,
            r.activities.size() * 2);
      }
      r.hostSites[r.activities.size()] = activity.getHostSite()
          .map(site -> r.siteNumbers.computeIfAbsent(site, x -> r.siteNumbers.size()))
          .orElse(-1);
      r.activities.add(activity);
      r.activitiesByStart.computeIfAbsent(activity.getCommunity(), c -> new TreeMap<>())
          .computeIfAbsent(activity.getStartsAt(), at -> new ArrayList<>(1))
          .add(r.activities.size() - 1);
      activity.getExchange().ifPresent(r.exchangesOfActivities::add);
    }
    s.exchanges.forEach(exchange -> r.exchanges.put(exchange.getId(), exchange));
    s.exchangesByHost.forEach((community, bySite) -> {
      Map<SiteId, List<ExchangeId>> copy = new HashMap<>();
      bySite.forEach((site, ids) -> copy.put(site, new ArrayList<>(ids)));
      r.exchangesByHost.put(community, copy);
    });
    s.rfis.forEach(rfi -> r.rfis.put(rfi.getId(), rfi));
    r.upheldFlags.putAll(s.upheldFlags);
    s.levels.forEach((community, byMember) -> r.levels.put(community, new HashMap<>(byMember)));
    s.matrices.forEach((community, matrix) -> r.matrices.put(community,
        MatrixCounts.restore(matrix)));
    for (AgencyId agency : s.agencyNumbers) {
      r.agencyNumbers.put(agency, r.agencyNumbers.size());
    }
    r.linkVersion = s.linkVersion;
    r.agencyVersion = s.agencyVersion;
    r.events = s.events;
    return r;
  }

  private static final int[] NO_AGENCIES = new int[0];

  private int[] agenciesOf(Activity activity) {
    Optional<Exchange> exchange = activity.getExchange().map(exchanges::get);
    if (exchange.isEmpty()) {
      return NO_AGENCIES;
    }
    Set<Integer> numbers = new TreeSet<>();
    numbers.add(agencyNumber(exchange.get().getHostAgency()));
    for (AgencyId visiting : exchange.get().getVisitingAgencies()) {
      numbers.add(agencyNumber(visiting));
    }
    return numbers.stream().mapToInt(Integer::intValue).toArray();
  }

  private int agencyNumber(AgencyId agency) {
    return agencyNumbers.computeIfAbsent(agency, a -> agencyNumbers.size());
  }

  private MemberSlot slot(MemberId member) {
    MemberSlot slot = slots.get(member);
    if (slot == null) {
      slot = new MemberSlot(member);
      slots.put(member, slot);
      memberIds.put(member.value(), member);
    }
    return slot;
  }

  /**
   * What the record keeps per member in one place, so that one look-up finds it: the id as first
   * seen, the version, and the participation logs by community (most members are in one).
   */
  private static final class MemberSlot {
    final MemberId id;
    /** The member as last enrolled, or null before enrolment. */
    Member member;
    /** The member's site, once asked for; null when not known. */
    SiteOf site;
    /** The member's membership of {@link #membershipCommunity}, and of any others. */
    CommunityId membershipCommunity;
    Membership membership;
    Map<CommunityId, Membership> otherMemberships;
    long version;
    CommunityId firstCommunity;
    ParticipationLog firstLog;
    Map<CommunityId, ParticipationLog> otherLogs;

    MemberSlot(MemberId id) {
      this.id = id;
    }

    Membership membership(CommunityId community) {
      if (community.equals(membershipCommunity)) {
        return membership;
      }
      return otherMemberships == null ? null : otherMemberships.get(community);
    }

    void setMembership(CommunityId community, Membership changed) {
      if (membershipCommunity == null || community.equals(membershipCommunity)) {
        membershipCommunity = community;
        membership = changed;
      } else {
        if (otherMemberships == null) {
          otherMemberships = new HashMap<>();
        }
        otherMemberships.put(community, changed);
      }
    }

    ParticipationLog log(CommunityId community) {
      if (community.equals(firstCommunity)) {
        return firstLog;
      }
      return otherLogs == null ? null : otherLogs.get(community);
    }

    ParticipationLog logToAdd(CommunityId community) {
      ParticipationLog log = log(community);
      if (log != null) {
        return log;
      }
      log = new ParticipationLog();
      if (firstCommunity == null) {
        firstCommunity = community;
        firstLog = log;
      } else {
        if (otherLogs == null) {
          otherLogs = new HashMap<>();
        }
        otherLogs.put(community, log);
      }
      return log;
    }
  }

  /**
   * The day of an instant in one community's time zone, remembering the last day found: events
   * mostly arrive in time order, so most instants fall on the day before.
   */
  private static final class DayOf {
    private final ZoneId zone;
    private Instant start = Instant.MAX;
    private Instant end = Instant.MIN;
    private long day;

    DayOf(ZoneId zone) {
      this.zone = zone;
    }

    long epochDay(Instant instant) {
      if (!instant.isBefore(start) && instant.isBefore(end)) {
        return day;
      }
      LocalDate found = LocalDate.ofInstant(instant, zone);
      day = found.toEpochDay();
      start = found.atStartOfDay(zone).toInstant();
      end = found.plusDays(1).atStartOfDay(zone).toInstant();
      return day;
    }
  }

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
    return apply(event, true);
  }

  /**
   * Applies events in order, as {@link #apply} would one at a time, without describing what each
   * one changed: for loading a history before a full evaluation.
   *
   * @param events the events, in log order
   * @return how many were applied
   * @throws InvalidValueException if an event is null or does not fit the record, naming its
   *     position (from 0) and id; the events before it stay applied, it and those after are not
   */
  public long applyAll(Iterable<? extends PcopEvent> events) {
    if (events == null) {
      throw new InvalidValueException("EngagementRecord.applyAll: the events must not be null");
    }
    long applied = 0;
    for (PcopEvent event : events) {
      if (event == null) {
        throw new InvalidValueException("EngagementRecord.applyAll: event " + applied
            + " is null");
      }
      try {
        apply(event, false);
      } catch (InvalidValueException e) {
        InvalidValueException located = new InvalidValueException("EngagementRecord.applyAll: "
            + "event " + applied + " (" + event.getEventId() + "): " + e.getMessage());
        located.initCause(e);
        throw located;
      }
      applied++;
    }
    return applied;
  }

  private RecordChange apply(PcopEvent event, boolean describe) {
    // One applier per record, reset for each event: the record has one writer at a time.
    Applier applier = this.applier;
    applier.reset(event, describe);
    RecordChange change = event.accept(applier);
    events++;
    MemberSlot last = applier.slot;
    Touched<MemberId> touched = applier.touchedMembers;
    if (touched.many != null) {
      for (MemberId member : touched.many) {
        touch(member, last);
      }
    } else if (touched.one != null) {
      touch(touched.one, last);
    }
    return change;
  }

  /** Moves a touched member's version to this event. */
  private void touch(MemberId member, MemberSlot last) {
    // The member the event was about was found already, under the id first seen.
    MemberSlot slot = last != null && last.id == member ? last : slot(member);
    slot.version = Math.max(slot.version, events);
  }

  /**
   * A number that changes whenever an event touches the member's own record (participations,
   * enrolment, memberships, flags, levels), for caching what is computed from it.
   *
   * @param member the member
   * @return the version, 0 while untouched
   */
  public long memberVersion(MemberId member) {
    MemberSlot slot = slots.get(member);
    return slot == null ? 0 : slot.version;
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
    MemberSlot slot = slots.get(id);
    return Optional.ofNullable(slot == null ? null : slot.member);
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
    MemberSlot slot = slots.get(member);
    return slot == null ? Optional.empty() : siteOf(slot);
  }

  /**
   * The site of a member's agency, remembered in the member's slot until the member enrols again
   * or any agency is registered again (an agency's site may change).
   */
  private Optional<SiteId> siteOf(MemberSlot slot) {
    SiteOf known = slot.site;
    if (known != null && known.agencies() == agencyVersion) {
      return known.site();
    }
    Optional<SiteId> site = slot.member == null ? Optional.empty()
        : agency(slot.member.getAgency()).flatMap(Agency::getSite);
    // One immutable pair, so concurrent readers see a site with the version it belongs to.
    slot.site = new SiteOf(agencyVersion, site);
    return site;
  }

  /** A member's site as of a count of agency registrations. */
  private record SiteOf(long agencies, Optional<SiteId> site) {}

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
    // Found through the member's slot, by hash; the sorted map is for listing.
    MemberSlot slot = slots.get(member);
    return Optional.ofNullable(slot == null ? null : slot.membership(community));
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
   * The member's participations in the community, one entry per day with any, by day: a
   * read-only snapshot built from the member's compact log, which later events do not change.
   *
   * @param member the member
   * @param community the community
   * @return the days, read-only
   */
  public NavigableMap<LocalDate, ParticipationDay> participationDays(MemberId member,
      CommunityId community) {
    MemberSlot slot = slots.get(member);
    ParticipationLog log = slot == null ? null : slot.log(community);
    if (log == null) {
      return Collections.emptyNavigableMap();
    }
    TreeMap<LocalDate, ParticipationDay> found = new TreeMap<>();
    ParticipationDay current = null;
    for (int i = 0; i < log.size(); i++) {
      if (current == null || current.day().toEpochDay() != log.day(i)) {
        current = new ParticipationDay(LocalDate.ofEpochDay(log.day(i)), this);
        found.put(current.day(), current);
      }
      current.add(log.activity(i), log.kind(i));
    }
    return Collections.unmodifiableNavigableMap(found);
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
    MatrixCounts matrix = matrices.get(community);
    return matrix == null ? new TreeMap<>() : matrix.counts(first, last);
  }

  /**
   * Participations per day and (site, core area) cell of one community: one int array per day
   * with any, indexed by interned cell, plus all-time totals.
   */
  private static final class MatrixCounts {
    private final Map<SiteId, Map<CoreAreaId, Integer>> cells = new HashMap<>();
    private final List<SiteId> cellSites = new ArrayList<>();
    private final List<CoreAreaId> cellAreas = new ArrayList<>();
    private final TreeMap<Integer, int[]> byDay = new TreeMap<>();
    private long[] total = new long[8];

    private int lastDay;
    private int[] lastCounts;

    void add(int day, SiteId site, Collection<CoreAreaId> areas) {
      int[] counts = lastCounts != null && lastDay == day ? lastCounts : byDay.get(day);
      for (CoreAreaId area : areas) {
        int cell = cells.computeIfAbsent(site, s -> new HashMap<>()).computeIfAbsent(area, a -> {
          cellSites.add(site);
          cellAreas.add(a);
          return cellSites.size() - 1;
        });
        if (counts == null || counts.length <= cell) {
          counts = counts == null ? new int[cellSites.size() + 4]
              : java.util.Arrays.copyOf(counts, cellSites.size() + 4);
          byDay.put(day, counts);
        }
        if (total.length <= cell) {
          total = java.util.Arrays.copyOf(total, cellSites.size() * 2);
        }
        counts[cell]++;
        total[cell]++;
      }
      if (counts != null) {
        lastDay = day;
        lastCounts = counts;
      }
    }

    RecordState.Matrix export() {
      RecordState.Matrix m = new RecordState.Matrix();
      m.cellSites.addAll(cellSites);
      m.cellAreas.addAll(cellAreas);
      m.days = byDay.keySet().stream().mapToInt(Integer::intValue).toArray();
      m.counts = byDay.values().toArray(new int[0][]);
      m.total = total;
      return m;
    }

    static MatrixCounts restore(RecordState.Matrix m) {
      MatrixCounts counts = new MatrixCounts();
      for (int cell = 0; cell < m.cellSites.size(); cell++) {
        counts.cells.computeIfAbsent(m.cellSites.get(cell), site -> new HashMap<>())
            .put(m.cellAreas.get(cell), cell);
      }
      counts.cellSites.addAll(m.cellSites);
      counts.cellAreas.addAll(m.cellAreas);
      for (int i = 0; i < m.days.length; i++) {
        counts.byDay.put(m.days[i], m.counts[i]);
      }
      counts.total = m.total;
      return counts;
    }

    Map<SiteId, Map<CoreAreaId, Long>> counts(LocalDate first, LocalDate last) {
      Map<SiteId, Map<CoreAreaId, Long>> counts = new TreeMap<>();
      if (byDay.isEmpty() || first.isAfter(last)) {
        return counts;
      }
      long from = Math.max(first.toEpochDay(), Integer.MIN_VALUE);
      long to = Math.min(last.toEpochDay(), Integer.MAX_VALUE);
      long[] sum;
      if (from <= byDay.firstKey() && to >= byDay.lastKey()) {
        sum = total;
      } else {
        sum = new long[cellSites.size()];
        for (int[] day : byDay.subMap((int) from, true, (int) to, true).values()) {
          for (int cell = 0; cell < day.length && cell < sum.length; cell++) {
            sum[cell] += day[cell];
          }
        }
      }
      for (int cell = 0; cell < cellSites.size() && cell < sum.length; cell++) {
        if (sum[cell] != 0) {
          counts.computeIfAbsent(cellSites.get(cell), s -> new TreeMap<>())
              .put(cellAreas.get(cell), sum[cell]);
        }
      }
      return counts;
    }
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

  /**
   * What one event touched of one sort: nothing, one thing or a set, allocating only what it
   * needs (most events touch one member and one community).
   */
  private static final class Touched<T> {
    private T one;
    private Set<T> many;

    void add(T item) {
      if (many != null) {
        many.add(item);
      } else if (one == null || one.equals(item)) {
        one = item;
      } else {
        many = new HashSet<>();
        many.add(one);
        many.add(item);
      }
    }

    void addAll(Collection<? extends T> items) {
      for (T item : items) {
        add(item);
      }
    }

    Set<T> frozen() {
      return many != null ? Set.copyOf(many) : one != null ? Set.of(one) : Set.of();
    }

    void clear() {
      one = null;
      many = null;
    }
  }

  private final class Applier implements PcopEventVisitor<RecordChange> {
    private PcopEvent event;
    private final Touched<MemberId> touchedMembers = new Touched<>();
    private final Touched<ExchangeId> touchedExchanges = new Touched<>();
    private final Touched<RfiId> touchedRfis = new Touched<>();
    private final Touched<CommunityId> roster = new Touched<>();
    private final Touched<CommunityId> participation = new Touched<>();
    private final Touched<CommunityId> everything = new Touched<>();

    /** The slot of the member the event was about, when the visit looked it up. */
    private MemberSlot slot;

    /** Whether {@link #done()} describes the change. */
    private boolean describe;

    void reset(PcopEvent event, boolean describe) {
      this.event = event;
      this.describe = describe;
      this.slot = null;
      touchedMembers.clear();
      touchedExchanges.clear();
      touchedRfis.clear();
      roster.clear();
      participation.clear();
      everything.clear();
    }

    /** What the event changed, or null when the caller does not ask. */
    private RecordChange done() {
      if (!describe) {
        return null;
      }
      return new RecordChange(event, touchedMembers.frozen(), touchedExchanges.frozen(),
          touchedRfis.frozen(), roster.frozen(), participation.frozen(), everything.frozen());
    }

    private boolean leadsOrAdvises(MemberSlot member) {
      if (approves(member.membership)) {
        return true;
      }
      if (member.otherMemberships != null) {
        for (Membership m : member.otherMemberships.values()) {
          if (approves(m)) {
            return true;
          }
        }
      }
      return false;
    }

    private boolean approves(Membership m) {
      return m != null && approves(m.getRole());
    }

    /** Site leads and program advisors approve exchanges. */
    private boolean approves(MembershipRole role) {
      return role == MembershipRole.SITE_LEAD || role == MembershipRole.PROGRAM_ADVISOR;
    }

    @Override
    public RecordChange visit(MemberEnrolled e) {
      slot = slot(e.getMember().getId());
      MemberId id = slot.id;
      Member before = slot.member;
      slot.member = e.getMember();
      slot.site = null;
      touchedMembers.add(id);
      touchedMembers.addAll(sponsored.getOrDefault(id, Set.of()));
      roster.addAll(communities.keySet());
      if (leadsOrAdvises(slot)
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
      agencyVersion++;
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
      slot = slot(e.getMember());
      TreeMap<MemberId, Membership> byMember =
          memberships.computeIfAbsent(e.getCommunity(), c -> new TreeMap<>());
      Membership before = slot.membership(e.getCommunity());
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
      slot.setMembership(e.getCommunity(), after);
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
      touchedMembers.add(slot.id);
      touchedMembers.addAll(sponsored.getOrDefault(e.getMember(), Set.of()));
      roster.add(e.getCommunity());
      if (approves(e.getRole()) || (before != null && approves(before.getRole()))) {
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
      if (hostSites.length == activities.size()) {
        hostSites = java.util.Arrays.copyOf(hostSites, activities.size() * 2);
        exchangeAgencies = java.util.Arrays.copyOf(exchangeAgencies, activities.size() * 2);
      }
      hostSites[activities.size()] = activity.getHostSite()
          .map(site -> siteNumbers.computeIfAbsent(site, x -> siteNumbers.size())).orElse(-1);
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
      long epochDay = days.computeIfAbsent(community,
          c -> new DayOf(communities.get(c).getTimeZone())).epochDay(p.getAt());
      InvalidValueException.check(epochDay >= Integer.MIN_VALUE && epochDay <= Integer.MAX_VALUE,
          "ParticipationRecorded", "participation.at", "%s is too far from today", p.getAt());
      slot = slot(p.getMember());
      MemberId member = slot.id;
      slot.logToAdd(community).add((int) epochDay, index, p.getKind());
      Optional<SiteId> site = siteOf(slot);
      if (site.isPresent() && !activity.getCoreAreas().isEmpty()) {
        matrices.computeIfAbsent(community, c -> new MatrixCounts())
            .add((int) epochDay, site.get(), activity.getCoreAreas());
      }
      touchedMembers.add(member);
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
        java.util.Arrays.fill(exchangeAgencies, null);
        linkVersion++;
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
