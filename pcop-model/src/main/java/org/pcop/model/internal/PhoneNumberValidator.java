package org.pcop.model.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.pcop.model.validation.PhoneNumber;

/** Checks {@link PhoneNumber} with libphonenumber. */
public final class PhoneNumberValidator implements ConstraintValidator<PhoneNumber, CharSequence> {
  private static final int MAX_INPUT = 40;
  private String region;

  /** Created by Hibernate Validator. */
  public PhoneNumberValidator() {}

  @Override
  public void initialize(PhoneNumber annotation) {
    region = annotation.region();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    if (value.length() > MAX_INPUT || !TextRules.isPlain(value, false)) {
      return false;
    }
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      return util.isValidNumber(util.parse(value, region));
    } catch (NumberParseException e) {
      return false;
    }
  }
}
