package org.pcop.rules.definition;

import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;

/**
 * A service level: an obligation met within so many days (or business days: weekends and US
 * federal holidays, on their observed dates, do not count) of the day it arose, in the community's
 * time zone. It is due at the end of the last allowed day. Each breach names the subject, the due
 * instant and how late it is.
 *
 * <p>With {@link #getWarnBusinessDays()}, an obligation still unmet is warned about from the start
 * of the {@code n}-th US federal business day counted back from the last allowed day (that day
 * itself is the first when it is a business day; weekends and holidays are skipped) until the due
 * instant, inclusive. After the due instant a breach takes the warning's place: a result never
 * holds both.
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

  /**
   * How many business days before the due time a still unmet obligation is warned about; empty
   * for no warning.
   *
   * @return the business days, 1 or more
   */
  Optional<Integer> getWarnBusinessDays();

  @Override
  default String kind() {
    return KIND;
  }

  /** Refuses fewer than 0 days, and a warning fewer than 1 business day ahead. */
  @Value.Check
  default void check() {
    InvalidValueException.check(getDays() >= 0, "ServiceLevelRule", "days",
        "must not be negative, got %d", getDays());
    getWarnBusinessDays().ifPresent(w -> InvalidValueException.check(w >= 1,
        "ServiceLevelRule", "warnBusinessDays", "must be at least 1, got %d", w));
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
