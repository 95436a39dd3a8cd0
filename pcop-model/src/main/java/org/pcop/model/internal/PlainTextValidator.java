package org.pcop.model.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.pcop.model.validation.PlainText;

/** Checks {@link PlainText}. */
public final class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {
  private boolean multiline;

  /** Created by Hibernate Validator. */
  public PlainTextValidator() {}

  @Override
  public void initialize(PlainText annotation) {
    multiline = annotation.multiline();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null || TextRules.isPlain(value, multiline);
  }
}
