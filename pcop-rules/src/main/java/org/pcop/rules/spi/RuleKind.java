package org.pcop.rules.spi;

import java.util.Optional;
import java.util.SortedSet;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.RecordChange;
import org.pcop.rules.RuleResult;
import org.pcop.rules.Subject;
import org.pcop.rules.definition.Rule;

/**
 * A kind of rule: how rules of the kind are evaluated. The built-in families implement it, and
 * plugins add kinds through {@link java.util.ServiceLoader} or
 * {@link RuleKindRegistry#with(RuleKind...)}.
 *
 * <p>Contract, which incremental evaluation relies on:
 * <ul>
 *   <li>{@link #subjects} lists every subject the rule has a result for; {@link #evaluate} gives a
 *       result exactly for those subjects and empty for any other.</li>
 *   <li>Both read only the context: same context, same answer, no exception for missing data (give
 *       an {@link org.pcop.rules.Outcome#INDETERMINATE} result instead).</li>
 *   <li>{@link #affected} names every subject whose result may have changed (appeared, changed or
 *       disappeared) because of the change; empty means "any subject", which is always
 *       correct.</li>
 * </ul>
 * An exception thrown by a plugin becomes an indeterminate result naming it, never a failed
 * evaluation.
 */
public interface RuleKind {
  /**
   * The kind's name, matched against {@link Rule#kind()}; unique within a registry.
   *
   * @return the name, for example {@code exchange-diversity}
   */
  String kind();

  /**
   * The subjects the rule has results for.
   *
   * @param rule the rule, of this kind
   * @param context what the rule is evaluated against
   * @return the subjects, sorted
   */
  SortedSet<Subject> subjects(Rule rule, EvaluationContext context);

  /**
   * The rule's result for one subject.
   *
   * @param rule the rule, of this kind
   * @param subject the subject
   * @param context what the rule is evaluated against
   * @return the result, empty if the subject is not one of {@link #subjects}
   */
  Optional<RuleResult> evaluate(Rule rule, Subject subject, EvaluationContext context);

  /**
   * The subjects whose result may have changed because of {@code change}.
   *
   * @param rule the rule, of this kind
   * @param change what the last event changed
   * @param context what the rule is evaluated against, after the change
   * @return the subjects, or empty to re-evaluate every subject of the rule
   */
  default Optional<SortedSet<Subject>> affected(Rule rule, RecordChange change,
      EvaluationContext context) {
    return Optional.empty();
  }
}
