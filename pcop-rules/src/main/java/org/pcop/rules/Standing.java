package org.pcop.rules;

import org.immutables.value.Value;
import org.pcop.model.MemberId;

/** A member's place on a leaderboard: rank (1 is first; ties share a rank) and points. */
@Value.Immutable
public interface Standing {
  /**
   * The rank, from 1.
   *
   * @return the rank
   */
  @Value.Parameter
  int getRank();

  /**
   * The member.
   *
   * @return the member
   */
  @Value.Parameter
  MemberId getMember();

  /**
   * The points, after caps and decay, rounded to two decimals.
   *
   * @return the points
   */
  @Value.Parameter
  double getPoints();

  /**
   * The standing.
   *
   * @param rank the rank
   * @param member the member
   * @param points the points
   * @return the standing
   */
  static Standing of(int rank, MemberId member, double points) {
    return ImmutableStanding.of(rank, member, points);
  }
}
