package org.pcop.benchmarks;

import java.util.Arrays;

/**
 * Numbers for identifier texts, handed out in order of first sight: an open-addressing table of
 * strings to ints, so that a look-up neither boxes nor allocates. Each identifier is interned once;
 * later look-ups compare the text (whose hash the string caches) with the stored one.
 */
final class StringNumbers {
  private String[] keys;
  private int[] numbers;
  private String[] byNumber;
  private int size;

  StringNumbers(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new String[capacity];
    numbers = new int[capacity];
    byNumber = new String[Math.max(16, expected)];
  }

  /**
   * The number of {@code key}, given a new one at first sight.
   *
   * @param key the identifier text
   * @return its number, from 0
   */
  int intern(String key) {
    int mask = keys.length - 1;
    int i = mix(key.hashCode()) & mask;
    while (true) {
      String k = keys[i];
      if (k == null) {
        break;
      }
      if (k.equals(key)) {
        return numbers[i];
      }
      i = (i + 1) & mask;
    }
    int n = size++;
    keys[i] = key;
    numbers[i] = n;
    if (n == byNumber.length) {
      byNumber = Arrays.copyOf(byNumber, n * 2);
    }
    byNumber[n] = key;
    if (size * 2 > keys.length) {
      grow();
    }
    return n;
  }

  /**
   * The number of {@code key}, or -1 if it was never interned.
   *
   * @param key the identifier text
   * @return its number, or -1
   */
  int find(String key) {
    int mask = keys.length - 1;
    int i = mix(key.hashCode()) & mask;
    while (true) {
      String k = keys[i];
      if (k == null) {
        return -1;
      }
      if (k.equals(key)) {
        return numbers[i];
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * The text of number {@code n}.
   *
   * @param n a number handed out
   * @return the identifier text
   */
  String text(int n) {
    return byNumber[n];
  }

  /**
   * How many identifiers have numbers.
   *
   * @return the count
   */
  int size() {
    return size;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldNumbers = numbers;
    keys = new String[oldKeys.length * 2];
    numbers = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int i = mix(oldKeys[j].hashCode()) & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        numbers[i] = oldNumbers[j];
      }
    }
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
