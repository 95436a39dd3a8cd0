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
import org.pcop.model.activity.Exchange;
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
 * built once from their contribution log and then kept up by adding the one contribution an
 * event logs, so that after an event the cost does not grow with the member's history; a log
 * that grew by more than one, or another taxonomy (which the core-area filters read), rebuilds
 * them. The day is fixed, so nothing leaves a window. The same values as {@link Measures}
 * computes from the definitions. Not thread-safe.
 */
final class ContributionAggregates {
  /** What makes two measures count the same way; thresholds and caps do not. */
  private record Key(MeasureKind kind, ContributionKind contribution, Window window,
      Set<TopicId> topics, Set<CoreAreaId> coreAreas) {}

  /** One count: its kind, its contribution kind and filters, and the first day of its window. */
  private record Count(MeasureKind kind, ContributionKind contribution, int firstDay,
      Measure measure, boolean filtered) {}

  /** What a requirement reads: a count, and for a share the community's opportunities. */
  private record Read(int count, int opportunities, Measure measure) {}

  /** One member's counts, and how much of which log they have seen. */
  private static final class State {
    ContributionLog log;
    int seen;
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
    Key key = new Key(kind, measure.getContribution().get(), measure.getWindow(),
        measure.getTopics(), measure.getCoreAreas());
    int firstDay = OpportunityCounts.firstDay(measure, day);
    Integer count = known.get(key);
    if (count == null) {
      count = counts.size();
      known.put(key, count);
      counts.add(new Count(kind, key.contribution(), firstDay, measure,
          !measure.getTopics().isEmpty() || !measure.getCoreAreas().isEmpty()));
      members.clear();
    }
    readsTaxonomy |= !measure.getCoreAreas().isEmpty();
    int shares = measure.getKind() == MeasureKind.CONTRIBUTION_SHARE
        ? opportunities.add(measure, firstDay) : -1;
    reads.add(new Read(count, shares, measure));
    return reads.size() - 1;
  }

  /**
   * A member's value of a registered measure in the record as it is now.
   *
   * @param read what {@link #add(Measure)} returned for the measure
   * @param member the member
   * @param record the record
   * @return the value, as {@link Measures#measure} computes it
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

  /** The member's counts, brought up to their log; null when they have no log. */
  private State state(MemberId member, RecordTables state, Optional<Taxonomy> taxonomy) {
    ContributionLog log = state.contributions(member, community);
    if (log == null) {
      return null;
    }
    State counted = members.get(member);
    if (counted != null && counted.log == log && counted.seen == log.size()) {
      return counted;
    }
    if (counted != null && counted.log == log && counted.seen == log.size() - 1) {
      fold(counted, log.lastPosition(), member, state, taxonomy);
    } else {
      counted = new State(counts);
      counted.log = log;
      int first = Integer.MAX_VALUE;
      for (Count count : counts) {
        first = Math.min(first, count.firstDay());
      }
      for (int i = log.firstOnOrAfter(first); i < log.size(); i++) {
        fold(counted, i, member, state, taxonomy);
      }
      members.put(member, counted);
    }
    counted.seen = log.size();
    return counted;
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
        if (count.filtered() && !count.measure().getCoreAreas().stream()
            .anyMatch(exchange.getCoreAreas()::contains)) {
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
          && !Measures.about(count.measure(), state.topic(log.topic(i)), taxonomy)) {
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
