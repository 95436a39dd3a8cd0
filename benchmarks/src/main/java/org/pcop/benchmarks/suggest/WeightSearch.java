package org.pcop.benchmarks.suggest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.model.MemberId;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.rules.AnswererSuggestion;
import org.pcop.rules.AnswererSuggestions;
import org.pcop.rules.AnswererWeights;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.HostSuggestion;
import org.pcop.rules.HostSuggestions;
import org.pcop.rules.HostWeights;
import org.pcop.rules.SuggestionFactor;
import org.pcop.rules.definition.ExchangePolicyRule;

/**
 * The search that chose the default weights: a coordinate search over a small grid of values per
 * weight, on the history of {@link SuggestionEvaluation#SEARCH_SEED} (never the published one),
 * maximising the hit rate at 5 (then the mean reciprocal rank).
 *
 * <p>The history is replayed once. At each case every candidate's raw factors are read from
 * pcop's own ranking with unit weights and no caps (a factor's points are then its weight times
 * the raw value, capped where the weight record caps it), and candidates with the same raw
 * factors are counted together, so that each weight setting is scored without replaying. Starting
 * from the current defaults, each weight in turn takes the grid value that scores best, for up to
 * three sweeps or until nothing changes; ties keep the current value. The weights found are
 * checked with pcop's own rankings on the same history and printed.
 *
 * <p>Run with {@code java -p ... -m org.pcop.benchmarks/org.pcop.benchmarks.suggest.WeightSearch
 * [seed [events]]}.
 */
public final class WeightSearch {
  /**
   * The grid of values tried for each answerer weight, in record order (all but
   * {@code dormantAfterDays}, which stays). No grid holds 0: every factor the ranking names stays
   * on, and the search only tunes how much it counts.
   */
  static final double[][] ANSWERER_GRID = {
      {0.5, 1, 2, 3, 4, 6}, {0.1, 0.25, 0.5, 1, 2}, {0.25, 0.5, 1, 2, 3}, {0.1, 0.25, 0.5, 1},
      {1, 3, 5, 10, 20, 50}, {0.25, 0.5, 1, 2}, {0.1, 0.25, 0.5, 0.75, 1.5},
      {0.1, 0.25, 0.5, 1, 2}, {0.25, 0.5, 1.5, 3, 6}, {0.1, 0.25, 0.5, 1}};
  /** The grid of values tried for each host weight, in record order; no grid holds 0 either. */
  static final double[][] HOST_GRID = {
      {0.05, 0.1, 0.25, 0.5}, {4, 8, 32, 1000}, {0.5, 1, 2, 4, 8}, {0.1, 0.25, 0.5, 1},
      {1, 3, 10, 30, 100}, {0.1, 0.25, 0.5, 1}, {0.5, 1, 3}, {0.1, 0.25, 0.5, 1}, {1, 3},
      {0.1, 0.25, 0.5, 1}, {0.1, 0.25, 0.5, 1}, {0.1, 0.25, 0.5, 1, 2, 4}};

  private static final AnswererWeights UNIT_ANSWERERS = new AnswererWeights(1, 1, 1, 1,
      Integer.MAX_VALUE, 1, 1, 1, 1, AnswererWeights.DEFAULTS.dormantAfterDays(), 1);
  private static final HostWeights UNIT_HOSTS = new HostWeights(1, Integer.MAX_VALUE, 1, 1,
      Integer.MAX_VALUE, 1, 1, 1, 1, 1, 1, 1);

  private WeightSearch() {}

  /** Candidates with the same raw factors: how many, and how many of them rank before the target on a tie. */
  private record Group(double[] raw, int all, int beforeTarget) {}

  /** One case: the groups, and the target's raw factors (null when it was not a candidate). */
  private record Case(List<Group> groups, double[] target) {}

  /** A weight setting as numbers, in record order, with a scorer of raw factors. */
  private interface Scorer {
    double score(double[] weights, double[] raw);
  }

  /** Answerer raw factors: expertise, area expertise, accepted on topic, in area, speed, load, level, dormancy, diversity. */
  static double[] answererRaw(AnswererSuggestion suggestion) {
    double[] raw = new double[9];
    for (SuggestionFactor f : suggestion.factors()) {
      switch (f.name()) {
        case "topicExpertise" -> raw[0] = f.points();
        case "areaExpertise" -> raw[1] = f.points();
        case "acceptedOnTopic" -> raw[2] = f.points();
        case "acceptedInArea" -> raw[3] = f.points();
        case "responseSpeed" -> raw[4] = f.points();
        case "load" -> raw[5] = -f.points();
        case "engagementLevel" -> raw[6] = f.points();
        case "dormancy" -> raw[7] = -f.points();
        case "diversity" -> raw[8] = f.points();
        default -> throw new IllegalStateException("unknown answerer factor " + f.name());
      }
    }
    return raw;
  }

