package org.pcop.model;

/** The kind of a prosecutor's office. */
public enum AgencyKind {
  /** A district, county or state's attorney's office prosecuting at the local level. */
  DISTRICT_OR_COUNTY_ATTORNEY,
  /** A city attorney's office. */
  CITY_ATTORNEY,
  /** A state attorney general's office. */
  ATTORNEY_GENERAL,
  /** A United States Attorney's Office (federal). */
  US_ATTORNEYS_OFFICE,
  /** A tribal prosecutor's office. */
  TRIBAL_PROSECUTOR
}
