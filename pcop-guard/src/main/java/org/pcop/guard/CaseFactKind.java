package org.pcop.guard;

import java.util.Optional;

/**
 * The kinds of case fact the built-in detectors find. Each has a stable {@link #id()} for
 * records and a {@link #description()} for messages; neither ever holds the text found.
 */
public enum CaseFactKind {
  /** A Social Security number, written 123-45-6789 or 123 45 6789, or nine digits after "SSN". */
  SSN("ssn", "a Social Security number"),
  /** A date after "DOB", "date of birth", "born" and the like. */
  DATE_OF_BIRTH("date-of-birth", "a date of birth"),
  /** A case, docket, cause or indictment number, such as 2026-CR-0042 or 1:24-cr-00123. */
  CASE_NUMBER("case-number", "a case or docket number"),
  /** A case caption: "State v. ...", "People v. ...", "In re J.M." and the like. */
  CASE_CAPTION("case-caption", "a case caption"),
  /** A person's name beside a role in a case: victim, defendant, witness, suspect, juvenile. */
  PERSON_IN_CASE_ROLE("person-in-case-role", "a named person in a case role"),
  /** A street address that is not a venue or office. */
  STREET_ADDRESS("street-address", "a street address"),
  /** A driver's licence number. */
  DRIVERS_LICENCE("drivers-licence", "a driver's licence number"),
  /** A licence plate. */
  PLATE("plate", "a licence plate"),
  /** An FBI number (universal control number). */
  FBI_NUMBER("fbi-number", "an FBI number"),
  /** A state identification (SID) number. */
  STATE_ID("state-id", "a state identification number"),
  /** An NCIC record number. */
  NCIC_NUMBER("ncic-number", "an NCIC number"),
  /** A phone number beside a person's name or marked personal, that is not an office line. */
  PERSONAL_PHONE("personal-phone", "a personal phone number"),
  /** A personal e-mail address beside a person's name or a case role. */
  PERSONAL_EMAIL("personal-email", "a personal e-mail address");

  private final String id;
  private final String description;

  CaseFactKind(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /**
   * The stable identifier, such as {@code "ssn"} or {@code "case-caption"}.
   *
   * @return the identifier
   */
  public String id() {
    return id;
  }

  /**
   * The kind in words, such as {@code "a Social Security number"}.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * The built-in kind with the given identifier.
   *
   * @param id an identifier such as {@code "ssn"}
   * @return the kind, or empty when {@code id} is not a built-in kind (it may be a host's)
   */
  public static Optional<CaseFactKind> byId(String id) {
    for (CaseFactKind kind : values()) {
      if (kind.id.equals(id)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
