package org.pcop.model.internal;

/** What counts as plain text; shared by the constraint and by builders. */
public final class TextRules {
  private TextRules() {}

  /**
   * Whether {@code text} holds no control or format-override characters and no unpaired
   * surrogates.
   *
   * @param text the text
   * @param multiline whether line feeds, carriage returns and tabs are allowed
   * @return true when the text is plain
   */
  public static boolean isPlain(CharSequence text, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
        continue;
      }
      if (Character.isLowSurrogate(c)) {
        return false;
      }
      if (c == '\n' || c == '\r' || c == '\t') {
        if (!multiline) {
          return false;
        }
        continue;
      }
      if (Character.isISOControl(c) || isBidiControl(c) || c == '\uFEFF') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code text} holds something besides white space, Unicode space separators (such as
   * U+00A0) and the invisible format characters plain text allows (such as U+200B). A control
   * character or a format override counts as something: {@link #isPlain} is the rule that refuses
   * it, so a text is not reported twice for one character.
   *
   * @param text the text
   * @return true when the text is not blank
   */
  public static boolean hasVisible(CharSequence text) {
    for (int i = 0; i < text.length(); ) {
      int c = Character.codePointAt(text, i);
      boolean blank = Character.isWhitespace(c) || Character.isSpaceChar(c)
          || (Character.getType(c) == Character.FORMAT && c != '\uFEFF'
              && !(c <= Character.MAX_VALUE && isBidiControl((char) c)));
      if (!blank) {
        return true;
      }
      i += Character.charCount(c);
    }
    return false;
  }

  private static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E' || c == '\u200F';
  }
}
