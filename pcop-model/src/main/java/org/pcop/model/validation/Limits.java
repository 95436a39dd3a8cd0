package org.pcop.model.validation;

/**
 * The limits pcop applies to what people type, in one place so that forms, imports and
 * documentation agree.
 */
public final class Limits {
  /** Longest name of a person, site, agency, community, activity, core area or topic. */
  public static final int NAME_MAX = 200;
  /** Longest job title. */
  public static final int TITLE_MAX = 200;
  /** Longest short free text: a reason, a label. */
  public static final int SHORT_TEXT_MAX = 500;
  /**
   * Longest long free text: an exchange's purpose, an RFI question or response, a follow-up report.
   * Free text never carries case facts; a case is only ever a case reference.
   */
  public static final int LONG_TEXT_MAX = 4000;
  /** Longest email address (RFC 5321 path limit). */
  public static final int EMAIL_MAX = 254;
  /** Longest bar number. */
  public static final int BAR_NUMBER_MAX = 20;
  /** Shape of a bar number: letters, digits and inner hyphens. */
  public static final String BAR_NUMBER_PATTERN = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,18}[A-Za-z0-9])?";
  /**
   * Shape of an FBI Originating Agency Identifier: exactly nine characters, a two-letter state or
   * territory code followed by seven letters or digits.
   */
  public static final String ORI_PATTERN = "[A-Z]{2}[A-Z0-9]{7}";
  /** Longest opaque handle of a case in a host system. */
  public static final int CASE_HANDLE_MAX = 128;

  private Limits() {}
}
