package org.pcop.rules.internal;

import java.util.Arrays;
import org.pcop.model.InvalidValueException;
import org.pcop.model.activity.ParticipationKind;

/**
 * One member's participations in one community, as two parallel primitive arrays sorted by day
 * (epoch days in the community's time zone; participations of the same day keep their recording
 * order): the day, and the activity's index in the record packed with the participation kind.
 * About eight bytes a participation, no boxing and no object per day. Appending in day order is
 * O(1); a late participation is inserted at its place.
 *
 * <p>Each change bumps {@link #version()} and remembers where the participation went, so that
 * aggregates folded from the log can tell whether exactly one participation was added since they
 * last looked and fold in just that one. Not thread-safe.
 */
public final class ParticipationLog {
  private static final ParticipationKind[] KINDS = ParticipationKind.values();

  private int[] days = new int[4];
  private int[] entries = new int[4];
  private int size;
  private long version;
  private int lastPosition = -1;

  /**
   * Records a participation.
   *
   * @param day the epoch day of the participation in the community's time zone
   * @param activity the activity's index in the record, 0 or more
   * @param kind the kind of participation
   * @return the position it was stored at
   * @throws InvalidValueException if the activity index is negative or too large to pack
   */
  public int add(int day, int activity, ParticipationKind kind) {
    InvalidValueException.check(activity >= 0 && activity <= Integer.MAX_VALUE / KINDS.length,
        "ParticipationLog", "activity", "index %d is out of range", activity);
    if (size == days.length) {
      int grown = size + (size >> 1) + 1;
      days = Arrays.copyOf(days, grown);
      entries = Arrays.copyOf(entries, grown);
    }
    int position = size;
    while (position > 0 && days[position - 1] > day) {
      position--;
    }
    if (position < size) {
      System.arraycopy(days, position, days, position + 1, size - position);
      System.arraycopy(entries, position, entries, position + 1, size - position);
    }
    days[position] = day;
    entries[position] = activity * KINDS.length + kind.ordinal();
    size++;
    version++;
    lastPosition = position;
    return position;
  }

  /**
   * How many participations the log holds.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /**
   * The epoch day of the {@code i}-th participation in day order.
   *
   * @param i the position
   * @return the day
   */
  public int day(int i) {
    check(i);
    return days[i];
  }

  /**
   * The record's index of the activity of the {@code i}-th participation.
   *
   * @param i the position
   * @return the activity index
   */
  public int activity(int i) {
    check(i);
    return entries[i] / KINDS.length;
  }

  /**
   * The kind of the {@code i}-th participation.
   *
   * @param i the position
   * @return the kind
   */
  public ParticipationKind kind(int i) {
    check(i);
    return KINDS[entries[i] % KINDS.length];
  }

  /**
   * The ordinal of the kind of the {@code i}-th participation, for bit masks.
   *
   * @param i the position
   * @return the ordinal
   */
  public int kindOrdinal(int i) {
    check(i);
    return entries[i] % KINDS.length;
  }

  /**
   * The first position whose day is {@code day} or later; {@link #size()} if none.
   *
   * @param day the epoch day
   * @return the position
   */
  public int firstOnOrAfter(int day) {
    return firstOnOrAfter(days, size, day);
  }

  /**
   * The first position among the first {@code size} of ascending {@code days} whose day is
   * {@code day} or later; {@code size} if none. Shared with {@link ContributionLog}, whose days
   * are kept in the same order.
   */
  static int firstOnOrAfter(int[] days, int size, int day) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (days[mid] < day) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * The position just past the last participation on {@code day} or earlier.
   *
   * @param day the epoch day
   * @return the position, 0 if every participation is later
   */
  public int endOnOrBefore(int day) {
    return day == Integer.MAX_VALUE ? size : firstOnOrAfter(day + 1);
  }

  /**
   * Changes with every participation added; 0 while empty.
   *
   * @return the version
   */
  public long version() {
    return version;
  }

  /**
   * Where the most recent participation was stored, -1 while empty.
   *
   * @return the position
   */
  public int lastPosition() {
    return lastPosition;
  }

  /**
   * A log as a snapshot wrote it, from its raw arrays (which it takes over, not copies).
   *
   * @param days the days, at least {@code size} long
   * @param entries the packed entries, as long as {@code days}
   * @param size how many participations
   * @param version the version
   * @param lastPosition where the most recent participation went, -1 while empty
   * @return the log
   * @throws IllegalArgumentException if the parts do not fit together
   */
  public static ParticipationLog restore(int[] days, int[] entries, int size, long version,
      int lastPosition) {
    if (days.length != entries.length || size < 0 || size > days.length
        || lastPosition < -1 || lastPosition >= Math.max(size, 1) || version < size) {
      throw new IllegalArgumentException("a participation log of " + size + " entries in arrays"
          + " of " + days.length + " and " + entries.length + ", version " + version
          + " and last position " + lastPosition + " does not fit together");
    }
    ParticipationLog log = new ParticipationLog();
    log.days = days;
    log.entries = entries;
    log.size = size;
    log.version = version;
    log.lastPosition = lastPosition;
    return log;
  }

  /**
   * The days array itself, for a snapshot to write the first {@link #size()} of them.
   *
   * @return the array, not a copy
   */
  public int[] rawDays() {
    return days;
  }

  /**
   * The packed entries array itself, for a snapshot.
   *
   * @return the array, not a copy
   */
  public int[] rawEntries() {
    return entries;
  }

  private void check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("participation " + i + " of " + size);
    }
  }
}
