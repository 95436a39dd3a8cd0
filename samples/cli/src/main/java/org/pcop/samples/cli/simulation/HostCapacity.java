package org.pcop.samples.cli.simulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcop.model.SiteId;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.samples.cli.community.DemoCommunity;

/**
 * What each site of the demo can still host under the default rule set's exchange policy, as
 * {@link YearSimulation} plans exchanges: the exchanges planned per site and capacity period, and
 * the travel funding granted per site and fiscal year.
 */
final class HostCapacity {
  /** The exchange policy of the default rule set, which the planned exchanges keep to. */
  private static final ExchangePolicyRule POLICY = DefaultRules.forCommunity(
      DemoCommunity.COMMUNITY).getRules().stream().filter(ExchangePolicyRule.class::isInstance)
      .map(ExchangePolicyRule.class::cast).findFirst().orElseThrow();

  /** The most days between an exchange's request and its last day in the plan. */
  private static final int EXCHANGE_REACH = 75;

  /** The largest travel grant the plan gives an exchange. */
  private static final BigDecimal MAX_TRAVEL_FUNDING = BigDecimal.valueOf(3000 + 500L * 11);

  private final Map<SiteId, Map<LocalDate, Integer>> quarterLoad = new HashMap<>();
  private final Map<SiteId, Map<Integer, BigDecimal>> funding = new HashMap<>();

  /**
   * Whether a site may host one more exchange requested on {@code day} under the default rule
   * set's exchange policy, however the exchanges already planned are scheduled: every quarter the
   * new one may fall in (requested on {@code day}, held within {@link #EXCHANGE_REACH} days) is
   * below the host capacity, and the site's travel funding for the fiscal year leaves room for the
   * largest grant the plan gives.
   */
  boolean mayHost(SiteId site, LocalDate day) {
    Map<LocalDate, Integer> load = quarterLoad.getOrDefault(site, Map.of());
    for (LocalDate d = day; !d.isAfter(day.plusDays(EXCHANGE_REACH)); d = d.plusDays(28)) {
      if (load.getOrDefault(POLICY.getCapacityPeriod().start(d), 0)
          >= POLICY.getHostCapacity().orElse(Integer.MAX_VALUE)) {
        return false;
      }
    }
    if (load.getOrDefault(POLICY.getCapacityPeriod().start(day.plusDays(EXCHANGE_REACH)), 0)
        >= POLICY.getHostCapacity().orElse(Integer.MAX_VALUE)) {
      return false;
    }
    BigDecimal funded = funding.getOrDefault(site, Map.of())
        .getOrDefault(CalendarPeriod.fiscalYear(day), BigDecimal.ZERO);
    return POLICY.getTravelFundingCap()
        .map(cap -> funded.add(MAX_TRAVEL_FUNDING).compareTo(cap) <= 0).orElse(true);
  }

  /** Counts a planned exchange against its host's capacity and travel funding. */
  void hosts(SiteId site, LocalDate requested, LocalDate firstDay,
      Optional<BigDecimal> travel) {
    Map<LocalDate, Integer> load = quarterLoad.computeIfAbsent(site, s -> new HashMap<>());
    Set<LocalDate> quarters = new LinkedHashSet<>(List.of(
        POLICY.getCapacityPeriod().start(requested), POLICY.getCapacityPeriod().start(firstDay)));
    quarters.forEach(q -> load.merge(q, 1, Integer::sum));
    travel.ifPresent(amount -> funding.computeIfAbsent(site, s -> new HashMap<>())
        .merge(CalendarPeriod.fiscalYear(requested), amount, BigDecimal::add));
  }
}
