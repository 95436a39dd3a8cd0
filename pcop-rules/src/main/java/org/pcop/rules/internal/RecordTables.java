package org.pcop.rules.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.rules.RecordedLevel;

/**
 * The tables behind an {@link org.pcop.rules.EngagementRecord}, and the reads over them: the
 * roster, exchanges, requests, flags, levels, per-member slots, the activity table and the
 * per-community site by core-area counts. {@link RecordApplier} writes them; the record's public
 * methods and the built-in kinds read them.
 */
public final class RecordTables {
  /** The answer statistics of a community with no request yet; never changed. */
  private static final AnswerStatistics NO_ANSWERS = new AnswerStatistics();

  final Map<CommunityId, Community> communities = new TreeMap<>();
  final Set<MemberId> deactivated = new HashSet<>();
  final Map<AgencyId, Agency> agencies = new HashMap<>();
  final Map<SiteId, Site> sites = new TreeMap<>();
  final Map<CommunityId, Taxonomy> taxonomies = new HashMap<>();
  final Map<CommunityId, TreeMap<MemberId, Membership>> memberships = new HashMap<>();
  final Map<MemberId, Set<MemberId>> sponsored = new HashMap<>();
  final Map<CommunityId, Map<MembershipRole, Set<MemberId>>> byRole = new HashMap<>();
  final Map<ExchangeId, Exchange> exchanges = new TreeMap<>();
  final Map<CommunityId, Map<SiteId, List<ExchangeId>>> exchangesByHost = new HashMap<>();
  final Map<RfiId, RequestForInformation> rfis = new TreeMap<>();
  final Map<MemberId, Boolean> upheldFlags = new HashMap<>();
  final Map<CommunityId, Map<MemberId, RecordedLevel>> levels = new HashMap<>();
  final MemberTable members = new MemberTable();
  final ActivityTable activities = new ActivityTable(exchanges);
  final Map<CommunityId, SiteAreaCounts> matrices = new HashMap<>();
  final Map<CommunityId, DayOf> days = new HashMap<>();
  /** Members on the far side of contributions, as numbers. */
  final Numbering<MemberId> counterparties = new Numbering<>();
  /** Topics of contributions, as numbers. */
  final Numbering<org.pcop.model.taxonomy.TopicId> topics = new Numbering<>();
  /** Exchanges of contributions (hosted and visited), as numbers. */
  final Numbering<ExchangeId> exchangeNumbers = new Numbering<>();
  /**
   * Per community, the opportunities a contribution share is taken over: each request posted
   * (kind {@code REQUEST_POSTED}, its topic) and each exchange held (kind {@code EXCHANGE_HOSTED},
   * the exchange's number), on their days.
   */
  final Map<CommunityId, ContributionLog> opportunities = new HashMap<>();
  /** Per community, the answers to its requests, for answerer suggestions. */
  final Map<CommunityId, AnswerStatistics> answers = new HashMap<>();
  /** The members listing each topic as expertise, for answerer suggestions. */
  final ExpertiseIndex experts = new ExpertiseIndex();
  /** The enrolled members of each agency, as last enrolled: who an exchange held credits. */
  final Map<AgencyId, Set<MemberId>> membersByAgency = new HashMap<>();
  /** How many agency registrations were applied: a site remembered for a member is as of one. */
  long agencyVersion;
  long events;
  /** The memberships sorted last, for {@link MembershipOrder}: a cache of this state only. */
  volatile MembershipOrder.Sorted sortedMemberships;

  /**
   * An empty state of the given communities.
   *
   * @param communities the communities
   * @throws InvalidValueException if a community is given twice
   */
  public RecordTables(Collection<Community> communities) {
    for (Community community : communities) {
      InvalidValueException.check(this.communities.put(community.getId(), community) == null,
          "EngagementRecord", "communities", "community %s is given twice", community.getId());
    }
  }

  /**
   * How many events were applied.
   *
   * @return the count
   */
  public long eventCount() {
    return events;
  }

  /**
   * The member's version: the count of events applied when an event last touched the member.
   *
   * @param member the member
   * @return the version, 0 while untouched
   */
  public long memberVersion(MemberId member) {
    MemberSlot slot = members.find(member);
    return slot == null ? 0 : slot.version;
  }

  /**
   * The member id known by its text.
   *
   * @param value the id's text
   * @return the id, if an event named a member with that id
   */
  public Optional<MemberId> memberId(String value) {
    return members.id(value);
  }

  /**
   * The activities, with their interned sites and agencies.
   *
   * @return the table
   */
  public ActivityTable activities() {
    return activities;
  }

  /**
   * The member's participation log in the community.
   *
   * @param member the member
   * @param community the community
   * @return the log, or null if the member never took part there
   */
  public ParticipationLog log(MemberId member, CommunityId community) {
    MemberSlot slot = members.find(member);
    return slot == null ? null : slot.log(community);
  }

  /**
   * The member's contributions in the community.
   *
   * @param member the member
   * @param community the community
   * @return the log, or null if the member made none there
   */
  public ContributionLog contributions(MemberId member, CommunityId community) {
    MemberSlot slot = members.find(member);
    return slot == null ? null : slot.contributions(community);
  }

