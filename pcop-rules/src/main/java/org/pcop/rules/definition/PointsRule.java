package org.pcop.rules.definition;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.activity.ParticipationKind;

/**
 * Points for participation: so many per kind, at most {@link #getCapPerPeriod()} per calendar
 * period (admitted day by day in order), decayed by half every {@link #getHalfLifeDays()} days
 * from the day earned. Results give each member's points; the community result carries
 * leaderboards for the community, each site and each core area.
 */
@Value.Immutable
public interface PointsRule extends Rule {
  /** The kind name. */
  String KIND = "points";

  @Override
  RuleId getId();

  @Override
  CommunityId getCommunity();

  /**
   * Points per participation, by kind; kinds absent earn nothing.
   *
   * @return the points
   */
  Map<ParticipationKind, Integer> getPointsPerKind();

  /**
   * At most how many points a member earns per period, if capped.
   *
   * @return the cap
   */
  Optional<Integer> getCapPerPeriod();

  /**
   * The period the cap applies to.
   *
   * @return the period
   */
  @Value.Default
  default CalendarPeriod getCapPeriod() {
    return CalendarPeriod.MONTH;
  }

  /**
   * The half-life of points in days, if they decay.
   *
   * @return the half-life
   */
  Optional<Integer> getHalfLifeDays();

  /**
   * How many standings each leaderboard lists.
   *
   * @return the size
   */
  @Value.Default
  default int getLeaderboardSize() {
    return 10;
  }

  @Override
  default String kind() {
    return KIND;
  }

  /** Refuses negative points, a cap or half-life below 1, a leaderboard size below 1. */
  @Value.Check
  default void check() {
    getPointsPerKind().forEach((k, p) -> InvalidValueException.check(p >= 0, "PointsRule",
        "pointsPerKind[" + k + "]", "must not be negative, got %d", p));
    getCapPerPeriod().ifPresent(c -> InvalidValueException.check(c >= 1, "PointsRule",
        "capPerPeriod", "must be 1 or more, got %d", c));
    getHalfLifeDays().ifPresent(h -> InvalidValueException.check(h >= 1, "PointsRule",
        "halfLifeDays", "must be 1 or more, got %d", h));
    InvalidValueException.check(getLeaderboardSize() >= 1, "PointsRule", "leaderboardSize",
        "must be 1 or more, got %d", getLeaderboardSize());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutablePointsRule.Builder builder() {
    return ImmutablePointsRule.builder();
  }
}
