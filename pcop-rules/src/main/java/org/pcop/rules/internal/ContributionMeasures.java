package org.pcop.rules.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.definition.ContributionKind;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.MeasureKind;

/**
 * Computes a contribution measure of one member's record directly from its definition, reading
 * the member's contribution log (requests and exchanges) or participation log (presentations)
 * and, for a share, the community's opportunities. The engagement-level kind reads running
 * aggregates instead ({@link ContributionAggregates}), which the tests hold to this definition.
 */
final class ContributionMeasures {
  private ContributionMeasures() {}

  /**
   * Counts a member's contributions of the measure's kind from {@code first} to {@code today}:
   * each, their distinct days, or their distinct counterparties (never the member), passing the
   * measure's filters ({@link ContributionFilters}); or for a share, the count against what the
   * community's opportunities in the window require.
   */
  static Measures.Value value(Measure measure, MemberId member, CommunityId community,
      EngagementRecord record, ZoneId zone, LocalDate first, LocalDate today) {
    RecordTables state = RecordAccess.state(record);
    int from = first.equals(LocalDate.MIN) ? Integer.MIN_VALUE
        : (int) Math.max(Integer.MIN_VALUE, first.toEpochDay());
    int to = (int) today.toEpochDay();
    Optional<Taxonomy> taxonomy = ContributionFilters.filters(measure)
        ? record.taxonomy(community) : Optional.empty();
    if (measure.getKind() == MeasureKind.CONTRIBUTION_SHARE) {
      return share(measure, member, community, record, zone, first, today, taxonomy);
    }
    if (measure.getContribution().get().isPresentation()) {
      return presentations(measure, state.log(member, community), state.activities(), from, to,
          taxonomy);
    }
    ContributionLog log = state.contributions(member, community);
    if (log == null) {
      return Measures.Value.count(0);
    }
    ContributionKind kind = measure.getContribution().get();
    boolean filtered = ContributionFilters.filters(measure);
    int self = state.counterpartyNumber(member);
    long n = 0;
    IntSet seen = new IntSet(false);
    Set<Object> parties = kind.isExchange() ? new HashSet<>() : null;
    for (int i = log.firstOnOrAfter(from); i < log.size() && log.day(i) <= to; i++) {
      if (log.kind(i) != kind) {
        continue;
      }
      if (kind.isExchange()) {
        Exchange exchange = state.contributionExchange(log.topic(i));
        if (filtered && !ContributionFilters.exchange(measure, exchange, state.activities())) {
          continue;
        }
        if (measure.getKind() == MeasureKind.CONTRIBUTION_COUNTERPARTIES) {
          if (kind == ContributionKind.EXCHANGE_HOSTED) {
            parties.addAll(exchange.getVisitingAgencies());
          } else {
            parties.add(exchange.getHostSite());
          }
          continue;
        }
      } else if (filtered
          && !ContributionFilters.request(measure, state.topic(log.topic(i)), taxonomy)) {
        continue;
      }
      switch (measure.getKind()) {
        case CONTRIBUTIONS:
          n++;
          break;
        case CONTRIBUTION_DAYS:
          seen.add(log.day(i));
          break;
        default:
          if (log.counterparty(i) >= 0 && log.counterparty(i) != self) {
            seen.add(log.counterparty(i));
          }
          break;
      }
    }
    return Measures.Value.count(measure.getKind() == MeasureKind.CONTRIBUTIONS ? n
        : parties != null && measure.getKind() == MeasureKind.CONTRIBUTION_COUNTERPARTIES
            ? parties.size() : seen.size());
  }

  /**
   * Presentations given from {@code from} to {@code to}: participations of kind
   * {@code PRESENTED} in activities that pass the filters; each, their distinct days, or the
   * distinct host sites of the activities.
   */
  private static Measures.Value presentations(Measure measure, ParticipationLog log,
      ActivityTable activities, int from, int to, Optional<Taxonomy> taxonomy) {
    if (log == null) {
      return Measures.Value.count(0);
    }
    boolean filtered = ContributionFilters.filters(measure);
    long n = 0;
    IntSet seen = new IntSet(false);
    for (int i = log.firstOnOrAfter(from); i < log.size() && log.day(i) <= to; i++) {
      if (log.kind(i) != ParticipationKind.PRESENTED) {
        continue;
      }
      int activity = log.activity(i);
      if (filtered
          && !ContributionFilters.activity(measure, activities.at(activity), taxonomy)) {
        continue;
      }
      switch (measure.getKind()) {
        case CONTRIBUTIONS:
          n++;
          break;
        case CONTRIBUTION_DAYS:
          seen.add(log.day(i));
          break;
        default:
          if (activities.hostSite(activity) >= 0) {
            seen.add(activities.hostSite(activity));
          }
          break;
      }
    }
    return Measures.Value.count(measure.getKind() == MeasureKind.CONTRIBUTIONS ? n
        : seen.size());
  }

  /**
   * A share: the member's contributions counted as {@link MeasureKind#CONTRIBUTIONS} against
   * {@code min(ceil(threshold x N), cap)}, where N counts the community's requests posted,
   * exchanges held or activities held (by their start) in the window that pass the filters.
   */
  private static Measures.Value share(Measure measure, MemberId member, CommunityId community,
      EngagementRecord record, ZoneId zone, LocalDate first, LocalDate today,
      Optional<Taxonomy> taxonomy) {
    RecordTables state = RecordAccess.state(record);
    ContributionKind kind = measure.getContribution().get();
    Measure count = Measure.builder().from(measure).kind(MeasureKind.CONTRIBUTIONS)
        .threshold(0).cap(Optional.empty()).build();
    long n = (long) value(count, member, community, record, zone, first, today).number();
    boolean filtered = ContributionFilters.filters(measure);
    int opportunities = 0;
    if (kind.isPresentation()) {
      Instant from = first.equals(LocalDate.MIN) ? Instant.MIN
          : first.atStartOfDay(zone).toInstant();
      Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
      for (Activity activity : state.activities().starting(community,
          measure.getActivityKind().orElse(null), measure.getSeries().orElse(null), from, to)) {
        if (!filtered || ContributionFilters.activity(measure, activity, taxonomy)) {
          opportunities++;
        }
      }
    } else {
      int fromDay = first.equals(LocalDate.MIN) ? Integer.MIN_VALUE
          : (int) Math.max(Integer.MIN_VALUE, first.toEpochDay());
      int toDay = (int) today.toEpochDay();
      ContributionLog all = state.opportunities(community);
      ContributionKind of = OpportunityCounts.of(kind);
      for (int i = all == null ? 0 : all.firstOnOrAfter(fromDay);
          all != null && i < all.size() && all.day(i) <= toDay; i++) {
        if (all.kind(i) != of) {
          continue;
        }
        if (filtered && (kind.isExchange()
            ? !ContributionFilters.exchange(measure, state.contributionExchange(all.topic(i)),
                state.activities())
            : !ContributionFilters.request(measure, state.topic(all.topic(i)), taxonomy))) {
          continue;
        }
        opportunities++;
      }
    }
    long required = Math.min((long) Math.ceil(measure.getThreshold() * opportunities - 1e-9),
        measure.getCap().orElse(Integer.MAX_VALUE));
    return Measures.Value.of(required <= 0 ? 1.0 : (double) n / required,
        new Measures.Share(n, required, opportunities, OpportunityCounts.of(kind)));
  }
}
