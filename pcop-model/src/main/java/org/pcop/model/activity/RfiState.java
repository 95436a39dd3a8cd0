package org.pcop.model.activity;

/** Where a request for information stands. */
public enum RfiState {
  /** Posted; no response yet. */
  OPEN,
  /** At least one response; none accepted yet. */
  ANSWERED,
  /** A response was accepted. Final. */
  RESOLVED,
  /** Closed without an accepted response. Final. */
  EXPIRED
}
