package org.pcop.benchmarks.suggest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * The rankings pcop's suggestions are compared with, each over the same candidates pcop
 * considers: a seeded random order, and an order by a count (how active each candidate has been
 * so far; how well each matches the topic or core areas), most first, ties to the lower id as in
 * pcop's own rankings.
 */
public final class Baselines {
  private Baselines() {}

  /**
   * The candidates in a random order: sorted by id first (so the order never depends on how they
   * were collected), then shuffled with {@code random}. The same candidates and a random in the
   * same state give the same order.
   *
   * @param <T> the candidate type
   * @param candidates the candidates
   * @param random the source of the draws, advanced by the shuffle
   * @return the order, a new list
   */
  public static <T extends Comparable<? super T>> List<T> random(Collection<T> candidates,
      SplittableRandom random) {
    List<T> order = new ArrayList<>(candidates);
    order.sort(Comparator.naturalOrder());
    for (int i = order.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T swap = order.get(i);
      order.set(i, order.get(j));
      order.set(j, swap);
    }
    return order;
  }

  /**
   * The candidates by a count, highest first, ties to the lower id.
   *
   * @param <T> the candidate type
   * @param candidates the candidates
   * @param count each candidate's count
   * @return the order, a new list
   */
  public static <T extends Comparable<? super T>> List<T> byCount(Collection<T> candidates,
      ToIntFunction<T> count) {
    Map<T, Integer> counts = new HashMap<>();
    for (T candidate : candidates) {
      counts.put(candidate, count.applyAsInt(candidate));
    }
    List<T> order = new ArrayList<>(candidates);
    order.sort(Comparator.comparing((T c) -> counts.get(c)).reversed()
        .thenComparing(Comparator.naturalOrder()));
    return order;
  }

  /**
   * The candidates by a chance, highest first, ties to the lower id; a candidate without one
   * counts as 0.
   *
   * @param <T> the candidate type
   * @param candidates the candidates
   * @param chances each candidate's chance
   * @return the order, a new list
   */
  public static <T extends Comparable<? super T>> List<T> byChance(Collection<T> candidates,
      Map<T, Double> chances) {
    List<T> order = new ArrayList<>(candidates);
    order.sort(Comparator.comparing((T c) -> chances.getOrDefault(c, 0.0)).reversed()
        .thenComparing(Comparator.naturalOrder()));
    return order;
  }

  /**
   * The target's place in an order, 1 for first.
   *
   * @param <T> the candidate type
   * @param order the order
   * @param target the target
   * @return its place, or 0 when the order does not hold it
   */
  public static <T> int placeOf(List<T> order, T target) {
    int index = order.indexOf(target);
    return index + 1;
  }
}
