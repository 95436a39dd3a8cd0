package org.pcop.rules;

import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.pcop.model.MembershipStatus;
import org.pcop.rules.definition.CustomRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.spi.RuleKind;

/**
 * A sample plugin: the kind {@code minimum-members} passes when a community has at least the
 * parameter {@code min} active members. One result, about the community.
 */
public final class SampleMinimumMembersKind implements RuleKind {
  @Override
  public String kind() {
    return "minimum-members";
  }

  @Override
  public SortedSet<Subject> subjects(Rule rule, EvaluationContext context) {
    return new TreeSet<>(java.util.Set.of(Subject.community(rule.getCommunity())));
  }

  @Override
  public Optional<RuleResult> evaluate(Rule rule, Subject subject, EvaluationContext context) {
    if (!subject.equals(Subject.community(rule.getCommunity()))) {
      return Optional.empty();
    }
    String min = ((CustomRule) rule).getParameters().get("min");
    var explanation = Explanation.builder();
    long active = context.record().memberships(rule.getCommunity()).stream()
        .filter(m -> m.getStatus() == MembershipStatus.ACTIVE).count();
    explanation.addFact(Fact.of("active members", active));
    if (min == null || !min.matches("[0-9]{1,9}")) {
      explanation.outcome(Outcome.INDETERMINATE)
          .text("the parameter min must be a whole number, got " + min);
    } else {
      explanation.threshold("at least " + min + " active members")
          .outcome(active >= Integer.parseInt(min) ? Outcome.PASSED : Outcome.FAILED)
          .text(active + " active members");
    }
    return Optional.of(RuleResult.builder().rule(rule.getId()).kind(kind()).subject(subject)
        .explanation(explanation.build()).build());
  }
}
