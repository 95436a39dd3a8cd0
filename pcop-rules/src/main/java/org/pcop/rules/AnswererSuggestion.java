package org.pcop.rules;

import java.util.List;
import org.pcop.model.MemberId;

/**
 * A member suggested to answer a request for information: the score and the factors it is the
 * sum of, each with the fact behind it, largest effect first; {@link #decidingFactors()} and
 * {@link #explanation()} come from {@link Suggestion}.
 *
 * @param member the member
 * @param score the sum of the factors' points
 * @param factors the factors that moved the score, largest effect first (never a zero one)
 */
public record AnswererSuggestion(MemberId member, double score, List<SuggestionFactor> factors)
    implements Suggestion {

  /**
   * Copies the factors.
   */
  public AnswererSuggestion {
    factors = List.copyOf(factors);
  }

  /**
   * The member's id.
   *
   * @return the id
   */
  @Override
  public String subject() {
    return member.value();
  }
}
