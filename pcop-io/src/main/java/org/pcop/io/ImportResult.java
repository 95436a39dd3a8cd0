package org.pcop.io;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of an import: either a complete, valid value, or the located errors that refused it
 * (capped, with a count of the rest). Never both, and never a part of the input.
 *
 * @param <T> the imported value
 */
public final class ImportResult<T> {
  private final T value;
  private final List<ImportError> errors;
  private final int omittedErrorCount;
  private final String what;

  private ImportResult(String what, T value, List<ImportError> errors, int omittedErrorCount) {
    this.what = what;
    this.value = value;
    this.errors = List.copyOf(errors);
    this.omittedErrorCount = omittedErrorCount;
  }

  /**
   * A successful import.
   *
   * @param what what was read, for messages
   * @param value the value
   * @param <T> its type
   * @return the result
   */
  public static <T> ImportResult<T> valid(String what, T value) {
    return new ImportResult<>(what, Objects.requireNonNull(value, "value"), List.of(), 0);
  }

  /**
   * A refused import.
   *
   * @param what what was read, for messages
   * @param errors the errors kept, at least one
   * @param omittedErrorCount how many more were found
   * @param <T> the type that was expected
   * @return the result
   */
  public static <T> ImportResult<T> invalid(String what, List<ImportError> errors,
      int omittedErrorCount) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a refused import has at least one error");
    }
    return new ImportResult<>(what, null, errors, omittedErrorCount);
  }

  /**
   * Whether the import succeeded.
   *
   * @return true when there is a value and no error
   */
  public boolean isValid() {
    return value != null;
  }

  /**
   * The value, when the import succeeded.
   *
   * @return the value, or empty when refused
   */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /**
   * The value, or an exception carrying every error.
   *
   * @return the value
   * @throws ImportException when the import was refused
   */
  public T orElseThrow() {
    if (value == null) {
      throw new ImportException(what, errors, omittedErrorCount);
    }
    return value;
  }

  /**
   * The errors kept, in the order found; empty when the import succeeded.
   *
   * @return the errors
   */
  public List<ImportError> errors() {
    return errors;
  }

  /**
   * How many errors were found beyond {@link #errors()}.
   *
   * @return the count of the rest
   */
  public int omittedErrorCount() {
    return omittedErrorCount;
  }

  @Override
  public String toString() {
    return value != null ? what + ": valid" : what + ": " + errors;
  }
}
