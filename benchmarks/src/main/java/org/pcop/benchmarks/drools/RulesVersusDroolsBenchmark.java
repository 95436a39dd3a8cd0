package org.pcop.benchmarks.drools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * single pass over the same events as the floor. The events are generated once, outside the
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
   * give the same levels and breaches and that the hand-written pass puts as many members at a
   * level.
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
    Evaluation evaluation = pcopRules();
    Map<String, String> pcopLevels = ComparedRules.levels(evaluation);
    try (DroolsSession session = evaluate()) {
      if (!pcopLevels.equals(session.levels())
          || !ComparedRules.breaches(evaluation).equals(session.breaches())) {
        throw new IllegalStateException("pcop-rules and Drools disagree on " + events.size()
            + " events: " + pcopLevels.size() + " against " + session.levels().size()
            + " members at a level");
      }
    }
    int atALevel = 0;
    for (int members : handWritten()) {
      atALevel += members;
    }
    if (atALevel != pcopLevels.size()) {
      throw new IllegalStateException("the hand-written pass puts " + atALevel
          + " members at a level on " + events.size() + " events; pcop-rules "
          + pcopLevels.size());
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
   * The floor: the level requirements written out by hand in one pass over the same events
   * ({@link HandWrittenPass}; it knows the evaluation day in advance and does not check the
   * service levels).
   *
   * @return members per level, lowest first
   */
  @Benchmark
  public int[] handWritten() {
    return HandWrittenPass.levels(events, community.end(),
        NationalCommunity.COMMUNITY.getTimeZone(), community.members());
  }
}
