package org.pcop.rules;

import java.util.List;
import org.pcop.model.SiteId;

/**
 * A site suggested to host a requested exchange: the score and the factors it is the sum of,
 * largest effect first; {@link #decidingFactors()} and {@link #explanation()} (for example
 * {@code s-mem: score 1.10: no earlier exchange with [a-kc] (+0.50); ...}) come from
 * {@link Suggestion}.
 *
 * @param site the host site
 * @param score the sum of the factors' points
 * @param factors the factors that moved the score, largest effect first (never a zero one)
 */
public record HostSuggestion(SiteId site, double score, List<SuggestionFactor> factors)
    implements Suggestion {

  /**
   * Copies the factors.
   */
  public HostSuggestion {
    factors = List.copyOf(factors);
  }

  /**
   * The site's id.
   *
   * @return the id
   */
  @Override
  public String subject() {
    return site.value();
  }
}
