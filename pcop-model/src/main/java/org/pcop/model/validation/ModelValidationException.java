package org.pcop.model.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link ModelValidator#requireValid} with every violation found. */
public final class ModelValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /**
   * Creates the exception.
   *
   * @param type the simple name of the validated type
   * @param violations the violations, at least one
   */
  public ModelValidationException(String type, List<Violation> violations) {
    super(type + " is invalid: " + violations.stream().map(Violation::toString)
        .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  /**
   * Every violation found.
   *
   * @return the violations, ordered by path
   */
  public List<Violation> violations() {
    return violations;
  }
}
