package org.pcop.model;

/** Where a membership stands. */
public enum MembershipStatus {
  /** Invited, not yet active. */
  INVITED,
  /** Taking part. */
  ACTIVE,
  /** No participation for a while; made active again by taking part. */
  DORMANT,
  /** Left the community; may be invited again. */
  LEFT,
  /**
   * Suspended by the program, with a reason, until an end date or an earlier reinstatement; a
   * suspended member takes no part and is refused by eligibility and exchange policy.
   */
  SUSPENDED
}
