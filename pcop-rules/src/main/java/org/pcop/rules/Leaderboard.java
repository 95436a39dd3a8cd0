package org.pcop.rules;

import java.util.List;
import org.immutables.value.Value;

/**
 * The members with the most points in a scope (a community, a site, a core area), best first;
 * ties are broken by member id so the order is stable.
 */
@Value.Immutable
public interface Leaderboard extends Finding {
  /**
   * The scope, for example {@code community pcop}, {@code site kansas-city} or
   * {@code core area violent-crime}.
   *
   * @return the scope
   */
  String getScope();

  /**
   * The standings, best first.
   *
   * @return the standings
   */
  List<Standing> getStandings();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableLeaderboard.Builder builder() {
    return ImmutableLeaderboard.builder();
  }
}
