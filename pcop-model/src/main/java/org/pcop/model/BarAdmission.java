package org.pcop.model;

import jakarta.validation.constraints.Pattern;
import org.immutables.value.Value;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.UsJurisdiction;

/** A member's admission to the bar of a jurisdiction, with the bar number it issued. */
@Value.Immutable
public interface BarAdmission {
  /**
   * The two-letter code of the admitting state, DC or territory.
   *
   * @return the jurisdiction
   */
  @Value.Parameter
  @UsJurisdiction
  String getJurisdiction();

  /**
   * The bar number: up to 20 letters, digits and inner hyphens.
   *
   * @return the bar number
   */
  @Value.Parameter
  @Pattern(regexp = Limits.BAR_NUMBER_PATTERN,
      message = "must be a bar number: 1 to 20 letters, digits and inner hyphens")
  String getNumber();

  /**
   * The admission to {@code jurisdiction}'s bar under {@code number}.
   *
   * @param jurisdiction the two-letter jurisdiction code
   * @param number the bar number
   * @return the admission
   */
  static BarAdmission of(String jurisdiction, String number) {
    return ImmutableBarAdmission.of(jurisdiction, number);
  }
}
