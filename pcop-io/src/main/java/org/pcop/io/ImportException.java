package org.pcop.io;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when input is refused: it carries every located error found (up to the cap of
 * {@link ReadLimits#getMaxErrors()}) and how many more were left out. Nothing of the input was
 * applied.
 */
public final class ImportException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private static final int ERRORS_IN_MESSAGE = 10;

  private final transient List<ImportError> errors;
  private final int omittedErrorCount;

  /**
   * Creates the exception.
   *
   * @param what what was being read, for example {@code "community document"}
   * @param errors the errors, at least one
   * @param omittedErrorCount how many more errors were found but not kept
   */
  public ImportException(String what, List<ImportError> errors, int omittedErrorCount) {
    super(message(what, errors, omittedErrorCount));
    this.errors = List.copyOf(errors);
    this.omittedErrorCount = omittedErrorCount;
  }

  private static String message(String what, List<ImportError> errors, int omitted) {
    int total = errors.size() + omitted;
    String listed = errors.stream().limit(ERRORS_IN_MESSAGE).map(ImportError::toString)
        .collect(Collectors.joining("; "));
    int unlisted = total - Math.min(errors.size(), ERRORS_IN_MESSAGE);
    return what + " refused with " + total + (total == 1 ? " error: " : " errors: ") + listed
        + (unlisted > 0 ? "; and " + unlisted + " more" : "");
  }

  /**
   * The errors kept, in the order found.
   *
   * @return the errors
   */
  public List<ImportError> errors() {
    return errors;
  }

  /**
   * How many errors were found beyond those kept.
   *
   * @return the count of the rest
   */
  public int omittedErrorCount() {
    return omittedErrorCount;
  }
}
