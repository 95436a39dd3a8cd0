package org.pcop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.function.Executable;
import org.pcop.model.validation.ModelValidator;
import org.pcop.model.validation.Violation;

/** Assertions every value type's tests share. */
public final class ValueAssertions {
  /** One validator for all tests; it is thread-safe. */
  public static final ModelValidator VALIDATOR = ModelValidator.create();

  private ValueAssertions() {}

  /** Asserts that {@code build} is refused as impossible with exactly {@code message}. */
  public static void assertRefused(String message, Executable build) {
    InvalidValueException e = assertThrows(InvalidValueException.class, build);
    assertEquals(message, e.getMessage());
  }

  /** Asserts that {@code build} is refused for a null field with exactly {@code message}. */
  public static void assertMissing(String message, Executable build) {
    MissingValueException e = assertThrows(MissingValueException.class, build);
    assertEquals(message, e.getMessage());
  }

  /**
   * Asserts that two values built alike are equal and hash alike, and that {@code different}
   * differs from them.
   */
  public static <T> void assertValueEquality(Supplier<T> build, T different) {
    T a = build.get();
    T b = build.get();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a.toString(), b.toString());
    assertNotEquals(a, different);
    assertNotEquals(different, a);
  }

  /** The property paths of every violation of {@code value}, in the validator's order. */
  public static List<String> violationPaths(Object value) {
    return VALIDATOR.validate(value).stream().map(Violation::path).collect(Collectors.toList());
  }

  /** The violations of {@code value} rendered as {@code path: message}. */
  public static List<String> violations(Object value) {
    return VALIDATOR.validate(value).stream().map(Violation::toString)
        .collect(Collectors.toList());
  }

  /** Asserts that {@code value} has no violation. */
  public static void assertValid(Object value) {
    assertEquals(List.of(), violations(value));
  }
}
