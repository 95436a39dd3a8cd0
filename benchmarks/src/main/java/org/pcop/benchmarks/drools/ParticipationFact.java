package org.pcop.benchmarks.drools;

import org.pcop.model.activity.ParticipationKind;

/**
 * One participation of a member in an activity, with what the rules need of the activity copied
 * in when it is inserted: its host site and whether it is a meeting.
 */
public final class ParticipationFact {
  private final String member;
  private final String activity;
  private final ParticipationKind kind;
  private final long day;
  private final String hostSite;

  /**
   * The participation.
   *
   * @param member the member id
   * @param activity the activity id
   * @param kind how the member took part
   * @param day the day, as an epoch day in the community's time zone
   * @param hostSite the activity's host site id, or null
   */
  public ParticipationFact(String member, String activity, ParticipationKind kind, long day,
      String hostSite) {
    this.member = member;
    this.activity = activity;
    this.kind = kind;
    this.day = day;
    this.hostSite = hostSite;
  }

  /**
   * The member id.
   *
   * @return the member
   */
  public String getMember() {
    return member;
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
   * How the member took part.
   *
   * @return the kind
   */
  public ParticipationKind getKind() {
    return kind;
  }

  /**
   * The day, as an epoch day in the community's time zone.
   *
   * @return the day
   */
  public long getDay() {
    return day;
  }

  /**
   * The activity's host site id.
   *
   * @return the site, or null when the activity has none
   */
  public String getHostSite() {
    return hostSite;
  }
}
