package org.pcop.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.rules.calendar.BusinessCalendar;
import org.pcop.rules.definition.EligibilityRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.internal.EligibilityKind;
import org.pcop.rules.spi.RuleKind;
import org.pcop.rules.spi.RuleKindRegistry;

/**
 * Evaluates a rule set over an engagement record as of an instant with a business calendar: a
 * pure function of those inputs. Results come in a stable order (rules in the set's order, then
 * subjects), and missing data gives indeterminate results, never an exception:
 *
 * <pre>{@code
 * EngagementRecord record = EngagementRecord.of(pcop);
 * log.forEach(record::apply);
 * Evaluation evaluation = RuleEngine.evaluate(DefaultRules.forCommunity(pcop.getId()), record,
 *     Instant.parse("2026-06-30T12:00:00Z"), UsFederalCalendar.instance());
 * evaluation.findings(LevelChange.class).forEach(...);
 * }</pre>
 */
public final class RuleEngine {
  private RuleEngine() {}

  /**
   * Evaluates with the built-in rule kinds.
   *
   * @param rules the rule set
   * @param record the record
   * @param asOf the instant evaluated as of
   * @param calendar the business calendar
   * @return the evaluation
   * @throws InvalidValueException if an argument is null
   */
  public static Evaluation evaluate(RuleSet rules, EngagementRecord record, Instant asOf,
      BusinessCalendar calendar) {
    return evaluate(rules, record, asOf, calendar, RuleKindRegistry.builtIn());
  }

  /**
   * Evaluates with the rule kinds of {@code kinds}, plugins included.
   *
   * @param rules the rule set
   * @param record the record
   * @param asOf the instant evaluated as of
   * @param calendar the business calendar
   * @param kinds the rule kinds known
   * @return the evaluation
   * @throws InvalidValueException if an argument is null
   */
  public static Evaluation evaluate(RuleSet rules, EngagementRecord record, Instant asOf,
      BusinessCalendar calendar, RuleKindRegistry kinds) {
    InvalidValueException.check(rules != null, "RuleEngine", "rules", "must not be null");
    InvalidValueException.check(kinds != null, "RuleEngine", "kinds", "must not be null");
    EvaluationContext context = new EvaluationContext(record, asOf, calendar);
    List<RuleResult> results = new ArrayList<>();
    for (Rule rule : rules.getRules()) {
      results.addAll(evaluateRuleInOrder(rule, context, kinds));
    }
    return Evaluation.builder().ruleSet(rules.getId()).version(rules.getVersion()).asOf(asOf)
        .results(results).build();
  }

  /**
   * Whether a candidate may join the rule's community in {@code role}: the result lists every
   * unmet condition in a {@link Refusal}.
   *
   * @param rule the eligibility rule
   * @param record the record
   * @param candidate the member
   * @param role the role asked for
   * @param sponsor the inviting sponsor, if any
   * @param asOf the instant evaluated as of
   * @return the result; indeterminate if the community, member or agency is unknown
   */
  public static RuleResult checkEligibility(EligibilityRule rule, EngagementRecord record,
      MemberId candidate, MembershipRole role, Optional<MemberId> sponsor, Instant asOf) {
    EvaluationContext context = new EvaluationContext(record, asOf, day -> true);
    Subject subject = Subject.membership(candidate, rule.getCommunity());
    if (record.community(rule.getCommunity()).isEmpty()) {
      return unknownCommunity(rule, subject);
    }
    return EligibilityKind.check(rule, context, candidate, role, sponsor);
  }

  static SortedMap<Subject, RuleResult> evaluateRule(Rule rule, EvaluationContext context,
      RuleKindRegistry kinds) {
    SortedMap<Subject, RuleResult> results = new TreeMap<>();
    Subject community = Subject.community(rule.getCommunity());
    Optional<RuleKind> kind = kinds.kind(rule.kind());
    if (kind.isEmpty()) {
      results.put(community, Explained.indeterminate(rule, community, "no rule kind '"
          + rule.kind() + "' is installed; installed kinds: " + kinds.names()));
      return results;
    }
    if (context.record().community(rule.getCommunity()).isEmpty()) {
      results.put(community, unknownCommunity(rule, community));
      return results;
    }
    try {
      for (Subject subject : kind.get().subjects(rule, context)) {
        evaluateSubject(rule, subject, context, kind.get()).ifPresent(r -> results.put(subject,
            r));
      }
    } catch (RuntimeException e) {
      results.clear();
      results.put(community, Explained.failedPlugin(rule, community, kind.get(), e));
    }
    return results;
  }

  /**
   * The results of one rule in subject order, as {@link #evaluateRule} gives them: when the kind
   * hands its subjects over in their natural order, each result is appended as it comes, with
   * no sorted map to keep.
   */
  static List<RuleResult> evaluateRuleInOrder(Rule rule, EvaluationContext context,
      RuleKindRegistry kinds) {
    Optional<RuleKind> kind = kinds.kind(rule.kind());
    if (kind.isEmpty() || context.record().community(rule.getCommunity()).isEmpty()) {
      return new ArrayList<>(evaluateRule(rule, context, kinds).values());
    }
    List<RuleResult> results = new ArrayList<>();
    try {
      SortedSet<Subject> subjects = kind.get().subjects(rule, context);
      if (subjects.comparator() != null) {
        return new ArrayList<>(evaluateRule(rule, context, kinds).values());
      }
      Subject previous = null;
      for (Subject subject : subjects) {
        if (subject == null || previous != null && previous.compareTo(subject) >= 0) {
          // Not in natural order after all: let the sorted map order them.
          return new ArrayList<>(evaluateRule(rule, context, kinds).values());
        }
        previous = subject;
        evaluateSubject(rule, subject, context, kind.get()).ifPresent(results::add);
      }
    } catch (RuntimeException e) {
      Subject community = Subject.community(rule.getCommunity());
      results.clear();
      results.add(Explained.failedPlugin(rule, community, kind.get(), e));
    }
    return results;
  }

  static Optional<RuleResult> evaluateSubject(Rule rule, Subject subject,
      EvaluationContext context, RuleKind kind) {
    try {
      return kind.evaluate(rule, subject, context);
    } catch (RuntimeException e) {
      return Optional.of(Explained.failedPlugin(rule, subject, kind, e));
    }
  }

  private static RuleResult unknownCommunity(Rule rule, Subject subject) {
    return Explained.indeterminate(rule, subject, "the community " + rule.getCommunity()
        + " is not in the record");
  }

  /** Results the engine itself explains. */
  static final class Explained {
    private Explained() {}

    static RuleResult indeterminate(Rule rule, Subject subject, String why) {
      return RuleResult.builder().rule(rule.getId()).kind(rule.kind()).subject(subject)
          .explanation(Explanation.builder().outcome(Outcome.INDETERMINATE).text(why).build())
          .build();
    }

    static RuleResult failedPlugin(Rule rule, Subject subject, RuleKind kind,
        RuntimeException e) {
      return indeterminate(rule, subject, "the rule kind '" + kind.kind() + "' ("
          + kind.getClass().getName() + ") failed: " + e);
    }
  }
}
