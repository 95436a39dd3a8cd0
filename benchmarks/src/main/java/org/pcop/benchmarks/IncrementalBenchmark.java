package org.pcop.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pcop.model.ActivityId;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.IncrementalEvaluator;
import org.pcop.rules.RuleResult;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.ContributionKind;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.Window;

/**
 * Incremental evaluation of the default rule set after one participation, over histories of two
 * sizes: the cost should not grow with the history. With {@code rules=extended} the default
 * levels get a fourth, "steward", holding the measures a trust ladder adds: accepted answers from
 * distinct askers, answers on distinct days, requests answered as a capped share of those posted,
 * exchanges hosted, community-call attendance (a series), an upheld-flag limit and no
 * suspension, so every level evaluation reads them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.unsupported"})
public class IncrementalBenchmark {
  /** Events in the history before the measured ones. */
  @Param({"100000", "5000000"})
  public long history;

  /** The default rule set, or the default with the steward level of the new measures. */
  @Param({"default", "extended"})
  public String rules;

  private IncrementalEvaluator evaluator;
  private NationalCommunity community;
  private ActivityId lastActivity;
  private Instant at;
  private long next;

  /** Feeds the history and evaluates it once in full. */
  @Setup(Level.Trial)
  public void setUp() {
    community = NationalCommunity.national(history);
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    for (PcopEvent event : community) {
      record.apply(event);
      if (event instanceof ParticipationRecorded) {
        lastActivity = ((ParticipationRecorded) event).getParticipation().getActivity();
        at = event.getOccurredAt();
      }
    }
    RuleSet ruleSet = DefaultRules.forCommunity(NationalCommunity.COMMUNITY.getId());
    evaluator = IncrementalEvaluator.start("extended".equals(rules) ? extended(ruleSet)
        : ruleSet, record, community.end(), UsFederalCalendar.instance());
  }

  /** The default rule set with a steward level above mentor, of the trust ladder's measures. */
  static RuleSet extended(RuleSet defaults) {
    var rules = RuleSet.builder().id(defaults.getId() + "-extended")
        .version(defaults.getVersion());
    for (Rule rule : defaults.getRules()) {
      if (rule instanceof EngagementLevelRule levels) {
        rules.addRule(EngagementLevelRule.builder().from(levels).addLevel(
            org.pcop.rules.definition.Level.of("steward",
            Measure.contributionCounterparties(ContributionKind.ACCEPTED_ANSWER_RECEIVED,
                Window.lastDays(365), 3),
            Measure.contributionDays(ContributionKind.ANSWER_GIVEN, Window.lastDays(180), 5),
            Measure.contributionShare(ContributionKind.REQUEST_ANSWERED, Window.lastDays(100),
                0.05, 5),
            Measure.contributions(ContributionKind.EXCHANGE_HOSTED, Window.lastDays(730), 1),
            Measure.attendanceRatio("community call", Window.lastDays(100), 0.5, 12),
            Measure.upheldConductFlags(Window.lastDays(365), 0),
            Measure.notSuspended())).build());
      } else {
        rules.addRule(rule);
      }
    }
    return rules.build();
  }

  /**
   * Applies one more participation and re-evaluates what it affects.
   *
   * @return the results re-evaluated
   */
  @Benchmark
  public List<RuleResult> oneParticipation() {
    long n = next++;
    var member = NationalCommunity.member((int) (n % community.members()));
    return evaluator.apply(ParticipationRecorded.builder().eventId(EventId.of("bench-" + n))
        .actor(member).occurredAt(at).participation(Participation.of(lastActivity, member,
            ParticipationKind.ATTENDED, at)).build());
  }
}
