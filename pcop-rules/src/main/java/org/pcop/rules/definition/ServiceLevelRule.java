package org.pcop.rules.definition;

import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;

/**
 * A service level: an obligation met within so many days (or business days: weekends and US
 * federal holidays, on their observed dates, do not count) of the day it arose, in the community's
 * time zone. It is due at the end of the last allowed day. Each breach names the subject, the due
 * instant and how late it is.
 */
@Value.Immutable
public interface ServiceLevelRule extends Rule {
  /** The kind name. */
  String KIND = "service-level";

  @Override
  RuleId getId();

  @Override
  CommunityId getCommunity();

  /**
   * What is timed.
   *
   * @return the obligation
   */
  ServiceLevelKind getObligation();

  /**
   * How many days are allowed.
   *
   * @return the days
   */
  int getDays();

  /**
   * Whether the days are business days.
   *
   * @return true for business days
   */
  @Value.Default
  default boolean isBusinessDays() {
    return false;
  }

  @Override
  default String kind() {
    return KIND;
  }

  /** Refuses fewer than 0 days. */
  @Value.Check
  default void check() {
    InvalidValueException.check(getDays() >= 0, "ServiceLevelRule", "days",
        "must not be negative, got %d", getDays());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableServiceLevelRule.Builder builder() {
    return ImmutableServiceLevelRule.builder();
  }
}
