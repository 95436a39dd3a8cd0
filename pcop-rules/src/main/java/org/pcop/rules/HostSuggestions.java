package org.pcop.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.Site;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.Schedule;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.ExchangePolicyRule;

/**
 * Which site should host a requested exchange: a pure function of the record, the exchange, the
 * time, the community's exchange policy and the {@link HostWeights}, ranking every registered
 * site but those of the visiting agencies, with a score and the factors behind it.
 *
 * <p><b>What counts</b>, each scaled by its weight: the site's demonstrated practice in the
 * exchange's core areas (participations in them by the site's members in the last 365 days,
 * exchanges it hosted and held in them, and those with a follow-up report); the exchanges in
 * them other visitors have asked of it and it has not held yet (neither declined nor
 * cancelled), which show where visitors already turn before any of them is held; the host
 * capacity the policy leaves it in the exchange's period and the travel funding its cap leaves
 * in the exchange's federal fiscal year, counted as the exchange policy rule counts them
 * (declined and cancelled exchanges do not count); and past pairings, preferring a site that has
 * never hosted a visiting agency before. Ties are broken by site id.
 */
public final class HostSuggestions {
  private HostSuggestions() {}

  /**
   * Ranks the sites that could host a requested exchange, best first.
   *
   * @param record the record
   * @param exchange the exchange, in state {@link ExchangeState#REQUESTED}
   * @param now the time of the ranking
   * @param policy the community's exchange policy, if it has one (capacity and funding)
   * @param weights the weights
   * @param limit the most suggestions to return, 1 or more
   * @return the suggestions, best first, at most {@code limit}
   * @throws InvalidValueException if the exchange is unknown or past its request, or the limit
   *     is below 1
   */
  public static List<HostSuggestion> forExchange(EngagementRecord record, ExchangeId exchange,
      Instant now, Optional<ExchangePolicyRule> policy, HostWeights weights, int limit) {
    InvalidValueException.check(record != null && exchange != null && now != null
        && policy != null && weights != null, "HostSuggestions", "arguments",
        "must not be null");
    InvalidValueException.check(limit >= 1, "HostSuggestions", "limit",
        "must be 1 or more, got %d", limit);
    Exchange requested = record.exchange(exchange).orElseThrow(() -> new InvalidValueException(
        "HostSuggestions.exchange: no exchange " + exchange));
    InvalidValueException.check(requested.getState() == ExchangeState.REQUESTED,
        "HostSuggestions", "exchange", "%s is %s; only a requested exchange gets host"
            + " suggestions", exchange, requested.getState());
    CommunityId community = requested.getCommunity();
    ZoneId zone = record.community(community).orElseThrow().getTimeZone();
    LocalDate today = LocalDate.ofInstant(now, zone);
    Map<SiteId, Map<CoreAreaId, Long>> matrix = record.participationMatrix(community,
        today.minusDays(364), today);
    Set<SiteId> visitingSites = new HashSet<>();
    for (AgencyId visitor : requested.getVisitingAgencies()) {
      record.agency(visitor).flatMap(Agency::getSite).ifPresent(visitingSites::add);
    }
    List<HostSuggestion> ranked = new ArrayList<>();
    for (Site site : record.sites()) {
      if (!visitingSites.contains(site.getId())) {
        ranked.add(score(record, requested, site.getId(), zone, today,
            matrix.getOrDefault(site.getId(), Map.of()), policy, weights));
      }
    }
    ranked.sort(Comparator.comparingDouble(HostSuggestion::score).reversed()
        .thenComparing(HostSuggestion::site));
    return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
  }

  private static boolean counts(Exchange e) {
    return e.getState() != ExchangeState.DECLINED && e.getState() != ExchangeState.CANCELLED;
  }

  private static LocalDate periodStart(CalendarPeriod period, Exchange exchange, ZoneId zone) {
    LocalDate day = exchange.getSchedule().map(Schedule::getFirstDay)
        .orElse(LocalDate.ofInstant(exchange.getRequestedAt(), zone));
    return period.start(day);
  }

