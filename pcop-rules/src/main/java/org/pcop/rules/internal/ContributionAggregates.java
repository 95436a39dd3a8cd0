package org.pcop.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.definition.ContributionKind;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.MeasureKind;
import org.pcop.rules.definition.Window;

/**
 * The contribution measures of one engagement-level rule as of one day, kept per member as
 * running aggregates: a counter, or a set of days or counterparties, per distinct count the
 * rule's levels read (a contribution share reads the count of its contributions and the
 * community's count of opportunities, from {@link OpportunityCounts}). A member's aggregates are
 * built once from their contribution log (and, for presentations, their participation log) and
 * then kept up by adding the one contribution or participation an event logs, so that after an
 * event the cost does not grow with the member's history; a log that grew by more than one,
 * another taxonomy (which the core-area filters read), or an activity recorded as carrying out
 * an exchange (when a count filters exchanges by their activities) rebuilds them. The day is
 * fixed, so nothing leaves a window. The same values as {@link ContributionMeasures} computes
 * from the definitions. Not thread-safe.
 */
final class ContributionAggregates {
  /** What makes two measures count the same way; thresholds and caps do not. */
  private record Key(MeasureKind kind, ContributionKind contribution, Window window,
      Set<TopicId> topics, Set<CoreAreaId> coreAreas, Optional<ActivityKind> activityKind,
      Optional<String> series) {}

  /** One count: its kind, its contribution kind and filters, and the first day of its window. */
  private record Count(MeasureKind kind, ContributionKind contribution, int firstDay,
      Measure measure, boolean filtered) {}

  /** What a requirement reads: a count, and for a share the community's opportunities. */
  private record Read(int count, int opportunities, Measure measure) {}

  /** One member's counts, and how much of which logs they have seen. */
  private static final class State {
    ContributionLog log;
    int seen;
    ParticipationLog presentations;
    long version;
    int self = -1;
    final long[] counts;
    final IntSet[] sets;
    final Set<Object>[] parties;

    @SuppressWarnings("unchecked")
    State(List<Count> counts) {
      this.counts = new long[counts.size()];
      this.sets = new IntSet[counts.size()];
      this.parties = new Set[counts.size()];
      for (int c = 0; c < counts.size(); c++) {
        Count count = counts.get(c);
        if (count.kind() == MeasureKind.CONTRIBUTION_COUNTERPARTIES
            && count.contribution().isExchange()) {
          parties[c] = new HashSet<>();
        } else if (count.kind() != MeasureKind.CONTRIBUTIONS) {
          sets[c] = new IntSet();
        }
      }
    }
  }

  private final CommunityId community;
  private final LocalDate day;
  private final int today;
  private final Map<Key, Integer> known = new HashMap<>();
  private final List<Count> counts = new ArrayList<>();
  private final List<Read> reads = new ArrayList<>();
  private final OpportunityCounts opportunities;
  private final Map<MemberId, State> members = new HashMap<>();
  private boolean readsTaxonomy;
  private Taxonomy taxonomy;
  /** Whether a count reads contribution logs (requests and exchanges). */
  private boolean readsContributions;
  /** Whether a count reads presentations from participation logs. */
  private boolean readsPresentations;
  /** Whether a count filters exchanges by the activities carrying them out. */
  private boolean readsCarriers;
  /** How many of the record's activities the members' counts have seen. */
  private int activitiesSeen;

  ContributionAggregates(CommunityId community, LocalDate day) {
    this.community = community;
    this.day = day;
    this.today = (int) day.toEpochDay();
    this.opportunities = new OpportunityCounts(community, today);
  }

