package org.pcop.benchmarks.drools;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.model.ActivityId;
import org.pcop.model.MemberId;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.IncrementalEvaluator;
import org.pcop.rules.RuleResult;
import org.pcop.rules.calendar.UsFederalCalendar;

/**
 * One new participation after a history, with re-evaluation: pcop-rules'
 * {@link IncrementalEvaluator} beside a live Drools session (insert, then fire). Both start from a
 * full evaluation of the same history; each measured call adds one more attendance by the next
 * member in turn, at the last activity of the history.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--add-modules", "jdk.unsupported"})
public class OneEventVersusDroolsBenchmark {
  /** Events in the history before the measured ones. */
  @Param({"100000", "1000000"})
  public long history;

  private NationalCommunity community;
  private IncrementalEvaluator pcop;
  private DroolsSession drools;
  private ActivityId lastActivity;
  private Instant at;
  private long nextPcop;
  private long nextDrools;

  /** Feeds the history to both engines and evaluates it once in full. */
  @Setup(Level.Trial)
  public void setUp() {
    community = NationalCommunity.national(history);
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    drools = DroolsRuleBase.compile().start(community.end(),
        NationalCommunity.COMMUNITY.getTimeZone());
    for (PcopEvent event : community) {
      record.apply(event);
      drools.apply(event);
      if (event instanceof ParticipationRecorded) {
        lastActivity = ((ParticipationRecorded) event).getParticipation().getActivity();
        at = event.getOccurredAt();
      }
    }
    drools.fire();
    pcop = IncrementalEvaluator.start(ComparedRules.forCommunity(
        NationalCommunity.COMMUNITY.getId()), record, community.end(),
        UsFederalCalendar.instance());
  }

  /** Frees the Drools session. */
  @TearDown(Level.Trial)
  public void tearDown() {
    drools.close();
  }

  private PcopEvent participation(String prefix, long n) {
    MemberId member = MemberId.of("m-" + (n % community.members()));
    return ParticipationRecorded.builder().eventId(EventId.of(prefix + n)).actor(member)
        .occurredAt(at).participation(Participation.of(lastActivity, member,
            ParticipationKind.ATTENDED, at)).build();
  }

  /**
   * pcop-rules: applies one more participation and re-evaluates what it affects.
   *
   * @return the results re-evaluated
   */
  @Benchmark
  public List<RuleResult> pcopRules() {
    return pcop.apply(participation("pcop-", nextPcop++));
  }

  /**
   * Drools: inserts one more participation into the live session and fires the rules.
   *
   * @return how many rules fired
   */
  @Benchmark
  public int drools() {
    drools.apply(participation("drools-", nextDrools++));
    return drools.fire();
  }
}
