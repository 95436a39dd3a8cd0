package org.pcop.io;

/**
 * Whether an export writes the labels of case references. A label is a host's short name for a
 * case (often a docket number, sometimes worse); the handle is what pcop needs, so exports leave
 * labels out unless asked.
 */
public enum CaseLabels {
  /**
   * Each label is written as {@link #PLACEHOLDER}; the handle is kept. The file stays valid
   * and reads back as it is, with every label the placeholder. The default.
   */
  LEFT_OUT,
  /** Labels are written as they are. */
  INCLUDED;

  /** The label written in place of each case label left out. */
  public static final String PLACEHOLDER = "(label left out)";
}
