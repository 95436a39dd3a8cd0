package org.pcop.rules;

import java.util.List;
import java.util.Locale;

/**
 * What every suggestion is: who or what is suggested, a score and the factors it is the sum of,
 * largest effect first, with the deciding factors and the whole in words derived from them.
 * {@link AnswererSuggestion} suggests a member, {@link HostSuggestion} a site.
 */
public interface Suggestion {
  /**
   * The id of who or what is suggested, as the explanation starts with it.
   *
   * @return the id, such as {@code m-ana} or {@code s-mem}
   */
  String subject();

  /**
   * The sum of the factors' points.
   *
   * @return the score
   */
  double score();

  /**
   * The factors that moved the score, largest effect first (never a zero one).
   *
   * @return the factors
   */
  List<SuggestionFactor> factors();

  /**
   * The deciding factors, largest effect first: the names of the factors that moved the score.
   *
   * @return the names
   */
  default List<String> decidingFactors() {
    return factors().stream().map(SuggestionFactor::name).toList();
  }

  /**
   * The suggestion in words: the subject, the score and each factor, for example
   * {@code m-ana: score 5.12: lists gun-violence.nibin as expertise (+2.00); ...}, or
   * {@code ...: no factor applies}.
   *
   * @return the explanation
   */
  default String explanation() {
    StringBuilder text = new StringBuilder(subject()).append(": score ")
        .append(String.format(Locale.ROOT, "%.2f", score()));
    List<SuggestionFactor> factors = factors();
    for (int i = 0; i < factors.size(); i++) {
      text.append(i == 0 ? ": " : "; ").append(factors.get(i).render());
    }
    if (factors.isEmpty()) {
      text.append(": no factor applies");
    }
    return text.toString();
  }
}
