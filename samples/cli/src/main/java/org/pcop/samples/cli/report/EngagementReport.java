package org.pcop.samples.cli.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.Community;
import org.pcop.model.ExchangeId;
import org.pcop.model.MemberId;
import org.pcop.model.RfiId;
import org.pcop.model.SiteId;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.rules.AnswererSuggestion;
import org.pcop.rules.HostSuggestion;
import org.pcop.rules.RuleResult;
import org.pcop.rules.ServiceLevelBreach;

/**
 * What the default rule set says about a community as of an instant, with the names needed to
 * show it. Built by {@link EngagementReports#of}; rendered by {@link TextReport} and
 * {@link HtmlReport}. Every list is in a stable order, so the same log gives the same report.
 */
@Value.Immutable
public interface EngagementReport {
  /** The name shown for members who meet no level. */
  String NO_LEVEL = "none";

  /**
   * The community reported on.
   *
   * @return the community
   */
  Community getCommunity();

  /**
   * The instant the rules were evaluated as of.
   *
   * @return the instant
   */
  Instant getAsOf();

  /**
   * How many events the log holds.
   *
   * @return the count
   */
  long getEventCount();

  /**
   * The level names from lowest to highest, then {@link #NO_LEVEL}.
   *
   * @return the level names
   */
  List<String> getLevelNames();

  /**
   * Every member of the community with the level the rules give them as of the report.
   *
   * @return the members, by id
   */
  List<MemberLevel> getMembers();

  /**
   * How many members held each level at the end of each month up to the report, from the level
   * changes recorded in the log.
   *
   * @return one snapshot per month end, oldest first
   */
  List<LevelSnapshot> getLevelHistory();

  /**
   * The service-level breaches: late first responses to requests for information, late exchange
   * approvals, late follow-up reports.
   *
   * @return the breaches in the evaluation's order
   */
  List<ServiceLevelBreach> getBreaches();

  /**
   * What is due soon: service levels not yet met whose due time is near enough for a warning,
   * soonest first.
   *
   * @return the obligations due soon
   */
  List<DueSoon> getDueSoon();

  /**
   * Memberships that are dormant, or that the rules make dormant as of the report.
   *
   * @return the dormant memberships, by member
   */
  List<DormantMembership> getDormant();

  /**
   * The coverage results that failed: sites without an active member, core areas short of
   * experts, and topics with open requests and no expert (knowledge gaps).
   *
   * @return the failed coverage results
   */
  List<RuleResult> getGaps();

  /**
   * Participations by site and core area over the coverage rule's window.
   *
   * @return the counts, by site then core area
   */
  Map<SiteId, Map<CoreAreaId, Long>> getMatrix();

  /**
   * The first-response times of the requests for information, oldest first.
   *
   * @return the timings
   */
  List<RfiTiming> getRfiTimings();

  /**
   * Display names of sites.
   *
   * @return the names by id
   */
  Map<SiteId, String> getSiteNames();

  /**
   * Display names of core areas, in the taxonomy's order.
   *
   * @return the names by id
   */
  Map<CoreAreaId, String> getCoreAreaNames();

  /**
   * Display names of members.
   *
   * @return the names by id
   */
  Map<MemberId, String> getMemberNames();

  /**
   * A member and their level.
   *
   * @param member the member
   * @param level the level's name, or {@link #NO_LEVEL}
   */
  record MemberLevel(MemberId member, String level) {}

  /**
   * How many members held each level at a month end.
   *
   * @param day the last day of the month
   * @param counts the count per level name, {@link #NO_LEVEL} included
   */
  record LevelSnapshot(LocalDate day, Map<String, Long> counts) {
    /**
     * Copies the counts.
     *
     * @param day the last day of the month
     * @param counts the count per level name
     */
    public LevelSnapshot {
      counts = Map.copyOf(counts);
    }
  }

  /**
   * A dormant membership.
   *
   * @param member the member
   * @param site the member's site, if any
   * @param since when it became dormant, or empty if the rules make it dormant only now
   * @param lastParticipation the member's last day of participation, if any
   */
  record DormantMembership(MemberId member, Optional<SiteId> site, Optional<Instant> since,
      Optional<LocalDate> lastParticipation) {}

  /**
   * A service level due soon.
   *
   * @param subject the request or exchange
   * @param obligation what is due
   * @param dueAt when it is due
   * @param owedBy who owes it, in id order
   */
  record DueSoon(org.pcop.rules.Subject subject, String obligation, Instant dueAt,
      List<MemberId> owedBy) {}

  /**
   * The first-response time of a request for information.
   *
   * @param rfi the request
   * @param topic its topic
   * @param postedAt when it was posted
   * @param firstResponse how long the first response took; empty if none came
   * @param breached whether the first-response service level was breached
   * @param dueAt when the first response was due under the service level, if there is one
   */
  record RfiTiming(RfiId rfi, TopicId topic, Instant postedAt, Optional<Duration> firstResponse,
      boolean breached, Optional<Instant> dueAt) {}

  /**
   * What people read for a rule result's subject: a request's question, an exchange's purpose,
   * a site's or core area's name, a member's name; a subject missing here reads as its id.
   *
   * @return the titles by subject
   */
  Map<org.pcop.rules.Subject, String> getSubjectTitles();

  /**
   * The window the site by core-area matrix counts participations over, in words.
   *
   * @return the window, if known
   */
  Optional<String> getMatrixWindow();

  /**
   * The first-response service level of requests for information, in words.
   *
   * @return the service level, if the rule set has one
   */
  Optional<String> getFirstResponseLevel();

  /**
   * Who should answer each open request for information posted by the report's instant, oldest
   * first: the best {@link EngagementReports#SUGGESTIONS} members as {@code pcop suggest --rfi}
   * ranks them as of the report.
   *
   * @return the suggestions, by request
   */
  List<AnswerersFor> getAnswerers();

  /**
   * Which sites should host each exchange requested by the report's instant and not yet
   * approved (its host is only proposed), oldest first: the best
   * {@link EngagementReports#SUGGESTIONS} sites as {@code pcop suggest --exchange} ranks them as
   * of the report.
   *
   * @return the suggestions, by exchange
   */
  List<HostsFor> getHosts();

  /**
   * The suggested answerers of an open request.
   *
   * @param rfi the request
   * @param topic its topic
   * @param suggestions the members, best first
   */
  record AnswerersFor(RfiId rfi, TopicId topic, List<AnswererSuggestion> suggestions) {
    /**
     * Copies the suggestions.
     *
     * @param rfi the request
     * @param topic its topic
     * @param suggestions the members, best first
     */
    public AnswerersFor {
      suggestions = List.copyOf(suggestions);
    }
  }

  /**
   * The suggested hosts of a requested exchange.
   *
   * @param exchange the exchange
   * @param proposedHost the host site named in the request, not yet approved
   * @param suggestions the sites, best first
   */
  record HostsFor(ExchangeId exchange, SiteId proposedHost, List<HostSuggestion> suggestions) {
    /**
     * Copies the suggestions.
     *
     * @param exchange the exchange
     * @param proposedHost the host site named in the request
     * @param suggestions the sites, best first
     */
    public HostsFor {
      suggestions = List.copyOf(suggestions);
    }
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableEngagementReport.Builder builder() {
    return ImmutableEngagementReport.builder();
  }
}
