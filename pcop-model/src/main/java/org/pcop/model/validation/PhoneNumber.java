package org.pcop.model.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.pcop.model.internal.PhoneNumberValidator;

/**
 * The annotated text is a dialable phone number: international ({@code +44 20 7946 0000}) or,
 * without a country code, a valid number of the {@link #region() region} ({@code (202) 555-0143}
 * is not, because 555-01xx numbers are reserved for fiction; {@code (202) 307-2000} is). Checked
 * with Google's libphonenumber. Letters are refused (no keypad words such as
 * {@code 1-800-FLOWERS}), except in an extension at the end ({@code x12}, {@code ext. 12}); so is
 * input of more than 40 characters. Null is valid.
 */
@Documented
@Constraint(validatedBy = PhoneNumberValidator.class)
@Target({METHOD, FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface PhoneNumber {
  /**
   * The ISO 3166 region assumed for numbers without a country code.
   *
   * @return the region code
   */
  String region() default "US";

  /**
   * The message.
   *
   * @return the message
   */
  String message() default "must be a valid phone number, for example +1 202 307 2000";

  /**
   * The groups.
   *
   * @return the groups
   */
  Class<?>[] groups() default {};

  /**
   * The payload.
   *
   * @return the payload
   */
  Class<? extends Payload>[] payload() default {};
}
