package org.pcop.rules.definition;

import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;

/**
 * The policy every exchange must keep: host and visitors differ; approvals by a program advisor
 * and by a site lead of the host site (two different, active members of the community); at most
 * {@link #getHostCapacity()} exchanges hosted by a site per {@link #getCapacityPeriod()}; and at
 * most {@link #getTravelFundingCap()} US dollars of travel funding charged to a host site per
 * federal fiscal year (1 October to 30 September). Declined and cancelled exchanges count toward
 * neither limit; exchanges are counted in the order they were requested.
 */
@Value.Immutable
public interface ExchangePolicyRule extends Rule {
  /** The kind name. */
  String KIND = "exchange-policy";

  @Override
  RuleId getId();

  @Override
  CommunityId getCommunity();

  /**
   * At most how many exchanges a site hosts per period, if limited.
   *
   * @return the capacity
   */
  Optional<Integer> getHostCapacity();

  /**
   * The period of the capacity, by the day an exchange is scheduled to start (or was requested).
   *
   * @return the period
   */
  @Value.Default
  default CalendarPeriod getCapacityPeriod() {
    return CalendarPeriod.QUARTER;
  }

  /**
   * At most how much travel funding, in US dollars, per host site per federal fiscal year of the
   * request, if capped.
   *
   * @return the cap
   */
  Optional<BigDecimal> getTravelFundingCap();

  @Override
  default String kind() {
    return KIND;
  }

  /** Refuses a capacity below 1 and a negative funding cap. */
  @Value.Check
  default void check() {
    getHostCapacity().ifPresent(c -> InvalidValueException.check(c >= 1, "ExchangePolicyRule",
        "hostCapacity", "must be 1 or more, got %d", c));
    getTravelFundingCap().ifPresent(c -> InvalidValueException.check(c.signum() >= 0,
        "ExchangePolicyRule", "travelFundingCap", "must not be negative, got %s",
        c.toPlainString()));
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableExchangePolicyRule.Builder builder() {
    return ImmutableExchangePolicyRule.builder();
  }
}
