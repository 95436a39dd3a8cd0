package org.pcop.benchmarks.drools;

import java.util.Objects;

/**
 * A meeting that counts toward attendance: one of the 20 most recent in the window. Inserted
 * logically by the rules, so it disappears when a newer meeting pushes it out.
 */
public final class CountedMeeting {
  private final String activity;

  /**
   * The counted meeting.
   *
   * @param activity the activity id
   */
  public CountedMeeting(String activity) {
    this.activity = activity;
  }

  /**
   * The activity id.
   *
   * @return the activity
   */
  public String getActivity() {
    return activity;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CountedMeeting && ((CountedMeeting) other).activity.equals(activity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(activity);
  }
}
