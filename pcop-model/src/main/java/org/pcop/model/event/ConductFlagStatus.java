package org.pcop.model.event;

/** The status of a conduct concern about a member. */
public enum ConductFlagStatus {
  /** Raised; under review. */
  RAISED,
  /** Upheld after review. */
  UPHELD,
  /** Dismissed after review. */
  DISMISSED
}
