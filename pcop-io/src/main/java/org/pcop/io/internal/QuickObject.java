package org.pcop.io.internal;

import java.util.Arrays;

/**
 * The properties of one object of a line the quick reader reads, in order: each name (the
 * codecs' own instance, see {@link QuickNames}) with its value ({@link QuickJson#TEXT} and the
 * text's span, a {@link QuickObject}, a {@link QuickArray} or a {@link Boolean}). Reused from line
 * to line.
 */
final class QuickObject {
  private String[] names = new String[12];
  Object[] values = new Object[12];
  long[] spans = new long[12];
  private int size;
  /** The bits of the names put, by their numbers ({@link QuickNames#NAMES}): 0 to 63, then more. */
  private long seenLow;
  private long seenHigh;

  /** Empties it for the next line. */
  void clear() {
    size = 0;
    seenLow = 0;
    seenHigh = 0;
  }

  void put(String name, int index, Object value, long span) {
    if (index < Long.SIZE) {
      long bit = 1L << index;
      if ((seenLow & bit) != 0) {
        throw QuickJson.NOT_SURE; // repeated: strict mode refuses it, lenient mode keeps the last
      }
      seenLow |= bit;
    } else {
      long bit = 1L << (index - Long.SIZE);
      if ((seenHigh & bit) != 0) {
        throw QuickJson.NOT_SURE;
      }
      seenHigh |= bit;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
      spans = Arrays.copyOf(spans, size * 2);
    }
    names[size] = name;
    values[size] = value;
    spans[size++] = span;
  }

  /** Where {@code name} (a string literal, so interned like every name here) is; -1 if absent. */
  int indexOf(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i] == name) {
        return i;
      }
    }
    return -1;
  }

  /** Gives up unless every property is one of those whose bits are {@code allowed}. */
  void only(QuickNames.Bits allowed) {
    if ((seenLow & ~allowed.low()) != 0 || (seenHigh & ~allowed.high()) != 0) {
      throw QuickJson.NOT_SURE;
    }
  }
}
