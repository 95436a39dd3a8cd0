package org.pcop.model.internal;

import java.util.Set;

/** The two-letter USPS codes of US states, DC and territories. */
public final class Jurisdictions {
  private static final Set<String> CODES = Set.of(
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
      "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
      "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
      "VA", "WA", "WV", "WI", "WY", "DC", "AS", "GU", "MP", "PR", "VI");

  private Jurisdictions() {}

  /**
   * Whether {@code code} is the USPS code of a state, DC or territory.
   *
   * @param code the candidate, upper case
   * @return true for a known code
   */
  public static boolean isUsJurisdiction(String code) {
    return CODES.contains(code);
  }
}
