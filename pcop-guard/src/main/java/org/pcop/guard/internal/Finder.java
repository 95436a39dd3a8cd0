package org.pcop.guard.internal;

import java.util.BitSet;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the matches of a pattern as {@link Matcher#find()} does, but tries the pattern only at
 * the start of a word (no ASCII letter, digit or underscore before it) whose character can start
 * a match (a digit, the first letter of a key word), and optionally only at offsets marked near a
 * cue; that skips most of a text. The pattern must not match at any other offset (it starts with
 * a word boundary or a look-behind for a word character); look-behinds and word boundaries still
 * see the text before the offset tried.
 */
final class Finder {
  private final Matcher m;
  private final String text;
  private final IntPredicate first;
  private final BitSet near;
  private int next;

  Finder(Pattern pattern, String text, IntPredicate first) {
    this(pattern, text, first, null);
  }

  /**
   * A finder that tries only the offsets set in {@code near}.
   *
   * @param pattern the pattern
   * @param text the text
   * @param first the characters that can start a match
   * @param near the offsets to try, or null for all
   */
  Finder(Pattern pattern, String text, IntPredicate first, BitSet near) {
    this.m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    this.text = text;
    this.first = first;
    this.near = near;
  }

  private static boolean asciiWord(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }

  /** Characters that start a match: the digits. */
  static boolean digit(int c) {
    return c >= '0' && c <= '9';
  }

  /** Characters that start a match: the capital letters A to Z. */
  static boolean capital(int c) {
    return c >= 'A' && c <= 'Z';
  }

  /**
   * The characters of {@code starts}, and nothing else.
   *
   * @param starts the characters
   * @return the predicate
   */
  static IntPredicate oneOf(String starts) {
    return c -> starts.indexOf(c) >= 0;
  }

  /**
   * Finds the next match after the previous one (or after {@link #resumeAt(int)}).
   *
   * @return true when there is one; its groups are then those of {@link #matcher()}
   */
  boolean find() {
    int length = text.length();
    for (int i = next; i < length; i++) {
      if (near != null) {
        i = near.nextSetBit(i);
        if (i < 0) {
          break;
        }
      }
      if (!first.test(text.charAt(i)) || (i > 0 && asciiWord(text.charAt(i - 1)))) {
        continue;
      }
      m.region(i, length);
      if (m.lookingAt()) {
        next = Math.max(i + 1, m.end());
        return true;
      }
    }
    next = length;
    return false;
  }

  /**
   * The text in lower case with every white-space character a space, character by character,
   * so that offsets stay those of the text and a cue such as {@code " v. "} is found whatever
   * white space the text has.
   *
   * @param text the text
   * @return the lower-case text, of the same length
   */
  static String lowerCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.isWhitespace(chars[i]) ? ' ' : Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }

  /**
   * Marks, for each occurrence of a cue in {@code lower} (the text in lower case, of the same
   * length), the offsets from {@code before} characters before the word the cue is in to
   * {@code after} characters after the cue's start.
   *
   * @param lower the text in lower case
   * @param cues the cues
   * @param before how far before
   * @param after how far after
   * @return the offsets
   */
  static BitSet near(String lower, String[] cues, int before, int after) {
    BitSet offsets = new BitSet(lower.length());
    for (String cue : cues) {
      for (int at = lower.indexOf(cue); at >= 0; at = lower.indexOf(cue, at + 1)) {
        int word = at;
        while (word > 0 && (Character.isLetter(lower.charAt(word - 1))
            || lower.charAt(word - 1) == '-')) {
          word--;
        }
        offsets.set(Math.max(0, word - before), Math.min(lower.length(), at + after + 1));
      }
    }
    return offsets;
  }

  /**
   * Makes the next search start at {@code offset}.
   *
   * @param offset the offset
   */
  void resumeAt(int offset) {
    next = offset;
  }

  /**
   * The matcher, holding the last match found.
   *
   * @return the matcher
   */
  Matcher matcher() {
    return m;
  }
}
