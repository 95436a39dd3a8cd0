package org.pcop.model;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;
import org.pcop.model.validation.UsJurisdiction;

/**
 * A prosecutor's office, optionally at a site of the program. Its kind fixes its jurisdiction
 * level: a US Attorney's Office is always federal and only it is; a tribal prosecutor is tribal; a
 * city attorney local; a state attorney general state; a district or county attorney local or
 * state (some states employ them).
 */
@Value.Immutable
public interface Agency {
  /**
   * The agency's identifier.
   *
   * @return the id
   */
  AgencyId getId();

  /**
   * The office's name, for example {@code Jackson County Prosecuting Attorney's Office}.
   *
   * @return the name
   */
  @HasText
  @Size(max = Limits.NAME_MAX)
  @PlainText
  String getName();

  /**
   * The kind of office.
   *
   * @return the kind
   */
  AgencyKind getKind();

  /**
   * The level of government it prosecutes for.
   *
   * @return the level
   */
  JurisdictionLevel getJurisdictionLevel();

  /**
   * The two-letter code of the state, DC or territory the office is in.
   *
   * @return the state code
   */
  @UsJurisdiction
  String getState();

  /**
   * The FBI Originating Agency Identifier, when the office has one: nine characters, for example
   * {@code MO0480000}.
   *
   * @return the ORI
   */
  Optional<@Pattern(regexp = Limits.ORI_PATTERN,
      message = "must be an ORI: 9 characters, a two-letter state code then 7 letters or digits")
      String> getOri();

  /**
   * The program site the office belongs to, if any.
   *
   * @return the site
   */
  Optional<SiteId> getSite();

  /**
   * Refuses a kind that contradicts the jurisdiction level: a US Attorney's Office is federal and
   * only it is, a tribal prosecutor is tribal, a city attorney local, a state attorney general
   * state, and a district or county attorney local or state.
   */
  @Value.Check
  default void check() {
    JurisdictionLevel level = getJurisdictionLevel();
    AgencyKind kind = getKind();
    InvalidValueException.check((kind == AgencyKind.US_ATTORNEYS_OFFICE)
            == (level == JurisdictionLevel.FEDERAL), "Agency", "jurisdictionLevel",
        "%s contradicts the kind %s: a US Attorney's Office is federal and only it is", level,
        kind);
    switch (kind) {
      case TRIBAL_PROSECUTOR:
        InvalidValueException.check(level == JurisdictionLevel.TRIBAL, "Agency",
            "jurisdictionLevel", "%s contradicts the kind %s: a tribal prosecutor is tribal",
            level, kind);
        break;
      case CITY_ATTORNEY:
        InvalidValueException.check(level == JurisdictionLevel.LOCAL, "Agency",
            "jurisdictionLevel", "%s contradicts the kind %s: a city attorney is local", level,
            kind);
        break;
      case ATTORNEY_GENERAL:
        InvalidValueException.check(level == JurisdictionLevel.STATE, "Agency",
            "jurisdictionLevel", "%s contradicts the kind %s: a state attorney general is state",
            level, kind);
        break;
      case DISTRICT_OR_COUNTY_ATTORNEY:
        InvalidValueException.check(level == JurisdictionLevel.LOCAL
                || level == JurisdictionLevel.STATE, "Agency", "jurisdictionLevel",
            "%s contradicts the kind %s: a district or county attorney is local or state", level,
            kind);
        break;
      default:
        break;
    }
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableAgency.Builder builder() {
    return ImmutableAgency.builder();
  }
}
