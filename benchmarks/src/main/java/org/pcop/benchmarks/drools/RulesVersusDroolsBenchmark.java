package org.pcop.benchmarks.drools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pcop.benchmarks.HandWrittenPass;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.benchmarks.TightPass;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.Evaluation;
import org.pcop.rules.RuleEngine;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.RuleSet;

/**
 * Full evaluation of the engagement-level and service-level rules over the generated national
 * community: pcop-rules (the history applied to an engagement record, then evaluated) beside
 * Drools (the history turned into facts in a new session, then fired), with the hand-written
 * passes over the same events as the floors (the usual one and the tight one). The events are generated once, outside the
 * measurement, so that each side is measured on its own work: turning the events into its own
 * state and evaluating. The Drools rule base is compiled once, outside the measurement too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--add-modules", "jdk.unsupported"})
public class RulesVersusDroolsBenchmark {
  /** Events in the history. */
  @Param({"100000", "1000000"})
  public long history;

  private NationalCommunity community;
  private List<PcopEvent> events;
  private RuleSet rules;
  private DroolsRuleBase drools;

  /**
   * Generates the national history of {@link #history} events; see {@link #prepare}.
   *
   * @throws IllegalStateException if the sides disagree
   */
  @Setup
  public void setUp() {
    prepare(NationalCommunity.national(history));
  }

  /**
   * Generates a history into memory, prepares both rule sets, and checks once that both engines
   * and both hand-written passes put the same members at the same levels and report the same
   * breaches.
   *
   * @param history the history
   * @throws IllegalStateException if the sides disagree
   */
  void prepare(NationalCommunity history) {
    community = history;
    events = new ArrayList<>();
    community.forEach(events::add);
    rules = ComparedRules.forCommunity(NationalCommunity.COMMUNITY.getId());
    drools = DroolsRuleBase.compile();
    TightPass.Result floor = tightPass();
    Map<String, String> levels = floor.levels();
    Set<Breach> breaches = floor.breaches();
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    record.applyAll(events);
    Evaluation evaluation = RuleEngine.evaluate(rules, record, community.end(),
        UsFederalCalendar.instance());
    agree("pcop-rules", levels, breaches, ComparedRules.levels(evaluation, record),
        ComparedRules.breaches(evaluation));
    try (DroolsSession session = evaluate()) {
      agree("Drools", levels, breaches, session.levels(), session.breaches());
    }
    HandWrittenPass.Answers hand = handWritten();
    agree("the hand-written pass", levels, breaches, hand.levels(), hand.breaches());
  }

  private void agree(String side, Map<String, String> levels, Set<Breach> breaches,
      Map<String, String> theirLevels, Set<Breach> theirBreaches) {
    if (!levels.equals(theirLevels) || !breaches.equals(theirBreaches)) {
      throw new IllegalStateException(side + " and the tight pass disagree on " + events.size()
          + " events: " + theirLevels.size() + " against " + levels.size()
          + " members at a level, " + theirBreaches.size() + " against " + breaches.size()
          + " breaches");
    }
  }

  private DroolsSession evaluate() {
    return DroolsSession.evaluate(drools, events, community.end(),
        NationalCommunity.COMMUNITY.getTimeZone());
  }

  /**
   * pcop-rules: applies the history to an engagement record and evaluates the rules.
   *
   * @return the evaluation
   */
  @Benchmark
  public Evaluation pcopRules() {
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    record.applyAll(events);
    return RuleEngine.evaluate(rules, record, community.end(), UsFederalCalendar.instance());
  }

  /**
   * Drools: inserts the history into a new session as facts and fires the rules.
   *
   * @return the levels the rules gave
   */
  @Benchmark
  public Map<String, String> drools() {
    try (DroolsSession session = evaluate()) {
      return session.levels();
    }
  }

  /**
   * The compared rules written out by hand in one pass over the same events the usual way
   * ({@link HandWrittenPass}: maps and sets of ids; it knows the evaluation day in advance).
   *
   * @return the levels and breaches
   */
  @Benchmark
  public HandWrittenPass.Answers handWritten() {
    return HandWrittenPass.evaluate(events, community.end(),
        NationalCommunity.COMMUNITY.getTimeZone(), community.members());
  }

  /**
   * The true floor: the same answers from one tight pass over primitive arrays
   * ({@link TightPass}).
   *
   * @return the levels and breaches
   */
  @Benchmark
  public TightPass.Result tightPass() {
    return TightPass.evaluate(events, community.end(), NationalCommunity.COMMUNITY.getTimeZone());
  }
}
