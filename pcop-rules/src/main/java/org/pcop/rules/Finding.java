package org.pcop.rules;

/**
 * Something a rule result asks the engine to act on or show: a {@link LevelChange}, a
 * {@link ServiceLevelBreach}, a {@link ServiceLevelWarning}, a {@link DormancyNotice}, a
 * {@link Refusal}, a {@link Leaderboard} or a {@link ParticipationMatrix}. Custom rule kinds may
 * add their own.
 */
public interface Finding {}
