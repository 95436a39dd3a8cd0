package org.pcop.io.internal;

import static org.pcop.io.internal.QuickKeys.KEY;
import static org.pcop.io.internal.QuickKeys.firstWord;
import static org.pcop.io.internal.QuickKeys.holds;
import static org.pcop.io.internal.QuickKeys.mix;
import static org.pcop.io.internal.QuickKeys.padded;
import static org.pcop.io.internal.QuickKeys.sameRest;
import static org.pcop.io.internal.QuickKeys.secondWord;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** Values by the UTF-8 bytes of their names, found without making a string; read-only. */
final class QuickLookup<V> {
  static final int SLOTS = 256;
  private final long[] words = new long[SLOTS * KEY];
  private final byte[][] keys = new byte[SLOTS][];
  private final Object[] values = new Object[SLOTS];
  private final int[] indexes = new int[SLOTS];
  private int size;

  /** The constants of an enum by their names. */
  static <E extends Enum<E>> QuickLookup<E> byName(Class<E> type) {
    return of(List.of(type.getEnumConstants()), Enum::name);
  }

  /** Values by their names, as {@code name} gives them. */
  static <V> QuickLookup<V> of(List<V> values, Function<V, String> name) {
    QuickLookup<V> out = new QuickLookup<>();
    for (V v : values) {
      out.add(name.apply(v), v);
    }
    return out;
  }

  /** Adds a name (the first value given for a name is kept), numbered in order from 0. */
  void add(String name, V value) {
    byte[] key = name.getBytes(StandardCharsets.UTF_8);
    if (key.length == 0 || slot(key, 0, key.length) >= 0) {
      return;
    }
    if (2 * (size + 1) > SLOTS) {
      throw new IllegalStateException("too many names");
    }
    long first = firstWord(key, 0, key.length);
    long second = secondWord(key, 0, key.length);
    int i = mix(first, second, key.length) & (SLOTS - 1);
    while (words[i * KEY + 2] != 0) {
      i = (i + 1) & (SLOTS - 1);
    }
    words[i * KEY] = first;
    words[i * KEY + 1] = second;
    words[i * KEY + 2] = key.length;
    keys[i] = padded(key, 0, key.length);
    values[i] = value;
    indexes[i] = size++;
  }

  /** The slot of the name in the bytes, or -1. */
  int slot(byte[] b, int from, int length) {
    if (length <= 0) {
      return -1;
    }
    long first = firstWord(b, from, length);
    long second = secondWord(b, from, length);
    int i = mix(first, second, length) & (SLOTS - 1);
    while (words[i * KEY + 2] != 0) {
      if (holds(words, i * KEY, first, second, length)
          && (length <= 16 || sameRest(keys[i], b, from, length))) {
        return i;
      }
      i = (i + 1) & (SLOTS - 1);
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  V value(int slot) {
    return (V) values[slot];
  }

  /** The length in bytes of the name in a slot. */
  int length(int slot) {
    return (int) words[slot * KEY + 2];
  }

  /**
   * Whether the bytes from {@code from} are the name in a slot followed by a quote, before
   * {@code end}.
   */
  boolean isAt(int slot, byte[] b, int from, int end) {
    int k = slot * KEY;
    int length = (int) words[k + 2];
    return from + length < end && b[from + length] == '"'
        && holds(words, k, firstWord(b, from, length), secondWord(b, from, length), length)
        && (length <= 16 || sameRest(keys[slot], b, from, length));
  }

  /** The number of the name in a slot, from 0 in the order added. */
  int index(int slot) {
    return indexes[slot];
  }

  /** How many names were added. */
  int size() {
    return size;
  }

  V find(byte[] b, int from, int length) {
    int i = slot(b, from, length);
    return i < 0 ? null : value(i);
  }
}
