package org.pcop.model.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Pattern;
import org.pcop.model.validation.PhoneNumber;

/** Checks {@link PhoneNumber} with libphonenumber. */
public final class PhoneNumberValidator implements ConstraintValidator<PhoneNumber, CharSequence> {
  private static final int MAX_INPUT = 40;
  /** An extension at the end: {@code x12}, {@code ext. 12}, {@code extension 12}, {@code #12}. */
  private static final Pattern EXTENSION =
      Pattern.compile("(?i)\\s*(?:ext\\.?|extension|x|#)\\s*\\d{1,6}\\s*$");
  /** Fictional North American numbers, 555-0100 to 555-0199 in every area code. */
  private static final long FICTIONAL_FIRST = 5_550_100L;
  private static final long FICTIONAL_LAST = 5_550_199L;
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
    // libphonenumber reads letters as keypad digits (1-800-FLOWERS); a person typing a work
    // number means digits, so letters outside an extension are refused.
    String withoutExtension = EXTENSION.matcher(value).replaceFirst("");
    if (withoutExtension.chars().anyMatch(Character::isLetter)) {
      return false;
    }
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      Phonenumber.PhoneNumber number = util.parse(value, region);
      return util.isValidNumber(number) && !isFictional(number);
    } catch (NumberParseException e) {
      return false;
    }
  }

  private static boolean isFictional(Phonenumber.PhoneNumber number) {
    long subscriber = number.getNationalNumber() % 10_000_000L;
    return number.getCountryCode() == 1
        && subscriber >= FICTIONAL_FIRST && subscriber <= FICTIONAL_LAST;
  }
}
