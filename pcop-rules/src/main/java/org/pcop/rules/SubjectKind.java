package org.pcop.rules;

/** What a rule result is about. The order of the constants is the order of results. */
public enum SubjectKind {
  /** A whole community (coverage tables, leaderboards). */
  COMMUNITY,
  /** A site of the program. */
  SITE,
  /** A core area of a community's taxonomy. */
  CORE_AREA,
  /** A topic of a community's taxonomy. */
  TOPIC,
  /** A member's membership of a community, identified as {@code member@community}. */
  MEMBERSHIP,
  /** An exchange. */
  EXCHANGE,
  /** A request for information. */
  RFI,
  /** Anything a custom rule kind evaluates. */
  OTHER
}
