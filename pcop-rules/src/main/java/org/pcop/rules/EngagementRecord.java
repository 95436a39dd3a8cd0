package org.pcop.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.rules.internal.ParticipationLog;
import org.pcop.rules.internal.RecordAccess;
import org.pcop.rules.internal.RecordApplier;
import org.pcop.rules.internal.RecordTables;

/**
 * The compact record of a program's history that rules read: the current roster (members,
 * agencies, sites, memberships, taxonomies), open and closed exchanges and requests for
 * information, recorded levels, locks and conduct flags, and per member and community a compact
 * log of participations (a day and an activity-and-kind number each, in primitive arrays sorted
 * by day), plus per community a per-day site by core-area participation count. Evaluation never
 * needs the raw events, and the record holds no object per participation or per member-day.
 *
 * <p>This class is the record's public face; the tables themselves, the interned numbers and
 * the code that applies each kind of event live in the module's internal package.
 *
 * <p>Events are applied in log order with {@link #apply(PcopEvent)}. An event that does not fit
 * the record (an unknown community, activity, exchange or request, a lifecycle step out of order)
 * is refused with an {@link InvalidValueException} naming the event and what is missing, and leaves
 * the record as it was. Not thread-safe: one writer at a time, no reads during a write.
 */
public final class EngagementRecord {
  private final RecordTables state;
  private final RecordApplier applier;

  static {
    RecordAccess.install(record -> record.state, EngagementRecord::new);
  }

  private EngagementRecord(Collection<Community> communities) {
    this(new RecordTables(communities));
  }

  private EngagementRecord(RecordTables state) {
    this.state = state;
    this.applier = new RecordApplier(state);
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
    applier.apply(event);
    return new RecordChange(event, applier.members().frozen(), applier.exchanges().frozen(),
        applier.rfis().frozen(), applier.rosterCommunities().frozen(),
        applier.participationCommunities().frozen(), applier.everything().frozen());
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
        applier.apply(event);
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

  /**
   * A number that changes whenever an event touches the member's own record (participations,
   * enrolment, memberships, flags, levels), for caching what is computed from it.
   *
   * @param member the member
   * @return the version, 0 while untouched
   */
  public long memberVersion(MemberId member) {
    return state.memberVersion(member);
  }

  /**
   * How many events were applied.
   *
   * @return the count
   */
  public long eventCount() {
    return state.eventCount();
  }

  // ---- reads ----

  /**
   * The community, if the record knows it.
   *
   * @param id the community
   * @return the community
   */
  public Optional<Community> community(CommunityId id) {
    return Optional.ofNullable(state.community(id));
  }

  /**
   * The member, if enrolled.
   *
   * @param id the member
   * @return the member
   */
  public Optional<Member> member(MemberId id) {
    return Optional.ofNullable(state.member(id));
  }

  /**
   * Whether the member was deactivated.
   *
   * @param id the member
   * @return true once deactivated
   */
  public boolean isDeactivated(MemberId id) {
    return state.isDeactivated(id);
  }

  /**
   * The agency, if registered.
   *
   * @param id the agency
   * @return the agency
   */
  public Optional<Agency> agency(AgencyId id) {
    return Optional.ofNullable(state.agency(id));
  }

  /**
   * The site of a member's agency, if the member, the agency and its site are known.
   *
   * @param member the member
   * @return the site
   */
  public Optional<SiteId> siteOf(MemberId member) {
    return state.siteOf(member);
  }

  /**
   * The site, if registered.
   *
   * @param id the site
   * @return the site
   */
  public Optional<Site> site(SiteId id) {
    return Optional.ofNullable(state.site(id));
  }

  /**
   * Every registered site, by id.
   *
   * @return the sites
   */
  public Collection<Site> sites() {
    return state.sites();
  }

  /**
   * The community's taxonomy, once a taxonomy change recorded it.
   *
   * @param community the community
   * @return the taxonomy
   */
  public Optional<Taxonomy> taxonomy(CommunityId community) {
    return Optional.ofNullable(state.taxonomy(community));
  }

  /**
   * The membership of {@code member} in {@code community}, if any.
   *
   * @param member the member
   * @param community the community
   * @return the membership
   */
  public Optional<Membership> membership(MemberId member, CommunityId community) {
    return Optional.ofNullable(state.membership(member, community));
  }

  /**
   * The memberships of a community, by member id.
   *
   * @param community the community
   * @return the memberships
   */
  public Collection<Membership> memberships(CommunityId community) {
    return state.memberships(community);
  }

  /**
   * The members holding {@code role} in a community, whatever their status, by id.
   *
   * @param community the community
   * @param role the role
   * @return the members, read-only
   */
  public Set<MemberId> membersWithRole(CommunityId community, MembershipRole role) {
    return state.membersWithRole(community, role);
  }

  /**
   * The activity, if recorded.
   *
   * @param id the activity
   * @return the activity
   */
  public Optional<Activity> activity(ActivityId id) {
    return state.activities().find(id);
  }

  Activity activityAt(int index) {
    return state.activities().at(index);
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
    return state.activities().starting(community, kind, from, to);
  }

  /**
   * The exchange, if requested.
   *
   * @param id the exchange
   * @return the exchange
   */
  public Optional<Exchange> exchange(ExchangeId id) {
    return Optional.ofNullable(state.exchange(id));
  }

  /**
   * Every exchange of a community, by id.
   *
   * @param community the community
   * @return the exchanges
   */
  public List<Exchange> exchanges(CommunityId community) {
    List<Exchange> found = new ArrayList<>();
    for (Exchange exchange : state.exchanges()) {
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
    for (ExchangeId id : state.exchangesHostedBy(community, site)) {
      found.add(state.exchange(id));
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
    return Optional.ofNullable(state.rfi(id));
  }

  /**
   * Every request for information of a community, by id.
   *
   * @param community the community
   * @return the requests
   */
  public List<RequestForInformation> rfis(CommunityId community) {
    List<RequestForInformation> found = new ArrayList<>();
    for (RequestForInformation rfi : state.rfis()) {
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
    return state.hasUpheldConductFlag(member);
  }

  /**
   * The member's recorded engagement level in the community.
   *
   * @param member the member
   * @param community the community
   * @return the recorded level; {@link RecordedLevel#NONE} when nothing was recorded
   */
  public RecordedLevel level(MemberId member, CommunityId community) {
    return state.level(member, community);
  }

  /**
   * The members with a recorded level or lock in the community.
   *
   * @param community the community
   * @return the members, unordered
   */
  public Set<MemberId> membersWithLevels(CommunityId community) {
    return state.membersWithLevels(community);
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
    ParticipationLog log = state.log(member, community);
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
   * The member's last day with a participation in the community on or before {@code day}, read
   * from the member's compact log without building the days (a binary search).
   *
   * @param member the member
   * @param community the community
   * @param day the last day that counts, inclusive
   * @return the day, or empty if the member took part in nothing until then
   */
  public Optional<LocalDate> lastParticipationDay(MemberId member, CommunityId community,
      LocalDate day) {
    ParticipationLog log = state.log(member, community);
    if (log == null) {
      return Optional.empty();
    }
    long bound = day.toEpochDay();
    int lo = 0;
    int hi = log.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (log.day(mid) <= bound) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo == 0 ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(log.day(lo - 1)));
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
    return state.participationMatrix(community, first, last);
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
}
