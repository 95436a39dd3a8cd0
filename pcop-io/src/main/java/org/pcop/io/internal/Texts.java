package org.pcop.io.internal;

/** Quoting of untrusted text in error messages: short, with control characters escaped. */
public final class Texts {
  private static final int MAX_QUOTED = 40;

  private Texts() {}

  /**
   * Quotes {@code value} for a message: at most 40 characters, control and format characters as
   * {@code \\uXXXX}.
   *
   * @param value untrusted text
   * @return the quoted text, with its double quotes
   */
  public static String quote(CharSequence value) {
    StringBuilder out = new StringBuilder("\"");
    int n = Math.min(value.length(), MAX_QUOTED);
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
          || Character.isSurrogate(c) || c == '"' || c == '\\') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (value.length() > MAX_QUOTED) {
      out.append("...");
    }
    return out.append('"').toString();
  }

  /**
   * Escapes a property name for a JSON pointer (RFC 6901).
   *
   * @param name the property name
   * @return the escaped token
   */
  public static String pointerToken(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /**
   * Makes a message from a parser safe to show: control characters escaped, at most 300
   * characters.
   *
   * @param message a message that may quote untrusted input
   * @return the safe message
   */
  public static String sanitize(String message) {
    if (message == null) {
      return "unreadable input";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < message.length() && out.length() < 300; i++) {
      char c = message.charAt(i);
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
          || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
