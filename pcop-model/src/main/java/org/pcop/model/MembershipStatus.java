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
  LEFT
}
