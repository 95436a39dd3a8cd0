package org.pcop.rules;

import java.util.List;
import java.util.Locale;
import org.pcop.model.SiteId;

/**
 * A site suggested to host a requested exchange: the score and the factors it is the sum of,
 * largest effect first.
 *
 * @param site the host site
 * @param score the sum of the factors' points
 * @param factors the factors that moved the score, largest effect first (never a zero one)
 */
public record HostSuggestion(SiteId site, double score, List<SuggestionFactor> factors) {

  /**
   * Copies the factors.
   */
  public HostSuggestion {
    factors = List.copyOf(factors);
  }

  /**
   * The deciding factors, largest effect first: the names of the factors that moved the score.
   *
   * @return the names
   */
  public List<String> decidingFactors() {
    return factors.stream().map(SuggestionFactor::name).toList();
  }

  /**
   * The suggestion in words, for example
   * {@code s-mem: score 2.50: no earlier exchange with [a-kc] (+0.50); ...}.
   *
   * @return the explanation
   */
  public String explanation() {
    StringBuilder text = new StringBuilder(site.value()).append(": score ")
        .append(String.format(Locale.ROOT, "%.2f", score));
    for (int i = 0; i < factors.size(); i++) {
      text.append(i == 0 ? ": " : "; ").append(factors.get(i).render());
    }
    if (factors.isEmpty()) {
      text.append(": no factor applies");
    }
    return text.toString();
  }
}
