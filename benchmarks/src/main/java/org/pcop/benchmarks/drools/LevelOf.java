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
