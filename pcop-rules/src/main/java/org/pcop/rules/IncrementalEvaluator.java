package org.pcop.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import org.pcop.model.InvalidValueException;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.calendar.BusinessCalendar;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.internal.InstantCaches;
import org.pcop.rules.spi.RuleKind;
import org.pcop.rules.spi.RuleKindRegistry;

/**
 * Keeps the evaluation of a rule set current as events arrive: each event is applied to the
 * engagement record it owns, and only the subjects the event may affect are re-evaluated, so the
 * cost of an event does not grow with the length of the history. At every point
 * {@link #evaluation()} equals {@link RuleEngine#evaluate} of the same rule set over a record fed
 * the same events, as of the same instant.
 *
 * <p>The instant evaluated as of is fixed until {@link #advanceTo(Instant)} moves it, which
 * re-evaluates everything (windows and due times depend on it). Not thread-safe.
 */
public final class IncrementalEvaluator {
  private final RuleSet rules;
  private final EngagementRecord record;
  private final BusinessCalendar calendar;
  private final RuleKindRegistry kinds;
  /** The kind of each rule, in rule order, looked up once (the registry is immutable). */
  private final List<Optional<RuleKind>> kindOfRule = new ArrayList<>();
  private final Map<RuleId, RuleResults> results = new LinkedHashMap<>();
  private EvaluationContext context;

  private IncrementalEvaluator(RuleSet rules, EngagementRecord record, Instant asOf,
      BusinessCalendar calendar, RuleKindRegistry kinds) {
    this.rules = rules;
    this.record = record;
    this.calendar = calendar;
    this.kinds = kinds;
    for (Rule rule : rules.getRules()) {
      kindOfRule.add(kinds.kind(rule.kind()));
    }
    this.context = new EvaluationContext(record, asOf, calendar);
    evaluateAll();
  }

  /**
   * Starts from a full evaluation of {@code record}, which the evaluator then owns: apply further
   * events through {@link #apply(PcopEvent)} only.
   *
   * @param rules the rule set
   * @param record the record so far
   * @param asOf the instant evaluated as of
   * @param calendar the business calendar
   * @param kinds the rule kinds known
   * @return the evaluator
   * @throws InvalidValueException if an argument is null
   */
  public static IncrementalEvaluator start(RuleSet rules, EngagementRecord record, Instant asOf,
      BusinessCalendar calendar, RuleKindRegistry kinds) {
    InvalidValueException.check(rules != null, "IncrementalEvaluator", "rules",
        "must not be null");
    InvalidValueException.check(kinds != null, "IncrementalEvaluator", "kinds",
        "must not be null");
    return new IncrementalEvaluator(rules, record, asOf, calendar, kinds);
  }

  /**
   * Starts with the built-in rule kinds.
   *
   * @param rules the rule set
   * @param record the record so far
   * @param asOf the instant evaluated as of
   * @param calendar the business calendar
   * @return the evaluator
   */
  public static IncrementalEvaluator start(RuleSet rules, EngagementRecord record, Instant asOf,
      BusinessCalendar calendar) {
    return start(rules, record, asOf, calendar, RuleKindRegistry.builtIn());
  }

  private void evaluateAll() {
    results.clear();
    for (Rule rule : rules.getRules()) {
      results.put(rule.getId(), new RuleResults(RuleEngine.evaluateRule(rule, context, kinds)));
    }
  }

