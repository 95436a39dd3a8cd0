package org.pcop.benchmarks.drools;

/**
 * A member of the community as the rules see them: own agency, whether the membership is active
 * or dormant (those, and members with a recorded level, get a level), the first day it was active,
 * whether an upheld conduct flag is in force, and the level last recorded with the end of its
 * grace period. Changed in place by later events, then updated in the session.
 */
public final class MemberFact {
  private final String id;
  private final String agency;
  private boolean evaluated;
  private long activeSinceDay = Long.MAX_VALUE;
  private boolean upheld;
  private int recordedLevel = -1;
  private java.time.Instant graceEnd = java.time.Instant.MIN;

  /**
   * A newly enrolled member, without a membership yet.
   *
   * @param id the member id
   * @param agency the member's own agency id
   */
  public MemberFact(String id, String agency) {
    this.id = id;
    this.agency = agency;
  }

  /**
   * The member id.
   *
   * @return the id
   */
  public String getId() {
    return id;
  }

  /**
   * The member's own agency id.
   *
   * @return the agency
   */
  public String getAgency() {
    return agency;
  }

  /**
   * Whether the membership is active or dormant, so that a level applies.
   *
   * @return true when a level applies
   */
  public boolean isEvaluated() {
    return evaluated;
  }

  void setEvaluated(boolean evaluated) {
    this.evaluated = evaluated;
  }

  /**
   * The first day the membership was active, as an epoch day; {@link Long#MAX_VALUE} if never.
   *
   * @return the day
   */
  public long getActiveSinceDay() {
    return activeSinceDay;
  }

  void setActiveSinceDay(long activeSinceDay) {
    this.activeSinceDay = activeSinceDay;
  }

  /**
   * Whether an upheld conduct flag is in force.
   *
   * @return true when one is
   */
  public boolean isUpheld() {
    return upheld;
  }

  void setUpheld(boolean upheld) {
    this.upheld = upheld;
  }

  /**
   * Whether the rules give this member a level: an active or dormant membership, or a recorded
   * level.
   *
   * @return true if counted
   */
  public boolean isCounted() {
    return evaluated || recordedLevel >= 0;
  }

  /**
   * The level last recorded (0 active, 1 contributor, 2 mentor), or -1 for none.
   *
   * @return the recorded level
   */
  public int getRecordedLevel() {
    return recordedLevel;
  }

  /**
   * Until when a demotion from the recorded level waits: the level's change plus the grace days.
   *
   * @return the end of the grace period, {@link java.time.Instant#MIN} without a recorded change
   */
  public java.time.Instant getGraceEnd() {
    return graceEnd;
  }

  void setRecorded(int level, java.time.Instant graceEnd) {
    this.recordedLevel = level;
    this.graceEnd = graceEnd;
  }
}
