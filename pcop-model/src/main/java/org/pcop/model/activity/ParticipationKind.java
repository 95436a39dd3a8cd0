package org.pcop.model.activity;

/** How a member took part in an activity. */
public enum ParticipationKind {
  /** Registered to attend. */
  REGISTERED,
  /** Attended. */
  ATTENDED,
  /** Presented. */
  PRESENTED,
  /** Hosted. */
  HOSTED
}