  /**
   * Registers a contribution measure.
   *
   * @param measure the measure, of a contribution kind
   * @return what to pass to {@link #value(int, MemberId, EngagementRecord)}
   */
  int add(Measure measure) {
    MeasureKind kind = measure.getKind() == MeasureKind.CONTRIBUTION_SHARE
        ? MeasureKind.CONTRIBUTIONS : measure.getKind();
    ContributionKind contribution = measure.getContribution().get();
    Key key = new Key(kind, contribution, measure.getWindow(), measure.getTopics(),
        measure.getCoreAreas(), measure.getActivityKind(), measure.getSeries());
    int firstDay = OpportunityCounts.firstDay(measure, day);
    Integer count = known.get(key);
    if (count == null) {
      count = counts.size();
      known.put(key, count);
      counts.add(new Count(kind, contribution, firstDay, measure,
          ContributionFilters.filters(measure)));
      members.clear();
    }
    readsTaxonomy |= !measure.getCoreAreas().isEmpty();
    readsPresentations |= contribution.isPresentation();
    readsContributions |= !contribution.isPresentation();
    readsCarriers |= contribution.isExchange()
        && (measure.getActivityKind().isPresent() || measure.getSeries().isPresent());
    int shares = measure.getKind() == MeasureKind.CONTRIBUTION_SHARE
        ? opportunities.add(measure, firstDay) : -1;
    reads.add(new Read(count, shares, measure));
    return reads.size() - 1;
  }

