package org.pcop.rules.internal;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.RuleResult;
import org.pcop.rules.Subject;
import org.pcop.rules.definition.RecommendationRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.spi.RuleKind;

/**
 * The recommendation rule's family: it carries the weights of suggestions and judges no one, so
 * it has no subjects and no results.
 */
final class RecommendationKind implements RuleKind {
  @Override
  public String kind() {
    return RecommendationRule.KIND;
  }

  @Override
  public SortedSet<Subject> subjects(Rule rule, EvaluationContext context) {
    return Collections.emptySortedSet();
  }

  @Override
  public Optional<RuleResult> evaluate(Rule rule, Subject subject, EvaluationContext context) {
    return Optional.empty();
  }
}
