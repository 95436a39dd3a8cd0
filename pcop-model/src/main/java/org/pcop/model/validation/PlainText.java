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
import org.pcop.model.internal.PlainTextValidator;

/**
 * The annotated text holds no control characters (NUL, escape, bidirectional overrides and the
 * like) and no unpaired surrogates. Multi-line text may also hold line feeds and tabs. Null is
 * valid; combine with {@code @NotNull} where text is required.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({METHOD, FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {
  /**
   * Whether line feeds, carriage returns and tabs are allowed.
   *
   * @return true for multi-line text
   */
  boolean multiline() default false;

  /**
   * The message.
   *
   * @return the message
   */
  String message() default "must be plain text without control characters";

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
