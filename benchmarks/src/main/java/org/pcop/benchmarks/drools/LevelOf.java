package org.pcop.benchmarks.drools;

import java.util.List;
import java.util.Objects;

/**
 * The level a member is at: the highest level whose requirements all hold. Inserted logically by
 * the rules.
 */
public final class LevelOf {
  /** The default levels, lowest first. */
  public static final List<String> LEVELS = List.of("active", "contributor", "mentor");
  /** Days a recorded level is kept after its change before a demotion takes effect. */
  public static final int GRACE_DAYS = 90;

  /**
   * The level of a member with a recorded level, as pcop's level rule decides it: the highest
   * level met, or the highest level at or below the recorded one still held with hysteresis if
   * that is higher; a demotion waits until the grace period after the recorded change ends.
   *
   * @param recorded the recorded level, -1 for none
   * @param inGrace whether the evaluation instant is before the end of the grace period
   * @param qualifies the levels whose requirements all hold
   * @param keeps the levels whose requirements hold with hysteresis
   * @return the level, -1 for none
   */
  public static int decide(int recorded, boolean inGrace, java.util.Collection<?> qualifies,
      java.util.Collection<?> keeps) {
    int target = -1;
    for (Object level : qualifies) {
      target = Math.max(target, (Integer) level);
    }
    int keep = -1;
    for (Object level : keeps) {
      int l = (Integer) level;
      if (l <= recorded) {
        keep = Math.max(keep, l);
      }
    }
    int next = Math.max(target, keep);
    return next < recorded && inGrace ? recorded : next;
  }

  private final String member;
  private final String level;

  /**
   * The member's level.
   *
   * @param member the member id
   * @param level the level's index in {@link #LEVELS}
   */
  public LevelOf(String member, int level) {
    this.member = member;
    this.level = LEVELS.get(level);
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
   * The level's name.
   *
   * @return the level
   */
  public String getLevel() {
    return level;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LevelOf && ((LevelOf) other).member.equals(member)
        && ((LevelOf) other).level.equals(level);
  }

  @Override
  public int hashCode() {
    return Objects.hash(member, level);
  }
}
