package org.pcop.benchmarks.drools;

import java.util.Objects;

/**
 * A member still holds a level with hysteresis (windowed thresholds times the demotion fraction) (0 active, 1 contributor, 2 mentor). Inserted
 * logically by the rules.
 */
public final class Keeps {
  private final String member;
  private final int level;

  /**
   * The qualification.
   *
   * @param member the member id
   * @param level the level's index, lowest 0
   */
  public Keeps(String member, int level) {
    this.member = member;
    this.level = level;
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
   * The level's index, lowest 0.
   *
   * @return the level
   */
  public int getLevel() {
    return level;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Keeps && ((Keeps) other).member.equals(member)
        && ((Keeps) other).level == level;
  }

  @Override
  public int hashCode() {
    return Objects.hash(member, level);
  }
}
