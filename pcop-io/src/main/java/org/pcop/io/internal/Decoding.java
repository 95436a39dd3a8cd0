package org.pcop.io.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pcop.io.ImportError;
import org.pcop.io.ReadLimits;
import org.pcop.model.InvalidValueException;
import org.pcop.model.validation.Violation;

/**
 * The state of one decoding: the limits in force, where values were found, and the located errors
 * so far (capped, with a count of the rest).
 */
public final class Decoding {
  private static final String FIELD = "[A-Za-z]+(?:\\[\\d+\\])?";
  private static final Pattern FIELD_MESSAGE = Pattern.compile(
      "^[A-Za-z]+\\.(" + FIELD + "(?:\\." + FIELD + ")*): (.*)$", Pattern.DOTALL);

  private final ReadLimits limits;
  private final Locator locator;
  private final List<ImportError> errors = new ArrayList<>();
  private int total;

  /**
   * Creates a decoding.
   *
   * @param limits the limits in force
   * @param locator turns a JSON pointer into a located error
   */
  public Decoding(ReadLimits limits, Locator locator) {
    this.limits = limits;
    this.locator = locator;
  }

  /**
   * Whether unknown properties are errors.
   *
   * @return true in strict mode
   */
  public boolean strict() {
    return limits.isStrict();
  }

  /**
   * The limits in force.
   *
   * @return the limits
   */
  public ReadLimits limits() {
    return limits;
  }

  /**
   * Records an error at {@code pointer}.
   *
   * @param pointer where
   * @param message what is wrong and what was expected
   */
  public void error(String pointer, String message) {
    total++;
    if (errors.size() < limits.getMaxErrors()) {
      errors.add(locator.locate(pointer, message));
    }
  }

  /**
   * Records an error that is already located.
   *
   * @param error the error
   */
  public void add(ImportError error) {
    total++;
    if (errors.size() < limits.getMaxErrors()) {
      errors.add(error);
    }
  }

  /**
   * Records every violation of a validated value at {@code pointer}.
   *
   * @param pointer the value's pointer
   * @param violations the violations, with model property paths
   */
  public void violations(String pointer, List<Violation> violations) {
    for (Violation v : violations) {
      error(pointer + pathToPointer(v.path()), v.message());
    }
  }

  /**
   * Calls a builder, turning its refusal into an error located at the field it names.
   *
   * @param pointer the pointer of the value being built
   * @param build the builder call
   * @param <T> the value
   * @return the value, or null when the builder refused it
   */
  public <T> T build(String pointer, Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidValueException e) {
      String message = String.valueOf(e.getMessage());
      Matcher m = FIELD_MESSAGE.matcher(message);
      if (m.matches()) {
        error(pointer + pathToPointer(m.group(1)), m.group(2));
      } else {
        error(pointer, message);
      }
      return null;
    }
  }

  /**
   * Turns a model property path such as {@code barAdmissions[0].number} into a JSON pointer suffix
   * such as {@code /barAdmissions/0/number}.
   *
   * @param path the property path, may be empty
   * @return the pointer suffix
   */
  public static String pathToPointer(String path) {
    if (path.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      String name = bracket < 0 ? part : part.substring(0, bracket);
      if (!name.isEmpty()) {
        out.append('/').append(Texts.pointerToken(name));
      }
      if (bracket >= 0) {
        String index = part.substring(bracket + 1, part.length() - 1);
        if (!index.isEmpty()) {
          out.append('/').append(index);
        }
      }
    }
    return out.toString();
  }

  /**
   * How many errors were found in all.
   *
   * @return the total
   */
  public int errorCount() {
    return total;
  }

  /**
   * The errors kept.
   *
   * @return the errors, in the order found
   */
  public List<ImportError> errors() {
    return List.copyOf(errors);
  }

  /**
   * How many errors were found beyond those kept.
   *
   * @return the count of the rest
   */
  public int omitted() {
    return total - errors.size();
  }

  /** Turns a JSON pointer into a located error. */
  @FunctionalInterface
  public interface Locator {
    /**
     * Locates an error.
     *
     * @param pointer the JSON pointer of the value at fault
     * @param message what is wrong
     * @return the located error
     */
    ImportError locate(String pointer, String message);
  }
}
