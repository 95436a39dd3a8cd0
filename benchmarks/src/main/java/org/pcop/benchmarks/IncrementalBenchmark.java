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
import org.pcop.model.RfiId;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.taxonomy.PspTaxonomy;
import org.pcop.model.taxonomy.Topic;
import org.pcop.model.event.RfiPosted;
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
import org.pcop.rules.definition.RuleSet;

/**
 * Incremental evaluation after one participation or one request posted, over histories of two
 * sizes: the cost should not grow with the history. With {@code rules=default} it evaluates pcop's default rule set,
 * whose steward level reads the measures a trust ladder adds (accepted answers from distinct
 * askers, answers on distinct days, exchanges hosted, community-call attendance as a series, an
 * upheld-flag limit, no suspension), so every level evaluation reads them; with
 * {@code rules=peer} the rule set the peers restate ({@link PeerRules}: the default without the
 * steward level); with {@code rules=share} the default with a capped share in the steward level
 * ({@link ShareRules}), under which a request posted re-evaluates every member's level.
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

  /** The default rule set, the rule set the peers restate, or the default with a share. */
  @Param({"default", "peer", "share"})
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
    RuleSet ruleSet = "peer".equals(rules)
        ? PeerRules.forCommunity(NationalCommunity.COMMUNITY.getId())
        : "share".equals(rules) ? ShareRules.forCommunity(NationalCommunity.COMMUNITY.getId())
        : DefaultRules.forCommunity(NationalCommunity.COMMUNITY.getId());
    evaluator = IncrementalEvaluator.start(ruleSet, record, community.end(),
        UsFederalCalendar.instance());
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

  /**
   * Applies one more request for information, posted by a member on the day of the last
   * participation, and re-evaluates what it affects: its service levels, and under a rule with a
   * share of requests posted every member's level.
   *
   * @return the results re-evaluated
   */
  @Benchmark
  public List<RuleResult> oneRequestPosted() {
    long n = next++;
    var member = NationalCommunity.member((int) (n % community.members()));
    RfiId id = RfiId.of("bench-r-" + n);
    return evaluator.apply(RfiPosted.builder().eventId(EventId.of("bench-" + n)).actor(member)
        .occurredAt(at).request(RequestForInformation.builder().id(id)
            .community(NationalCommunity.COMMUNITY.getId()).askedBy(member)
            .topic(TOPICS.get((int) (n % TOPICS.size())).getId())
            .question("How does your office handle this?").postedAt(at).build()).build());
  }

  private static final List<Topic> TOPICS = PspTaxonomy.current().getTopics();
}
