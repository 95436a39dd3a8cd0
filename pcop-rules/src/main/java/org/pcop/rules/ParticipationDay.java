package org.pcop.rules;

import java.time.LocalDate;
import java.util.Arrays;
import org.pcop.model.ActivityId;
import org.pcop.model.activity.ParticipationKind;

/**
 * A member's participations in a community on one day (in the community's time zone): counters per
 * kind and the activities taken part in, as {@link EngagementRecord#participationDays} shows them.
 * A snapshot: later events do not change it.
 */
public final class ParticipationDay {
  private static final ParticipationKind[] KINDS = ParticipationKind.values();

  private final LocalDate day;
  private final EngagementRecord record;
  private final int[] counts = new int[KINDS.length];
  private int[] entries = new int[2];
  private int size;

  ParticipationDay(LocalDate day, EngagementRecord record) {
    this.day = day;
    this.record = record;
  }

  void add(int activityIndex, ParticipationKind kind) {
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, size * 2);
    }
    entries[size++] = activityIndex * KINDS.length + kind.ordinal();
    counts[kind.ordinal()]++;
  }

  /**
   * The day.
   *
   * @return the day
   */
  public LocalDate day() {
    return day;
  }

  /**
   * How many participations of {@code kind} fell on the day.
   *
   * @param kind the kind
   * @return the count
   */
  public int count(ParticipationKind kind) {
    return counts[kind.ordinal()];
  }

  /**
   * How many participations of any kind fell on the day.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /**
   * The activity of the {@code i}-th participation of the day, in recording order.
   *
   * @param i the index, from 0 to {@link #size()} - 1
   * @return the activity
   */
  public ActivityId activity(int i) {
    return record.activityAt(activityIndex(i)).getId();
  }

  /**
   * The kind of the {@code i}-th participation of the day.
   *
   * @param i the index, from 0 to {@link #size()} - 1
   * @return the kind
   */
  public ParticipationKind kind(int i) {
    check(i);
    return KINDS[entries[i] % KINDS.length];
  }

  int activityIndex(int i) {
    check(i);
    return entries[i] / KINDS.length;
  }

  private void check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("participation " + i + " of " + size + " on " + day);
    }
  }
}