  static double answererScore(double[] w, double[] raw) {
    return w[0] * raw[0] + w[1] * raw[1] + w[2] * Math.min(raw[2], w[4])
        + w[3] * Math.min(raw[3], w[4]) + w[5] * raw[4] - w[6] * raw[5] + w[7] * raw[6]
        - w[8] * raw[7] + w[10] * raw[8];
  }

  /** Host raw factors: practice, hosted, reported, capacity left, at capacity, funding left, over funding, new pairing, past pairings, asked. */
  static double[] hostRaw(HostSuggestion suggestion) {
    double[] raw = new double[10];
    for (SuggestionFactor f : suggestion.factors()) {
      switch (f.name()) {
        case "practice" -> raw[0] = f.points();
        case "hosted" -> raw[1] = f.points();
        case "reported" -> raw[2] = f.points();
        case "capacity" -> raw[f.points() > 0 ? 3 : 4] = Math.abs(f.points());
        case "funding" -> raw[f.points() > 0 ? 5 : 6] = Math.abs(f.points());
        case "pairing" -> raw[f.points() > 0 ? 7 : 8] = Math.abs(f.points());
        case "asked" -> raw[9] = f.points();
        default -> throw new IllegalStateException("unknown host factor " + f.name());
      }
    }
    return raw;
  }

  static double hostScore(double[] w, double[] raw) {
    return w[0] * Math.min(raw[0], w[1]) + w[2] * Math.min(raw[1], w[4])
        + w[3] * Math.min(raw[2], w[4]) + w[5] * raw[3] - w[6] * raw[4] + w[7] * raw[5]
        - w[8] * raw[6] + w[9] * raw[7] - w[10] * Math.min(raw[8], w[4])
        + w[11] * Math.min(raw[9], w[4]);
  }

  static double[] numbers(AnswererWeights w) {
    return new double[] {w.topicExpertise(), w.areaExpertise(), w.acceptedOnTopic(),
        w.acceptedInArea(), w.acceptedCap(), w.responseSpeed(), w.loadPerRequest(),
        w.engagementLevel(), w.dormancy(), w.dormantAfterDays(), w.diversity()};
  }

  static AnswererWeights answererWeights(double[] n) {
    return new AnswererWeights(n[0], n[1], n[2], n[3], (int) n[4], n[5], n[6], n[7], n[8],
        (int) n[9], n[10]);
  }

  static double[] numbers(HostWeights w) {
    return new double[] {w.practice(), w.practiceCap(), w.hosted(), w.reported(),
        w.hostedCap(), w.capacityLeft(), w.atCapacity(), w.fundingLeft(), w.overFunding(),
        w.newPairing(), w.pastPairing(), w.asked()};
  }

  static HostWeights hostWeights(double[] n) {
    return new HostWeights(n[0], (int) n[1], n[2], n[3], (int) n[4], n[5], n[6], n[7], n[8],
        n[9], n[10], n[11]);
  }

