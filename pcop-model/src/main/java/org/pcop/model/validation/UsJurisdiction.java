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
import org.pcop.model.internal.UsJurisdictionValidator;

/**
 * The annotated text is the two-letter USPS code of a US state, the District of Columbia or a
 * territory ({@code AS GU MP PR VI}). Null is valid.
 */
@Documented
@Constraint(validatedBy = UsJurisdictionValidator.class)
@Target({METHOD, FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface UsJurisdiction {
  /**
   * The message.
   *
   * @return the message
   */
  String message() default "must be the two-letter code of a US state, DC or territory, for example MO";

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
