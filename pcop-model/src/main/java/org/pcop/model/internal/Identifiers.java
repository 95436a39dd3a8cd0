package org.pcop.model.internal;

import org.pcop.model.InvalidValueException;

/** The single rule every pcop identifier follows; not part of the API. */
public final class Identifiers {
  /** Longest identifier accepted. */
  public static final int MAX_LENGTH = 64;

  /**
   * The shape as a regular expression, for documentation and tests; {@link #check} tests it with
   * a loop over the characters, since identifiers are checked for every event read.
   */
  public static final String SHAPE = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

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
    if (!wellFormed(value)) {
      throw new InvalidValueException(type + ".value: must be 1 to " + MAX_LENGTH
          + " letters, digits, '.', '_', ':' or '-', starting with a letter or digit; got \""
          + printable(value) + "\"");
    }
    return value;
  }

  /**
   * Whether {@code value} has the shape {@link #SHAPE}.
   *
   * @param value the candidate, not null
   * @return true if it is a well-formed identifier
   */
  public static boolean wellFormed(String value) {
    int length = value.length();
    if (length == 0 || length > MAX_LENGTH || !alphanumeric(value.charAt(0))) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      char c = value.charAt(i);
      if (!alphanumeric(c) && c != '.' && c != '_' && c != ':' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean alphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
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
