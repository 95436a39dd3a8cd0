package org.pcop.benchmarks.suggest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.model.ExchangeId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiState;
import org.pcop.rules.AnswererSuggestion;
import org.pcop.rules.AnswererSuggestions;
import org.pcop.rules.AnswererWeights;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.HostSuggestion;
import org.pcop.rules.HostSuggestions;
import org.pcop.rules.HostWeights;
import org.pcop.rules.definition.ExchangePolicyRule;

/**
 * One suggestion query at national scale: the five members who should answer one open request,
 * and the five sites that should host one requested exchange, over the record of the national
 * history (55 sites, 2,300 agencies, 30,000 members; {@link #history} events), at the end of the
 * history. The request is the last one posted that is still open, the exchange the last one
 * still requested.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.unsupported", "-Xmx4g"})
public class SuggestionBenchmark {
  /** Events in the history. */
  @Param({"1000000"})
  public long history;

  private EngagementRecord record;
  private RfiId request;
  private ExchangeId exchange;
  private Instant now;
  private Optional<ExchangePolicyRule> policy;

  /** Builds the record and picks the request and the exchange. */
  @Setup(Level.Trial)
  public void setUp() {
    NationalCommunity community = NationalCommunity.national(history);
    record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    community.forEach(record::apply);
    now = community.end();
    policy = SuggestionEvaluation.defaultPolicy();
    for (RequestForInformation rfi : record.rfis(NationalCommunity.COMMUNITY.getId())) {
      if ((rfi.getState() == RfiState.OPEN || rfi.getState() == RfiState.ANSWERED)
          && (request == null || rfi.getPostedAt().isAfter(record.rfi(request).orElseThrow()
              .getPostedAt()))) {
        request = rfi.getId();
      }
    }
    for (Exchange x : record.exchanges(NationalCommunity.COMMUNITY.getId())) {
      if (x.getState() == ExchangeState.REQUESTED && (exchange == null || x.getRequestedAt()
          .isAfter(record.exchange(exchange).orElseThrow().getRequestedAt()))) {
        exchange = x.getId();
      }
    }
    if (request == null || exchange == null) {
      throw new IllegalStateException("the history has no open request or requested exchange");
    }
  }

  /**
   * The five members who should answer the request.
   *
   * @return the suggestions
   */
  @Benchmark
  public List<AnswererSuggestion> answerersForOneRequest() {
    return AnswererSuggestions.forRequest(record, request, now, AnswererWeights.DEFAULTS, 5);
  }

  /**
   * The five sites that should host the exchange.
   *
   * @return the suggestions
   */
  @Benchmark
  public List<HostSuggestion> hostsForOneExchange() {
    return HostSuggestions.forExchange(record, exchange, now, policy, HostWeights.DEFAULTS, 5);
  }
}
