package org.pcop.rules.internal;

import java.util.Arrays;
import org.pcop.rules.definition.ContributionKind;

/**
 * One member's contributions in one community (answers given, requests answered and posted,
 * answers accepted, exchanges hosted and visited), as parallel primitive arrays sorted by day
 * (epoch days in the community's time zone; contributions of the same day keep their recording
 * order): the day, the kind, the other member's number in the record (-1 without one, as for
 * exchanges) and the subject's number: the request's topic, or for an exchange the exchange's
 * number in the record. Appending in day
 * order is O(1); a late contribution is inserted at its place. Not thread-safe.
 */
public final class ContributionLog {
  private static final ContributionKind[] KINDS = ContributionKind.values();

  private int[] days = new int[2];
  private byte[] kinds = new byte[2];
  private int[] counterparties = new int[2];
  private int[] topics = new int[2];
  private int size;
  /** Where the most recent contribution went, -1 while empty; not kept in snapshots. */
  private int lastPosition = -1;

  void add(int day, ContributionKind kind, int counterparty, int topic) {
    if (size == days.length) {
      int grown = size * 2;
      days = Arrays.copyOf(days, grown);
      kinds = Arrays.copyOf(kinds, grown);
      counterparties = Arrays.copyOf(counterparties, grown);
      topics = Arrays.copyOf(topics, grown);
    }
    int position = size;
    while (position > 0 && days[position - 1] > day) {
      position--;
    }
    if (position < size) {
      System.arraycopy(days, position, days, position + 1, size - position);
      System.arraycopy(kinds, position, kinds, position + 1, size - position);
      System.arraycopy(counterparties, position, counterparties, position + 1, size - position);
      System.arraycopy(topics, position, topics, position + 1, size - position);
    }
    days[position] = day;
    kinds[position] = (byte) kind.ordinal();
    counterparties[position] = counterparty;
    topics[position] = topic;
    size++;
    lastPosition = position;
  }

  /**
   * How many contributions the log holds.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /**
   * Where the most recent contribution went in day order: with {@link #size()}, what running
   * aggregates need to add just that one.
   *
   * @return the position, -1 while empty
   */
  public int lastPosition() {
    return lastPosition;
  }

  /**
   * The epoch day of the {@code i}-th contribution in day order.
   *
   * @param i the position
   * @return the day
   */
  public int day(int i) {
    return days[check(i)];
  }

  /**
   * The kind of the {@code i}-th contribution.
   *
   * @param i the position
   * @return the kind
   */
  public ContributionKind kind(int i) {
    return KINDS[kinds[check(i)]];
  }

  /**
   * The other member's number in the record of the {@code i}-th contribution.
   *
   * @param i the position
   * @return the number, -1 without another member
   */
  public int counterparty(int i) {
    return counterparties[check(i)];
  }

  /**
   * The topic's number in the record of the {@code i}-th contribution; for an exchange hosted or
   * visited, the exchange's number.
   *
   * @param i the position
   * @return the number
   */
  public int topic(int i) {
    return topics[check(i)];
  }

  /**
   * The first position whose day is {@code day} or later; {@link #size()} if none.
   *
   * @param day the epoch day
   * @return the position
   */
  public int firstOnOrAfter(int day) {
    return ParticipationLog.firstOnOrAfter(days, size, day);
  }

  /** The log's arrays as a snapshot keeps them: days, kinds, counterparties, topics. */
  int[][] export() {
    int[] kindOrdinals = new int[size];
    for (int i = 0; i < size; i++) {
      kindOrdinals[i] = kinds[i];
    }
    return new int[][] {Arrays.copyOf(days, size), kindOrdinals,
        Arrays.copyOf(counterparties, size), Arrays.copyOf(topics, size)};
  }

  /**
   * A log of the arrays a snapshot kept.
   *
   * @throws IllegalArgumentException if they differ in length, are not in day order or name an
   *     unknown kind
   */
  static ContributionLog restore(int[][] arrays) {
    if (arrays.length != 4 || arrays[1].length != arrays[0].length
        || arrays[2].length != arrays[0].length || arrays[3].length != arrays[0].length) {
      throw new IllegalArgumentException("contribution log arrays of different lengths");
    }
    ContributionLog log = new ContributionLog();
    for (int i = 0; i < arrays[0].length; i++) {
      if (arrays[1][i] < 0 || arrays[1][i] >= KINDS.length
          || (i > 0 && arrays[0][i] < arrays[0][i - 1])) {
        throw new IllegalArgumentException("contribution " + i + " is out of order or of an"
            + " unknown kind");
      }
      log.add(arrays[0][i], KINDS[arrays[1][i]], arrays[2][i], arrays[3][i]);
    }
    return log;
  }

  private int check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("contribution " + i + " of " + size);
    }
    return i;
  }
}
