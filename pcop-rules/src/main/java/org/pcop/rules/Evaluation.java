package org.pcop.rules;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.immutables.value.Value;
import org.pcop.rules.definition.RuleId;

/**
 * The results of a rule set as of an instant: for each rule in the set's order, one result per
 * subject in subject order. The same inputs always give an equal evaluation.
 */
@Value.Immutable
public interface Evaluation {
  /**
   * The rule set's id.
   *
   * @return the id
   */
  String getRuleSet();

  /**
   * The rule set's version.
   *
   * @return the version
   */
  int getVersion();

  /**
   * The instant evaluated as of.
   *
   * @return the instant
   */
  Instant getAsOf();

  /**
   * The results, by rule (in the set's order) then subject.
   *
   * @return the results
   */
  List<RuleResult> getResults();

  /**
   * The results of one rule.
   *
   * @param rule the rule
   * @return its results, by subject
   */
  default List<RuleResult> results(RuleId rule) {
    return getResults().stream().filter(r -> r.getRule().equals(rule))
        .collect(Collectors.toList());
  }

  /**
   * The results about one subject.
   *
   * @param subject the subject
   * @return its results, by rule
   */
  default List<RuleResult> results(Subject subject) {
    return getResults().stream().filter(r -> r.getSubject().equals(subject))
        .collect(Collectors.toList());
  }

  /**
   * Every finding of one type, in result order.
   *
   * @param <F> the type
   * @param type the finding type
   * @return the findings
   */
  default <F extends Finding> List<F> findings(Class<F> type) {
    return getResults().stream().flatMap(r -> r.findings(type).stream())
        .collect(Collectors.toList());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableEvaluation.Builder builder() {
    return ImmutableEvaluation.builder();
  }
}
