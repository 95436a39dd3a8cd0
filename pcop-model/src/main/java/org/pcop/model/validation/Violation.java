package org.pcop.model.validation;

import java.util.Objects;

/**
 * One violation of a constraint: where (a property path such as {@code barAdmissions[0].number} or
 * {@code phone}), what is wrong in words a person can act on, and the constraint's name. The value
 * itself is left out so that a violation can be logged without leaking what was typed.
 *
 * @param path the property path from the validated object; empty for the object itself
 * @param message what is wrong
 * @param constraint the simple name of the constraint, for example {@code Email}
 */
public record Violation(String path, String message, String constraint) {
  /**
   * Creates a violation.
   *
   * @throws NullPointerException if any component is null
   */
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(constraint, "constraint");
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "(value)" : path) + ": " + message;
  }
}