  /** Groups the candidates (in pcop's order, ties to the lower id) by raw factors. */
  private static <T extends Comparable<? super T>> Case group(List<T> ids, List<double[]> raws,
      T target) {
    int targetIndex = ids.indexOf(target);
    if (targetIndex < 0) {
      return new Case(List.of(), null);
    }
    Map<List<Double>, int[]> counts = new HashMap<>();
    Map<List<Double>, double[]> vectors = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      if (i == targetIndex) {
        continue;
      }
      List<Double> key = Arrays.stream(raws.get(i)).boxed().toList();
      int[] c = counts.computeIfAbsent(key, k -> new int[2]);
      vectors.putIfAbsent(key, raws.get(i));
      c[0]++;
      if (ids.get(i).compareTo(target) < 0) {
        c[1]++;
      }
    }
    List<Group> groups = new ArrayList<>();
    counts.forEach((key, c) -> groups.add(new Group(vectors.get(key), c[0], c[1])));
    return new Case(groups, raws.get(targetIndex));
  }

  /** Hit rate at 5 and mean reciprocal rank of a weight setting over the cases. */
  private static double[] score(List<Case> cases, double[] weights, Scorer scorer) {
    Scores scores = new Scores();
    for (Case c : cases) {
      if (c.target() == null) {
        scores.add(0);
        continue;
      }
      double target = scorer.score(weights, c.target());
      int place = 1;
      for (Group g : c.groups()) {
        double s = scorer.score(weights, g.raw());
        place += s > target ? g.all() : s == target ? g.beforeTarget() : 0;
      }
      scores.add(place);
    }
    return new double[] {scores.hitRate(5), scores.meanReciprocalRank()};
  }

  private static boolean better(double[] a, double[] b) {
    return a[0] > b[0] || (a[0] == b[0] && a[1] > b[1]);
  }

  /** Coordinate search over the grid; index {@code skip} (a weight not searched) is left alone. */
  private static double[] search(String what, List<Case> cases, double[] start, double[][] grid,
      int skip, Scorer scorer) {
    double[] best = start.clone();
    double[] bestScore = score(cases, best, scorer);
    System.out.printf(Locale.ROOT, "%s: start %s: hit rate at 5 %.3f, MRR %.3f%n", what,
        Arrays.toString(best), bestScore[0], bestScore[1]);
    for (int sweep = 0; sweep < 3; sweep++) {
      boolean changed = false;
      for (int i = 0, g = 0; i < best.length; i++) {
        if (i == skip) {
          continue;
        }
        for (double value : grid[g]) {
          double[] trial = best.clone();
          trial[i] = value;
          double[] s = score(cases, trial, scorer);
          if (better(s, bestScore)) {
            best = trial;
            bestScore = s;
            changed = true;
          }
        }
        g++;
      }
      System.out.printf(Locale.ROOT, "%s: sweep %d %s: hit rate at 5 %.3f, MRR %.3f%n", what,
          sweep + 1, Arrays.toString(best), bestScore[0], bestScore[1]);
      if (!changed) {
        break;
      }
    }
    return best;
  }

  /**
   * Searches weights on a history and prints the steps, the weights found and the table they
   * give there.
   *
   * @param args the seed (default {@link SuggestionEvaluation#SEARCH_SEED}), then the events
   *     (default {@link SuggestionEvaluation#EVENTS})
   */
  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : SuggestionEvaluation.SEARCH_SEED;
    long events = args.length > 1 ? Long.parseLong(args[1]) : SuggestionEvaluation.EVENTS;
    NationalCommunity history = SuggestionEvaluation.history(seed, events);
    Optional<ExchangePolicyRule> policy = SuggestionEvaluation.defaultPolicy();
    List<Case> requests = new ArrayList<>();
    List<Case> exchanges = new ArrayList<>();
    Replay.run(history, new Replay.Visitor() {
      @Override
      public void request(EngagementRecord record, RequestForInformation request, Instant at,
          MemberId target, Map<MemberId, Integer> activity) {
        List<AnswererSuggestion> all = AnswererSuggestions.forRequest(record, request.getId(),
            at, UNIT_ANSWERERS, Integer.MAX_VALUE);
        requests.add(group(all.stream().map(AnswererSuggestion::member).toList(),
            all.stream().map(WeightSearch::answererRaw).toList(), target));
      }

      @Override
      public void exchange(EngagementRecord record, Exchange exchange, Instant at,
          SiteId target, Map<SiteId, Integer> held) {
        List<HostSuggestion> all = HostSuggestions.forExchange(record, exchange.getId(), at,
            policy, UNIT_HOSTS, Integer.MAX_VALUE);
        exchanges.add(group(all.stream().map(HostSuggestion::site).toList(),
            all.stream().map(WeightSearch::hostRaw).toList(), target));
      }
    });
    AnswererWeights answerers = answererWeights(search("answerers", requests,
        numbers(AnswererWeights.DEFAULTS), ANSWERER_GRID, 9, WeightSearch::answererScore));
    HostWeights hosts = hostWeights(search("hosts", exchanges, numbers(HostWeights.DEFAULTS),
        HOST_GRID, -1, WeightSearch::hostScore));
    System.out.println(answerers);
    System.out.println(hosts);
    SuggestionEvaluation.evaluate(history, answerers, hosts, SuggestionEvaluation.RANDOM_SEED)
        .render().forEach(System.out::println);
  }
}
