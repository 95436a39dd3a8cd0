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
import org.pcop.model.internal.HasTextValidator;

/**
 * The annotated text is not blank: it holds something other than white space, Unicode space
 * separators (the no-break space U+00A0, the ideographic space U+3000 and the like) and invisible
 * format characters (the zero-width space U+200B and the like). Control characters and format
 * overrides count as something here; {@link PlainText} is the constraint that refuses them.
 * Stricter than {@code @NotBlank}, which takes a text of no-break spaces for a name. Null is
 * valid, so that the constraint can sit on optional text ({@code Optional<@HasText String>}, whose
 * absent value the validator sees as null); the model's builders refuse a null required text
 * before any validation.
 */
@Documented
@Constraint(validatedBy = HasTextValidator.class)
@Target({METHOD, FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface HasText {
  /**
   * The message.
   *
   * @return the message
   */
  String message() default "must not be blank";

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
