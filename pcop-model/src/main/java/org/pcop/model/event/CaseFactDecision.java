package org.pcop.model.event;

/** What a coordinator decided about free text the case-fact guard flagged. */
public enum CaseFactDecision {
  /** The findings were not case facts; the text stays as written. */
  CLEARED,
  /** The findings were case facts; every read shows the flagged spans as redacted. */
  REDACTED
}
