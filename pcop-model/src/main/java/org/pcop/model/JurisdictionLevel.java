package org.pcop.model;

/** The level of government an agency prosecutes for. */
public enum JurisdictionLevel {
  /** A city or county. */
  LOCAL,
  /** A state. */
  STATE,
  /** The United States. */
  FEDERAL,
  /** A tribal nation. */
  TRIBAL
}
