package org.pcop.model.event;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;
import org.pcop.model.validation.Limits;

/**
 * A span of one free-text field of an event that is redacted: the field, such as
 * {@code request.question}, and the character offsets. It never holds the text itself.
 */
@Value.Immutable
public interface RedactedSpan {
  /**
   * The field, as the case-fact guard names it, such as {@code request.question} or
   * {@code exchange.caseReferences[0].label}.
   *
   * @return the field
   */
  @Value.Parameter
  @Size(min = 1, max = Limits.NAME_MAX)
  @Pattern(regexp = "[A-Za-z][A-Za-z0-9.\\[\\]]*")
  String getField();

  /**
   * The offset of the first character redacted.
   *
   * @return the start offset
   */
  @Value.Parameter
  @PositiveOrZero
  int getStart();

  /**
   * The offset after the last character redacted; greater than the start.
   *
   * @return the end offset
   */
  @Value.Parameter
  int getEnd();

  /** Refuses an empty or reversed span. */
  @Value.Check
  default void check() {
    InvalidValueException.check(getEnd() > getStart(), "RedactedSpan", "end",
        "%s is not after the start %s", getEnd(), getStart());
  }

  /**
   * The span {@code [start, end)} of a field.
   *
   * @param field the field
   * @param start the start offset
   * @param end the end offset
   * @return the span
   */
  static RedactedSpan of(String field, int start, int end) {
    return ImmutableRedactedSpan.of(field, start, end);
  }
}