  private static HostSuggestion score(EngagementRecord record, Exchange requested, SiteId site,
      ZoneId zone, LocalDate today, Map<CoreAreaId, Long> practiced,
      Optional<ExchangePolicyRule> policy, HostWeights w) {
    Set<CoreAreaId> areas = requested.getCoreAreas();
    String areaNames = new TreeSet<>(areas.stream().map(CoreAreaId::value).toList()).toString();
    List<SuggestionFactor> factors = new ArrayList<>();
    long participations = 0;
    for (CoreAreaId area : areas) {
      participations += practiced.getOrDefault(area, 0L);
    }
    if (participations > 0) {
      add(factors, "practice", participations + " participation(s) in " + areaNames
          + " by the site's members since " + today.minusDays(364),
          w.practice() * Math.min(participations, w.practiceCap()));
    }
    CalendarPeriod period = policy.map(ExchangePolicyRule::getCapacityPeriod)
        .orElse(CalendarPeriod.QUARTER);
    LocalDate periodStart = periodStart(period, requested, zone);
    int fiscalYear = CalendarPeriod.fiscalYear(LocalDate.ofInstant(requested.getRequestedAt(),
        zone));
    int hosted = 0;
    int reported = 0;
    int asked = 0;
    int pairings = 0;
    int inPeriod = 0;
    BigDecimal charged = BigDecimal.ZERO;
    for (Exchange other : record.exchangesHostedBy(requested.getCommunity(), site)) {
      if (other.getId().equals(requested.getId()) || !counts(other)) {
        continue;
      }
      if (other.getCoreAreas().stream().anyMatch(areas::contains)) {
        if (other.getHeldOn().isPresent()) {
          hosted++;
          if (other.getReport().isPresent()) {
            reported++;
          }
        } else {
          asked++;
        }
      }
      if (other.getVisitingAgencies().stream()
          .anyMatch(requested.getVisitingAgencies()::contains)) {
        pairings++;
      }
      if (periodStart(period, other, zone).equals(periodStart)) {
        inPeriod++;
      }
      if (CalendarPeriod.fiscalYear(LocalDate.ofInstant(other.getRequestedAt(), zone))
          == fiscalYear) {
        charged = charged.add(other.getTravelFunding().orElse(BigDecimal.ZERO));
      }
    }
    if (hosted > 0) {
      add(factors, "hosted", hosted + " exchange(s) hosted and held in " + areaNames,
          w.hosted() * Math.min(hosted, w.hostedCap()));
    }
    if (reported > 0) {
      add(factors, "reported", reported + " of them with a follow-up report",
          w.reported() * Math.min(reported, w.hostedCap()));
    }
    if (asked > 0) {
      add(factors, "asked", asked + " more exchange(s) in " + areaNames
          + " asked of the site, not yet held",
          w.asked() * Math.min(asked, w.hostedCap()));
    }
    String periodName = period.name().toLowerCase(Locale.ROOT);
    Optional<Integer> capacity = policy.flatMap(ExchangePolicyRule::getHostCapacity);
    if (capacity.isPresent()) {
      int cap = capacity.get();
      if (inPeriod >= cap) {
        add(factors, "capacity", "already hosts " + inPeriod + " of " + cap + " exchanges in the "
            + periodName + " from " + periodStart, -w.atCapacity());
      } else {
        add(factors, "capacity", (cap - inPeriod) + " of " + cap + " hosting places left in the "
            + periodName + " from " + periodStart, w.capacityLeft() * (cap - inPeriod) / cap);
      }
    }
    Optional<BigDecimal> fundingCap = policy.flatMap(ExchangePolicyRule::getTravelFundingCap);
    if (fundingCap.isPresent()) {
      BigDecimal cap = fundingCap.get();
      BigDecimal after = charged.add(requested.getTravelFunding().orElse(BigDecimal.ZERO));
      if (after.compareTo(cap) > 0) {
        add(factors, "funding", "travel funding would reach " + after.toPlainString()
            + " USD in FY" + fiscalYear + ", above the cap of " + cap.toPlainString(),
            -w.overFunding());
      } else if (cap.signum() > 0) {
        BigDecimal left = cap.subtract(after);
        add(factors, "funding", left.toPlainString() + " of " + cap.toPlainString()
            + " USD travel funding left in FY" + fiscalYear + " after this exchange",
            w.fundingLeft() * left.divide(cap, MathContext.DECIMAL64).doubleValue());
      }
    }
    if (pairings == 0) {
      add(factors, "pairing", "no earlier exchange with "
          + new TreeSet<>(requested.getVisitingAgencies()), w.newPairing());
    } else {
      add(factors, "pairing", pairings + " earlier exchange(s) with "
          + new TreeSet<>(requested.getVisitingAgencies()),
          -w.pastPairing() * Math.min(pairings, w.hostedCap()));
    }
    factors.sort(Comparator.comparingDouble((SuggestionFactor f) ->
        -Math.abs(f.points())).thenComparing(SuggestionFactor::name));
    double score = 0;
    for (SuggestionFactor factor : factors) {
      score += factor.points();
    }
    return new HostSuggestion(site, score, factors);
  }

  private static void add(List<SuggestionFactor> factors, String name, String fact,
      double points) {
    if (points != 0) {
      factors.add(new SuggestionFactor(name, fact, points));
    }
  }
}