  /**
   * How many upheld conduct flags in force the member has from {@code from} (inclusive) to
   * {@code to} (exclusive).
   *
   * @param member the member
   * @param from the first instant
   * @param to the end instant
   * @return the count
   */
  public int upheldFlags(MemberId member, java.time.Instant from, java.time.Instant to) {
    MemberSlot slot = members.find(member);
    if (slot == null) {
      return 0;
    }
    long first = from.equals(java.time.Instant.MIN) ? Long.MIN_VALUE : from.getEpochSecond();
    long end = to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0);
    return slot.upheldBetween(first, end);
  }

  /**
   * The member numbered {@code number} as a contribution's counterparty.
   *
   * @param number the number, from a {@link ContributionLog}
   * @return the member
   */
  public MemberId counterparty(int number) {
    return counterparties.value(number);
  }

  /**
   * The number of a member as a contribution's counterparty.
   *
   * @param member the member
   * @return the number, -1 if no contribution named the member
   */
  public int counterpartyNumber(MemberId member) {
    return counterparties.find(member);
  }

  /**
   * The topic numbered {@code number} in contributions.
   *
   * @param number the number, from a {@link ContributionLog}
   * @return the topic
   */
  public org.pcop.model.taxonomy.TopicId topic(int number) {
    return topics.value(number);
  }

  /**
   * The community's requests posted and exchanges held, for contribution shares.
   *
   * @param community the community
   * @return the log, or null before the first
   */
  public ContributionLog opportunities(CommunityId community) {
    return opportunities.get(community);
  }

  /**
   * The exchange numbered {@code number} in contributions (exchanges hosted and visited).
   *
   * @param number the number, from a {@link ContributionLog}
   * @return the exchange, or null if it is not recorded
   */
  public Exchange contributionExchange(int number) {
    return exchanges.get(exchangeNumbers.value(number));
  }

  /**
   * The number of a topic in contributions.
   *
   * @param topic the topic
   * @return the number, -1 if no contribution was about it
   */
  public int topicNumber(org.pcop.model.taxonomy.TopicId topic) {
    return topics.find(topic);
  }

  /**
   * The answers to the community's requests, as of the latest request or answer recorded.
   *
   * @param community the community
   * @return the statistics; empty ones before the community's first request
   */
  public AnswerStatistics answers(CommunityId community) {
    // A read changes nothing, so readers may share the record.
    AnswerStatistics kept = answers.get(community);
    return kept == null ? NO_ANSWERS : kept;
  }

  /**
   * The members listing each topic as expertise.
   *
   * @return the index
   */
  public ExpertiseIndex experts() {
    return experts;
  }

  /** Records a change of a request (posted when {@code before} is null) in its statistics. */
  void rfiChanged(RequestForInformation before, RequestForInformation after) {
    answers.computeIfAbsent(after.getCommunity(), c -> new AnswerStatistics())
        .changed(before, after);
  }

  /** Computes the answer statistics and the expertise index from the requests and members. */
  void rebuildSuggestionTables() {
    answers.clear();
    Map<CommunityId, List<RequestForInformation>> byCommunity = new HashMap<>();
    for (RequestForInformation rfi : rfis.values()) {
      byCommunity.computeIfAbsent(rfi.getCommunity(), c -> new java.util.ArrayList<>()).add(rfi);
    }
    byCommunity.forEach((community, requests) -> answers.put(community,
        AnswerStatistics.upTo(requests, java.time.Instant.MAX)));
    for (MemberSlot slot : members.all()) {
      if (slot.member != null) {
        experts.enrolled(null, slot.member);
        agencyChanged(null, slot.member);
      }
    }
  }

  /** Moves a member from the agency of {@code before} (null at first enrolment) to theirs now. */
  void agencyChanged(Member before, Member after) {
    if (before != null) {
      Set<MemberId> staff = membersByAgency.get(before.getAgency());
      if (staff != null) {
        staff.remove(before.getId());
        if (staff.isEmpty()) {
          membersByAgency.remove(before.getAgency());
        }
      }
    }
    membersByAgency.computeIfAbsent(after.getAgency(), a -> new HashSet<>()).add(after.getId());
  }

  /**
   * The community.
   *
   * @param id the community
   * @return the community, or null if unknown
   */
  public Community community(CommunityId id) {
    return communities.get(id);
  }

  /**
   * The member as last enrolled.
   *
   * @param id the member
   * @return the member, or null before enrolment
   */
  public Member member(MemberId id) {
    MemberSlot slot = members.find(id);
    return slot == null ? null : slot.member;
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
   * The agency.
   *
   * @param id the agency
   * @return the agency, or null if not registered
   */
  public Agency agency(AgencyId id) {
    return agencies.get(id);
  }

  /**
   * The site of a member's agency, if the member, the agency and its site are known.
   *
   * @param member the member
   * @return the site
   */
  public Optional<SiteId> siteOf(MemberId member) {
    MemberSlot slot = members.find(member);
    return slot == null ? Optional.empty() : siteOf(slot);
  }

  /**
   * The site of a member's agency, remembered in the member's slot until the member enrols again
   * or any agency is registered again (an agency's site may change).
   */
  Optional<SiteId> siteOf(MemberSlot slot) {
    MemberSlot.SiteOf known = slot.site;
    if (known != null && known.agencies() == agencyVersion) {
      return known.site();
    }
    Agency agency = slot.member == null ? null : agencies.get(slot.member.getAgency());
    Optional<SiteId> site = agency == null ? Optional.empty() : agency.getSite();
    // One immutable pair, so concurrent readers see a site with the version it belongs to.
    slot.site = new MemberSlot.SiteOf(agencyVersion, site);
    return site;
  }

  /**
   * The site.
   *
   * @param id the site
   * @return the site, or null if not registered
   */
  public Site site(SiteId id) {
    return sites.get(id);
  }

  /**
   * Every registered site, by id.
   *
   * @return the sites, read-only
   */
  public Collection<Site> sites() {
    return Collections.unmodifiableCollection(sites.values());
  }

  /**
   * The community's taxonomy.
   *
   * @param community the community
   * @return the taxonomy, or null before a taxonomy change recorded one
   */
  public Taxonomy taxonomy(CommunityId community) {
    return taxonomies.get(community);
  }

  /**
   * The membership of {@code member} in {@code community}.
   *
   * @param member the member
   * @param community the community
   * @return the membership, or null
   */
  public Membership membership(MemberId member, CommunityId community) {
    // Found through the member's slot, by hash; the sorted map is for listing.
    MemberSlot slot = members.find(member);
    return slot == null ? null : slot.membership(community);
  }

  private static final TreeMap<MemberId, Membership> EMPTY_MEMBERSHIPS = new TreeMap<>();

  /**
   * The memberships of a community, by member id.
   *
   * @param community the community
   * @return the memberships, read-only
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
   * The exchange.
   *
   * @param id the exchange
   * @return the exchange, or null if not requested
   */
  public Exchange exchange(ExchangeId id) {
    return exchanges.get(id);
  }

  /**
   * Every exchange, by id.
   *
   * @return the exchanges, read-only
   */
  public Collection<Exchange> exchanges() {
    return Collections.unmodifiableCollection(exchanges.values());
  }

  /**
   * The ids of the exchanges a site hosts in a community, in the order they were requested.
   *
   * @param community the community
   * @param site the host site
   * @return the ids, read-only
   */
  public List<ExchangeId> exchangesHostedBy(CommunityId community, SiteId site) {
    return Collections.unmodifiableList(exchangesByHost.getOrDefault(community, Map.of())
        .getOrDefault(site, List.of()));
  }

  /**
   * The request for information.
   *
   * @param id the request
   * @return the request, or null if not posted
   */
  public RequestForInformation rfi(RfiId id) {
    return rfis.get(id);
  }

  /**
   * Every request for information, by id.
   *
   * @return the requests, read-only
   */
  public Collection<RequestForInformation> rfis() {
    return Collections.unmodifiableCollection(rfis.values());
  }

  /**
   * Whether the member has an upheld conduct flag in force.
   *
   * @param member the member
   * @return true when upheld and not later dismissed
   */
  public boolean hasUpheldConductFlag(MemberId member) {
    return upheldFlags.getOrDefault(member, false);
  }

  /**
   * The member's recorded engagement level in the community.
   *
   * @param member the member
   * @param community the community
   * @return the level; {@link RecordedLevel#NONE} when nothing was recorded
   */
  public RecordedLevel level(MemberId member, CommunityId community) {
    return levels.getOrDefault(community, Map.of()).getOrDefault(member, RecordedLevel.NONE);
  }

  /**
   * The members with a recorded level or lock in the community.
   *
   * @param community the community
   * @return the members, unordered, read-only
   */
  public Set<MemberId> membersWithLevels(CommunityId community) {
    return Collections.unmodifiableSet(levels.getOrDefault(community, Map.of()).keySet());
  }

  /**
   * Site by core-area participation counts of a community from {@code first} to {@code last}
   * inclusive.
   *
   * @param community the community
   * @param first the first day
   * @param last the last day
   * @return the counts by site then core area, sorted
   */
  public Map<SiteId, Map<CoreAreaId, Long>> participationMatrix(CommunityId community,
      LocalDate first, LocalDate last) {
    SiteAreaCounts matrix = matrices.get(community);
    return matrix == null ? new TreeMap<>() : matrix.counts(first, last);
  }

  /** The community, or a refusal naming the event and the communities known. */
  Community requireCommunity(String event, CommunityId id) {
    Community community = communities.get(id);
    if (community == null) {
      throw new InvalidValueException(event + ".community: unknown community " + id
          + "; the record knows " + communities.keySet());
    }
    return community;
  }

  /** The community's day of an instant, as an epoch day. */
  long epochDay(CommunityId community, java.time.Instant instant) {
    return days.computeIfAbsent(community, c -> new DayOf(communities.get(c).getTimeZone()))
        .epochDay(instant);
  }
}