  /** Whether an activity recorded from index {@code from} on carried out an exchange. */
  static boolean carriesOutAny(ActivityTable activities, int from) {
    for (int a = from; a < activities.size(); a++) {
      if (activities.at(a).getExchange().isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A member's value of a registered measure in the record as it is now.
   *
   * @param read what {@link #add(Measure)} returned for the measure
   * @param member the member
   * @param record the record
   * @return the value, as {@link ContributionMeasures#value} computes it
   */
  Measures.Value value(int read, MemberId member, EngagementRecord record) {
    RecordTables state = RecordAccess.state(record);
    Optional<Taxonomy> taxonomy = Optional.empty();
    if (readsTaxonomy) {
      Taxonomy now = state.taxonomy(community);
      if (now != this.taxonomy) {
        members.clear();
        opportunities.clear();
        this.taxonomy = now;
      }
      taxonomy = Optional.ofNullable(now);
    }
    if (readsCarriers && state.activities().size() != activitiesSeen) {
      // An exchange counted may now pass an activity filter it failed.
      if (carriesOutAny(state.activities(), activitiesSeen)) {
        members.clear();
      }
      activitiesSeen = state.activities().size();
    }
    Read what = reads.get(read);
    State counted = state(member, state, taxonomy);
    Count count = counts.get(what.count());
    long n = counted == null ? 0 : count.kind() == MeasureKind.CONTRIBUTIONS
        ? counted.counts[what.count()] : counted.parties[what.count()] != null
        ? counted.parties[what.count()].size() : counted.sets[what.count()].size();
    if (what.opportunities() < 0) {
      return Measures.Value.count(n);
    }
    Measure share = what.measure();
    int held = opportunities.count(what.opportunities(), state, taxonomy);
    long required = Math.min((long) Math.ceil(share.getThreshold() * held - 1e-9),
        share.getCap().orElse(Integer.MAX_VALUE));
    return Measures.Value.of(required <= 0 ? 1.0 : (double) n / required,
        new Measures.Share(n, required, held,
            OpportunityCounts.of(share.getContribution().get())));
  }

  /** The member's counts, brought up to their logs; null when they have neither. */
  private State state(MemberId member, RecordTables state, Optional<Taxonomy> taxonomy) {
    ContributionLog log = readsContributions ? state.contributions(member, community) : null;
    ParticipationLog presentations = readsPresentations ? state.log(member, community) : null;
    if (log == null && presentations == null) {
      return null;
    }
    int size = log == null ? 0 : log.size();
    long version = presentations == null ? 0 : presentations.version();
    State counted = members.get(member);
    if (counted != null && counted.log == log && counted.presentations == presentations) {
      if (counted.seen == size && counted.version == version) {
        return counted;
      }
      if (counted.seen == size - 1 && counted.version == version) {
        fold(counted, log.lastPosition(), member, state, taxonomy);
        counted.seen = size;
        return counted;
      }
      if (counted.seen == size && counted.version == version - 1) {
        present(counted, presentations.lastPosition(), state, taxonomy);
        counted.version = version;
        return counted;
      }
    }
    counted = new State(counts);
    counted.log = log;
    counted.presentations = presentations;
    int first = Integer.MAX_VALUE;
    for (Count count : counts) {
      first = Math.min(first, count.firstDay());
    }
    for (int i = log == null ? size : log.firstOnOrAfter(first); i < size; i++) {
      fold(counted, i, member, state, taxonomy);
    }
    if (presentations != null) {
      for (int i = presentations.firstOnOrAfter(first); i < presentations.size(); i++) {
        present(counted, i, state, taxonomy);
      }
    }
    counted.seen = size;
    counted.version = version;
    members.put(member, counted);
    return counted;
  }

  /** Adds the member's {@code i}-th participation to every count of presentations it is in. */
  private void present(State counted, int i, RecordTables state, Optional<Taxonomy> taxonomy) {
    ParticipationLog log = counted.presentations;
    int day = log.day(i);
    if (day > today || log.kind(i) != ParticipationKind.PRESENTED) {
      return;
    }
    ActivityTable activities = state.activities();
    int activity = log.activity(i);
    for (int c = 0; c < counts.size(); c++) {
      Count count = counts.get(c);
      if (!count.contribution().isPresentation() || day < count.firstDay()
          || (count.filtered() && !ContributionFilters.activity(count.measure(),
              activities.at(activity), taxonomy))) {
        continue;
      }
      switch (count.kind()) {
        case CONTRIBUTIONS:
          counted.counts[c]++;
          break;
        case CONTRIBUTION_DAYS:
          counted.sets[c].add(day);
          break;
        default:
          if (activities.hostSite(activity) >= 0) {
            counted.sets[c].add(activities.hostSite(activity));
          }
          break;
      }
    }
  }

  /** Adds the member's {@code i}-th contribution to every count it belongs to. */
  private void fold(State counted, int i, MemberId member, RecordTables state,
      Optional<Taxonomy> taxonomy) {
    ContributionLog log = counted.log;
    int day = log.day(i);
    if (day > today) {
      return;
    }
    ContributionKind kind = log.kind(i);
    for (int c = 0; c < counts.size(); c++) {
      Count count = counts.get(c);
      if (count.contribution() != kind || day < count.firstDay()) {
        continue;
      }
      if (kind.isExchange()) {
        Exchange exchange = state.contributionExchange(log.topic(i));
        if (count.filtered()
            && !ContributionFilters.exchange(count.measure(), exchange, state.activities())) {
          continue;
        }
        if (count.kind() == MeasureKind.CONTRIBUTION_COUNTERPARTIES) {
          if (kind == ContributionKind.EXCHANGE_HOSTED) {
            counted.parties[c].addAll(exchange.getVisitingAgencies());
          } else {
            counted.parties[c].add(exchange.getHostSite());
          }
          continue;
        }
      } else if (count.filtered()
          && !ContributionFilters.request(count.measure(), state.topic(log.topic(i)),
              taxonomy)) {
        continue;
      }
      switch (count.kind()) {
        case CONTRIBUTIONS:
          counted.counts[c]++;
          break;
        case CONTRIBUTION_DAYS:
          counted.sets[c].add(day);
          break;
        default: {
          int party = log.counterparty(i);
          if (party >= 0 && counted.self < 0) {
            // A member gets a number when a contribution first names them, never later than
            // a contribution that names them, so an unnumbered member is no one's counterparty.
            counted.self = state.counterpartyNumber(member);
          }
          if (party >= 0 && party != counted.self) {
            counted.sets[c].add(party);
          }
          break;
        }
      }
    }
  }
}
