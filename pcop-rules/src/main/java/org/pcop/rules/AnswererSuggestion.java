package org.pcop.rules;

import java.util.List;
import java.util.Locale;
import org.pcop.model.MemberId;

/**
 * A member suggested to answer a request for information: the score and the factors it is the
 * sum of, each with the fact behind it, largest effect first.
 *
 * @param member the member
 * @param score the sum of the factors' points
 * @param factors the factors that moved the score, largest effect first (never a zero one)
 */
public record AnswererSuggestion(MemberId member, double score, List<SuggestionFactor> factors) {

  /**
   * Copies the factors.
   */
  public AnswererSuggestion {
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
   * {@code m-ana: score 5.12: lists gun-violence.nibin as expertise (+3.00); ...}.
   *
   * @return the explanation
   */
  public String explanation() {
    StringBuilder text = new StringBuilder(member.value()).append(": score ")
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
