package org.pcop.rules.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.Community;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.Site;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.rules.RecordedLevel;

/**
 * Everything an engagement record holds that cannot be derived again from the rest, laid out
 * flat for a snapshot: the record exports it and is restored from it, and
 * {@link RecordSnapshots} writes it to bytes and reads it back. Indexes the record derives
 * (activities by index and by start, roles, member ids, host sites) and caches (days, member
 * sites, exchange agencies) are left out. Mutable holders, used by one thread for one snapshot.
 * Not exported.
 */
public final class RecordState {
  /** The communities the record was made for. */
  public List<Community> communities = new ArrayList<>();
  /** Deactivated members. */
  public List<MemberId> deactivated = new ArrayList<>();
  /** Registered agencies. */
  public List<Agency> agencies = new ArrayList<>();
  /** Registered sites. */
  public List<Site> sites = new ArrayList<>();
  /** Taxonomies by community. */
  public Map<CommunityId, Taxonomy> taxonomies = new LinkedHashMap<>();
  /** Every membership of every community. */
  public List<Membership> memberships = new ArrayList<>();
  /** Members by sponsor, as the record keeps them (a sponsor's set may be empty). */
  public Map<MemberId, List<MemberId>> sponsored = new LinkedHashMap<>();
  /** Activities in the order recorded, which is their index. */
  public List<Activity> activities = new ArrayList<>();
  /** Requested exchanges, by id. */
  public List<Exchange> exchanges = new ArrayList<>();
  /** Exchange ids by community and host site, in the order requested. */
  public Map<CommunityId, Map<SiteId, List<ExchangeId>>> exchangesByHost =
      new LinkedHashMap<>();
  /** Requests for information, by id. */
  public List<RequestForInformation> rfis = new ArrayList<>();
  /** The last conduct decision that counts, by member: upheld or not. */
  public Map<MemberId, Boolean> upheldFlags = new LinkedHashMap<>();
  /** Recorded levels and locks by community and member. */
  public Map<CommunityId, Map<MemberId, RecordedLevel>> levels = new LinkedHashMap<>();
  /** One entry per member the record has seen. */
  public List<Slot> slots = new ArrayList<>();
  /** Participation matrix counts by community. */
  public Map<CommunityId, Matrix> matrices = new LinkedHashMap<>();
  /** Agencies in the order the rule kinds interned them. */
  public List<AgencyId> agencyNumbers = new ArrayList<>();
  public List<MemberId> counterparties = new ArrayList<>();
  public List<org.pcop.model.taxonomy.TopicId> topics = new ArrayList<>();
  /** Exchanges of contributions, in number order (record format 3). */
  public List<org.pcop.model.ExchangeId> exchangeNumbers = new ArrayList<>();
  /** Communities with opportunities for contribution shares, beside their logs (format 3). */
  public List<CommunityId> opportunityCommunities = new ArrayList<>();
  public List<ContributionLog> opportunityLogs = new ArrayList<>();
  /** The version of what activities link to. */
  public long linkVersion;
  /** How many agency registrations were applied. */
  public long agencyVersion;
  /** How many events were applied. */
  public long events;

  /** What the record keeps per member. */
  public static final class Slot {
    /** The member's id. */
    public MemberId id;
    /** The member as last enrolled, or null before enrolment. */
    public Member member;
    /** The member's version. */
    public long version;
    /** The communities of the member's participation logs, the first one first. */
    public List<CommunityId> logCommunities = new ArrayList<>();
    /** The logs, in the order of {@link #logCommunities}. */
    public List<ParticipationLog> logs = new ArrayList<>();
    public List<CommunityId> contributionCommunities = new ArrayList<>();
    public List<ContributionLog> contributions = new ArrayList<>();
    public long[] upheld = new long[0];
  }

  /** One community's participations per day and (site, core area) cell. */
  public static final class Matrix {
    /** The site of each cell. */
    public List<SiteId> cellSites = new ArrayList<>();
    /** The core area of each cell. */
    public List<CoreAreaId> cellAreas = new ArrayList<>();
    /** The days with counts, ascending. */
    public int[] days = new int[0];
    /** The counts of each day, indexed by cell. */
    public int[][] counts = new int[0][];
    /** All-time counts by cell. */
    public long[] total = new long[0];
  }
}
