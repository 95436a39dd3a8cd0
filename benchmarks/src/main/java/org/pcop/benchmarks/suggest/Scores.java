package org.pcop.benchmarks.suggest;

/**
 * How one ranking did over the cases it was asked: the share of cases whose target was in its
 * first 1, 3 and 5 places, and the mean reciprocal rank (1 / the target's place, 0 when the
 * target was not ranked at all). Not thread-safe.
 */
public final class Scores {
  private int cases;
  private int first;
  private int firstThree;
  private int firstFive;
  private double reciprocal;

  /**
   * Counts one case.
   *
   * @param place the target's place, 1 for first; 0 when the ranking did not hold the target
   */
  public void add(int place) {
    if (place < 0) {
      throw new IllegalArgumentException("a place is 0 (not ranked) or more, got " + place);
    }
    cases++;
    if (place == 0) {
      return;
    }
    first += place <= 1 ? 1 : 0;
    firstThree += place <= 3 ? 1 : 0;
    firstFive += place <= 5 ? 1 : 0;
    reciprocal += 1.0 / place;
  }

  /**
   * How many cases were counted.
   *
   * @return the count
   */
  public int cases() {
    return cases;
  }

  /**
   * The share of cases whose target was in the first {@code k} places.
   *
   * @param k 1, 3 or 5
   * @return the share, 0 when no case was counted
   */
  public double hitRate(int k) {
    int hits = switch (k) {
      case 1 -> first;
      case 3 -> firstThree;
      case 5 -> firstFive;
      default -> throw new IllegalArgumentException("hit rates are kept at 1, 3 and 5, not " + k);
    };
    return cases == 0 ? 0 : (double) hits / cases;
  }

  /**
   * The mean of 1 / the target's place over the cases (0 for an unranked target).
   *
   * @return the mean reciprocal rank, 0 when no case was counted
   */
  public double meanReciprocalRank() {
    return cases == 0 ? 0 : reciprocal / cases;
  }
}
