package org.pcop.rules;

import java.util.Comparator;
import java.util.List;
import org.immutables.value.Value;
import org.pcop.rules.definition.RuleId;

/**
 * The result of one rule for one subject: the outcome with its explanation, and the findings the
 * engine acts on (a level change, a service-level breach, a dormancy notice, a refusal, a
 * leaderboard, a participation matrix).
 */
@Value.Immutable
public interface RuleResult {
  /**
   * The rule that produced the result.
   *
   * @return the rule id
   */
  RuleId getRule();

  /**
   * The kind of the rule, for example {@code engagement-level}.
   *
   * @return the kind
   */
  String getKind();

  /**
   * What the result is about.
   *
   * @return the subject
   */
  Subject getSubject();

  /**
   * Why the rule came out as it did.
   *
   * @return the explanation
   */
  Explanation getExplanation();

  /**
   * What the engine should act on or show, in a stable order.
   *
   * @return the findings
   */
  List<Finding> getFindings();

  /**
   * The outcome, from the explanation.
   *
   * @return the outcome
   */
  default Outcome getOutcome() {
    return getExplanation().getOutcome();
  }

  /**
   * The findings of one type.
   *
   * @param <F> the type
   * @param type the finding type, for example {@code LevelChange.class}
   * @return the findings of that type, in order
   */
  default <F extends Finding> List<F> findings(Class<F> type) {
    return getFindings().stream().filter(type::isInstance).map(type::cast)
        .collect(java.util.stream.Collectors.toList());
  }

  /**
   * Orders results within one rule: by subject.
   *
   * @return the comparator
   */
  static Comparator<RuleResult> bySubject() {
    return Comparator.comparing(RuleResult::getSubject);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableRuleResult.Builder builder() {
    return ImmutableRuleResult.builder();
  }
}
