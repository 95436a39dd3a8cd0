package org.pcop.benchmarks.drools;

import java.util.Objects;

/**
 * A member meets every requirement of a level (0 active, 1 contributor, 2 mentor). Inserted
 * logically by the rules.
 */
public final class Qualifies {
  private final String member;
  private final int level;

  /**
   * The qualification.
   *
   * @param member the member id
   * @param level the level's index, lowest 0
   */
  public Qualifies(String member, int level) {
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
    return other instanceof Qualifies && ((Qualifies) other).member.equals(member)
        && ((Qualifies) other).level == level;
  }

  @Override
  public int hashCode() {
    return Objects.hash(member, level);
  }
}
