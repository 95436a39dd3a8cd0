package org.pcop.model.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.pcop.model.validation.UsJurisdiction;

/** Checks {@link UsJurisdiction}. */
public final class UsJurisdictionValidator
    implements ConstraintValidator<UsJurisdiction, CharSequence> {

  /** Created by Hibernate Validator. */
  public UsJurisdictionValidator() {}

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null || Jurisdictions.isUsJurisdiction(value.toString());
  }
}