  /**
   * Applies the next event and re-evaluates the subjects it may affect.
   *
   * @param event the event
   * @return the results re-evaluated, by rule then subject (including unchanged ones); results
   *     that disappeared are not listed
   * @throws InvalidValueException if the event does not fit the record; nothing changes
   */
  public List<RuleResult> apply(PcopEvent event) {
    RecordChange change = record.apply(event);
    List<RuleResult> updated = new ArrayList<>();
    List<Rule> inOrder = rules.getRules();
    for (int r = 0; r < inOrder.size(); r++) {
      Rule rule = inOrder.get(r);
      Optional<RuleKind> kind = kindOfRule.get(r);
      if (kind.isEmpty() || record.community(rule.getCommunity()).isEmpty()) {
        continue;
      }
      RuleResults current = results.get(rule.getId());
      Optional<SortedSet<Subject>> affected;
      try {
        affected = kind.get().affected(rule, change, context);
      } catch (RuntimeException e) {
        affected = Optional.empty();
      }
      if (affected.isEmpty()) {
        SortedMap<Subject, RuleResult> all = RuleEngine.evaluateRule(rule, context, kinds);
        results.put(rule.getId(), new RuleResults(all));
        updated.addAll(all.values());
        continue;
      }
      for (Subject subject : affected.get()) {
        Optional<RuleResult> result =
            RuleEngine.evaluateSubject(rule, subject, context, kind.get());
        if (result.isPresent()) {
          current.put(subject, result.get());
          updated.add(result.get());
        } else {
          current.remove(subject);
        }
      }
    }
    return updated;
  }

  /**
   * Moves the instant evaluated as of and re-evaluates everything. The rule kinds' aggregates
   * kept for the instant left are released first, so a record evaluated at a new instant each
   * time holds one instant's aggregates and results, not one set per instant ever evaluated.
   *
   * @param asOf the new instant
   */
  public void advanceTo(Instant asOf) {
    Instant left = context.asOf();
    results.clear();
    context = new EvaluationContext(record, asOf, calendar);
    if (!left.equals(asOf)) {
      for (Optional<RuleKind> kind : kindOfRule) {
        if (kind.isPresent() && kind.get() instanceof InstantCaches) {
          ((InstantCaches) kind.get()).release(record, left);
        }
      }
    }
    evaluateAll();
  }

  /**
   * Lets go of the aggregates the rule kinds keep for this evaluator's instant, for a caller that
   * needs the evaluation only once: a record evaluated as of a new instant every time would
   * otherwise keep them for as long as it lives. The evaluator stays usable and builds them again
   * when it next needs them.
   */
  public void release() {
    for (Optional<RuleKind> kind : kindOfRule) {
      if (kind.isPresent() && kind.get() instanceof InstantCaches) {
        ((InstantCaches) kind.get()).release(record, context.asOf());
      }
    }
  }

  /**
   * The current evaluation.
   *
   * @return the evaluation, as {@link RuleEngine#evaluate} would give it
   */
  public Evaluation evaluation() {
    List<RuleResult> all = new ArrayList<>();
    for (RuleResults byRule : results.values()) {
      byRule.addTo(all);
    }
    return Evaluation.builder().ruleSet(rules.getId()).version(rules.getVersion())
        .asOf(context.asOf()).results(all).build();
  }

  /**
   * The current result of one rule for one subject.
   *
   * @param rule the rule
   * @param subject the subject
   * @return the result, if the rule has one for the subject
   */
  public Optional<RuleResult> result(RuleId rule, Subject subject) {
    RuleResults byRule = results.get(rule);
    return Optional.ofNullable(byRule == null ? null : byRule.get(subject));
  }

  /**
   * One rule's results, found by subject without a walk down a tree (most events replace a
   * result or two among tens of thousands) and listed in subject order.
   */
  private static final class RuleResults {
    private final Map<Subject, RuleResult> bySubject;
    private final java.util.TreeSet<Subject> order;

    RuleResults(SortedMap<Subject, RuleResult> all) {
      bySubject = new java.util.HashMap<>(all);
      order = new java.util.TreeSet<>(all.keySet());
    }

    RuleResult get(Subject subject) {
      return bySubject.get(subject);
    }

    void put(Subject subject, RuleResult result) {
      if (bySubject.put(subject, result) == null) {
        order.add(subject);
      }
    }

    void remove(Subject subject) {
      if (bySubject.remove(subject) != null) {
        order.remove(subject);
      }
    }

    void addTo(List<RuleResult> all) {
      for (Subject subject : order) {
        all.add(bySubject.get(subject));
      }
    }
  }
}
