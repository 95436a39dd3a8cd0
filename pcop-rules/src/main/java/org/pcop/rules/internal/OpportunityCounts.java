package org.pcop.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcop.model.CommunityId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.rules.definition.ContributionKind;
import org.pcop.rules.definition.Measure;

/**
 * What the contribution shares of one engagement-level rule require, as of one day: per share,
 * the community's requests posted, exchanges held or activities held (by their start) in its
 * window that pass its filters ({@link ContributionFilters}), the same for every member. Each
 * count is built once, from the community's log of requests and exchanges and from the record's
 * activities, and then kept up by adding the one request, exchange or activity an event adds; a
 * log that grew by more than one, another taxonomy, or an activity recorded as carrying out an
 * exchange (when a share filters exchanges by their activities) rebuilds it. The day is fixed,
 * so nothing leaves a window. Holds no reference to the record beyond the log it last read. Not
 * thread-safe.
 */
final class OpportunityCounts {
  /** What makes two shares require from the same opportunities; thresholds and caps do not. */
  private record Key(ContributionKind of, int firstDay, Set<TopicId> topics,
      Set<CoreAreaId> coreAreas, Optional<ActivityKind> activityKind, Optional<String> series) {}

  private final CommunityId community;
  private final int today;
  private final Map<Key, Integer> known = new HashMap<>();
  private final List<Measure> measures = new ArrayList<>();
  private final List<Key> keys = new ArrayList<>();
  private int[] counts = new int[0];
  private ContributionLog seenLog;
  private int seen = -1;
  /** How many of the record's activities the counts have seen. */
  private int activitiesSeen;
  /** Whether a share counts activities held (a share of presentations). */
  private boolean readsActivities;
  /** Whether a share filters exchanges by the activities carrying them out. */
  private boolean readsCarriers;

  OpportunityCounts(CommunityId community, int today) {
    this.community = community;
    this.today = today;
  }

  /**
   * The count a contribution share reads.
   *
   * @param share the share measure
   * @param firstDay the first epoch day of its window, {@link Integer#MIN_VALUE} for all time
   * @return the count's number
   */
  int add(Measure share, int firstDay) {
    ContributionKind kind = share.getContribution().get();
    Key key = new Key(of(kind), firstDay, share.getTopics(), share.getCoreAreas(),
        share.getActivityKind(), share.getSeries());
    Integer number = known.get(key);
    if (number == null) {
      number = keys.size();
      known.put(key, number);
      keys.add(key);
      measures.add(share);
      counts = new int[keys.size()];
      seen = -1;
      readsActivities |= kind.isPresentation();
      readsCarriers |= kind.isExchange()
          && (share.getActivityKind().isPresent() || share.getSeries().isPresent());
    }
    return number;
  }

  /**
   * What a share of {@code kind} is a share of: requests posted, exchanges held (as
   * {@link ContributionKind#EXCHANGE_HOSTED}) or activities held (as
   * {@link ContributionKind#PRESENTATION_GIVEN}).
   */
  static ContributionKind of(ContributionKind kind) {
    return kind.isExchange() ? ContributionKind.EXCHANGE_HOSTED
        : kind.isPresentation() ? ContributionKind.PRESENTATION_GIVEN
        : ContributionKind.REQUEST_POSTED;
  }

  /** Forgets every count: the taxonomy the filters read has changed. */
  void clear() {
    seen = -1;
  }

  /**
   * The opportunities of count {@code number} in the record as it is now.
   *
   * @param number the count's number, from {@link #add(Measure, int)}
   * @param state the record's tables
   * @param taxonomy the community's taxonomy
   * @return the count
   */
  int count(int number, RecordTables state, Optional<Taxonomy> taxonomy) {
    ContributionLog log = state.opportunities(community);
    int size = log == null ? 0 : log.size();
    ActivityTable activities = state.activities();
    int recorded = activities.size();
    if (seen >= 0 && readsCarriers && recorded != activitiesSeen
        && ContributionAggregates.carriesOutAny(activities, activitiesSeen)) {
      seen = -1;
    }
    if (log != seenLog || size != seen) {
      if (log == seenLog && seen >= 0 && size == seen + 1) {
        fold(log, log.lastPosition(), state, taxonomy);
      } else {
        java.util.Arrays.fill(counts, 0);
        activitiesSeen = 0;
        int first = Integer.MAX_VALUE;
        for (Key key : keys) {
          first = Math.min(first, key.firstDay());
        }
        for (int i = log == null ? 0 : log.firstOnOrAfter(first); i < size; i++) {
          fold(log, i, state, taxonomy);
        }
      }
      seenLog = log;
      seen = size;
    }
    if (readsActivities) {
      for (int a = activitiesSeen; a < recorded; a++) {
        foldActivity(activities.at(a), state, taxonomy);
      }
    }
    activitiesSeen = recorded;
    return counts[number];
  }

  private void fold(ContributionLog log, int i, RecordTables state,
      Optional<Taxonomy> taxonomy) {
    int day = log.day(i);
    if (day > today) {
      return;
    }
    ContributionKind kind = log.kind(i);
    for (int k = 0; k < keys.size(); k++) {
      Key key = keys.get(k);
      if (key.of() != kind || day < key.firstDay()) {
        continue;
      }
      Measure measure = measures.get(k);
      if (ContributionFilters.filters(measure) && (kind.isExchange()
          ? !ContributionFilters.exchange(measure, state.contributionExchange(log.topic(i)),
              state.activities())
          : !ContributionFilters.request(measure, state.topic(log.topic(i)), taxonomy))) {
        continue;
      }
      counts[k]++;
    }
  }

  /** Counts an activity held in the community for the shares of presentations it passes. */
  private void foldActivity(Activity activity, RecordTables state,
      Optional<Taxonomy> taxonomy) {
    if (!activity.getCommunity().equals(community)) {
      return;
    }
    long day = state.epochDay(community, activity.getStartsAt());
    if (day > today) {
      return;
    }
    for (int k = 0; k < keys.size(); k++) {
      Key key = keys.get(k);
      if (key.of() == ContributionKind.PRESENTATION_GIVEN && day >= key.firstDay()
          && ContributionFilters.activity(measures.get(k), activity, taxonomy)) {
        counts[k]++;
      }
    }
  }

  /** The first epoch day of a window as of {@code today}, {@link Integer#MIN_VALUE} for all time. */
  static int firstDay(Measure measure, LocalDate today) {
    LocalDate first = measure.getWindow().firstDay(today);
    return first.equals(LocalDate.MIN) ? Integer.MIN_VALUE
        : (int) Math.max(Integer.MIN_VALUE, first.toEpochDay());
  }
}
