package org.pcop.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * Who answers a request for information in a {@link NationalCommunity} history: more than half
 * the time someone with the request's topic as expertise (half of those someone who answered the
 * topic before, as often as they did), one time in five the lead of the asker's site, otherwise
 * anyone (noise); never the asker. An instance makes the draws of one pass over the history, from
 * the generator's random source, and remembers who answered each topic.
 */
final class AnswererChoice {
  /** Members with each topic as expertise, by topic index, lowest member first. */
  private final List<List<Integer>> experts = new ArrayList<>();
  /** Members who answered a request on each topic, once per answer: past practice. */
  private final List<List<Integer>> answered = new ArrayList<>();

  /**
   * The draws of one pass over a history.
   *
   * @param topics how many topics the taxonomy has
   */
  AnswererChoice(int topics) {
    for (int t = 0; t < topics; t++) {
      experts.add(new ArrayList<>());
      answered.add(new ArrayList<>());
    }
  }

  /** Records that member {@code m} has {@code topic} as expertise; members come lowest first. */
  void expert(int topic, int m) {
    experts.get(topic).add(m);
  }

  /** Records an answer of member {@code m} on {@code topic}. */
  void answered(int topic, int m) {
    answered.get(topic).add(m);
  }

  /**
   * Draws who answers a request on {@code topic}.
   *
   * @param random the history's random source
   * @param asker the asking member
   * @param topic the request's topic index
   * @param enrolled how many members are enrolled so far (members {@code 0} to {@code enrolled-1})
   * @param present whether a member takes part today
   * @param siteOf the site index of a member, or a negative number
   * @return the answering member
   */
  int draw(SplittableRandom random, int asker, int topic, int enrolled, IntPredicate present,
      IntUnaryOperator siteOf) {
    for (int tries = 0; tries < 6; tries++) {
      int roll = random.nextInt(100);
      int m;
      if (roll < 55) {
        List<Integer> past = answered.get(topic);
        List<Integer> known = experts.get(topic);
        if (!past.isEmpty() && random.nextBoolean()) {
          m = past.get(random.nextInt(past.size()));
        } else if (!known.isEmpty()) {
          m = known.get(random.nextInt(Math.max(1, upTo(known, enrolled))));
        } else {
          m = random.nextInt(Math.max(1, enrolled));
        }
      } else if (roll < 75) {
        int s = siteOf.applyAsInt(asker);
        m = s >= 0 ? 1 + s : random.nextInt(Math.max(1, enrolled));
      } else {
        m = random.nextInt(Math.max(1, enrolled));
      }
      if (m != asker && present.test(m)) {
        return m;
      }
    }
    return asker == 0 ? Math.min(1, enrolled - 1) : 0;
  }

  /** How many of an ascending list are below {@code bound}. */
  private static int upTo(List<Integer> sorted, int bound) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid) < bound) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
