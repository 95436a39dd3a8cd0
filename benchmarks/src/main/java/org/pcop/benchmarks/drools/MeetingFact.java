package org.pcop.benchmarks.drools;

/** A community meeting (a community call), whose attendance the active level measures. */
public final class MeetingFact {
  private final String activity;
  private final long day;
  private final long startsAt;

  /**
   * The meeting.
   *
   * @param activity the activity id
   * @param day the day it starts, as an epoch day in the community's time zone
   * @param startsAt when it starts, in epoch seconds
   */
  public MeetingFact(String activity, long day, long startsAt) {
    this.activity = activity;
    this.day = day;
    this.startsAt = startsAt;
  }

  /**
   * The activity id.
   *
   * @return the activity
   */
  public String getActivity() {
    return activity;
  }

  /**
   * The day it starts, as an epoch day.
   *
   * @return the day
   */
  public long getDay() {
    return day;
  }

  /**
   * When it starts, in epoch seconds.
   *
   * @return the start
   */
  public long getStartsAt() {
    return startsAt;
  }
}
