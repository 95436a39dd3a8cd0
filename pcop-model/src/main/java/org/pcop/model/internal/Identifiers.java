package org.pcop.model.internal;

import java.util.regex.Pattern;
import org.pcop.model.InvalidValueException;

/** The single rule every pcop identifier follows; not part of the API. */
public final class Identifiers {
  /** Longest identifier accepted. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  private Identifiers() {}

  /**
   * Returns {@code value} if it is a well-formed identifier, otherwise throws an
   * {@link InvalidValueException} that names the identifier type and shows the offending value.
   *
   * @param type the identifier type, for example {@code "MemberId"}
   * @param value the candidate
   * @return {@code value}
   */
  public static String check(String type, String value) {
    if (value == null) {
      throw new InvalidValueException(type + ".value: must not be null");
    }
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidValueException(type + ".value: must be 1 to " + MAX_LENGTH
          + " letters, digits, '.', '_', ':' or '-', starting with a letter or digit; got \""
          + printable(value) + "\"");
    }
    return value;
  }

  private static String printable(String value) {
    StringBuilder out = new StringBuilder();
    value.codePoints().limit(MAX_LENGTH + 8).forEach(cp -> {
      if (Character.isISOControl(cp)) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
    if (value.length() > MAX_LENGTH + 8) {
      out.append("...");
    }
    return out.toString();
  }
}
