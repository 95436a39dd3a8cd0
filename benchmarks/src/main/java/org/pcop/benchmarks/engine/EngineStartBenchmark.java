package org.pcop.benchmarks.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.engine.Pcop;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.IncrementalEvaluator;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.spi.memory.InMemoryEventStore;

/**
 * An engine's cold start without a snapshot: building a {@link Pcop} over a store that holds the
 * national history replays it (reads the stream, decodes each payload, applies it to the rules'
 * record); its first evaluation starts the incremental evaluator. Beside them, the rules' own
 * work on the same history, already decoded: {@code EngagementRecord.applyAll} alone, and with
 * the evaluator started.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--add-modules", "jdk.unsupported"})
public class EngineStartBenchmark {
  /** Events in the history. */
  @Param({"100000", "1000000"})
  public long history;

  private InMemoryEventStore store;
  private List<PcopEvent> events;
  private Instant end;

  /** Generates the history once, into the store and as decoded events. */
  @Setup
  public void setUp() {
    NationalCommunity community = NationalCommunity.national(history);
    store = EngineHistory.store(community);
    events = new ArrayList<>();
    community.forEach(events::add);
    end = community.end();
  }

  /**
   * Builds an engine over the store.
   *
   * @return its position, so that nothing is optimised away
   */
  @Benchmark
  public long engineColdStart() {
    try (Pcop pcop = EngineHistory.engine(store)) {
      return pcop.position();
    }
  }

  /**
   * Builds an engine over the store and asks for its first evaluation, which starts the
   * incremental evaluator.
   *
   * @return the number of results
   */
  @Benchmark
  public int engineColdStartAndFirstEvaluation() {
    try (Pcop pcop = EngineHistory.engine(store)) {
      return pcop.evaluation().getResults().size();
    }
  }

  /**
   * The rules' record of the same events.
   *
   * @return the record
   */
  @Benchmark
  public EngagementRecord recordApplyAll() {
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    record.applyAll(events);
    return record;
  }

  /**
   * The rules' record and the incremental evaluator started over it, as the engine does.
   *
   * @return the evaluator
   */
  @Benchmark
  public IncrementalEvaluator recordAndEvaluator() {
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    record.applyAll(events);
    return IncrementalEvaluator.start(DefaultRules.forCommunity(
        NationalCommunity.COMMUNITY.getId()), record, end, UsFederalCalendar.instance());
  }
}
