package org.pcop.model.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.pcop.model.validation.HasText;

/** Checks {@link HasText}. */
public final class HasTextValidator implements ConstraintValidator<HasText, CharSequence> {
  /** Created by Hibernate Validator. */
  public HasTextValidator() {}

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null || TextRules.hasVisible(value);
  }
}
