package org.pcop.rules.internal;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.RecordChange;
import org.pcop.rules.RuleResult;
import org.pcop.rules.Subject;
import org.pcop.rules.definition.AnswererInvitationRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.spi.RuleKind;

/**
 * The answerer-invitation policy: it decides who is notified when a request is posted (the
 * engine applies it), so an evaluation has no subject to judge and gives no result.
 */
final class AnswererInvitationKind implements RuleKind {
  @Override
  public String kind() {
    return AnswererInvitationRule.KIND;
  }

  @Override
  public SortedSet<Subject> subjects(Rule rule, EvaluationContext context) {
    return Collections.unmodifiableSortedSet(new TreeSet<>());
  }

  @Override
  public Optional<RuleResult> evaluate(Rule rule, Subject subject, EvaluationContext context) {
    return Optional.empty();
  }

  @Override
  public Optional<SortedSet<Subject>> affected(Rule rule, RecordChange change,
      EvaluationContext context) {
    return Optional.of(Collections.unmodifiableSortedSet(new TreeSet<>()));
  }
}
