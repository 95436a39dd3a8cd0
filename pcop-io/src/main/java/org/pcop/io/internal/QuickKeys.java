package org.pcop.io.internal;

/**
 * Keys of texts by their UTF-8 bytes, for the quick reader's tables of names and identifiers. A
 * text is keyed by its first sixteen bytes, packed into two longs with zeros past its end (a JSON
 * string the quick reader reads holds no zero byte, so a text of up to 16 bytes is its key), and
 * by its length; a longer text also keeps its bytes, to compare the rest.
 */
final class QuickKeys {
  /** Words in a key: the first eight bytes, the next eight, the length. */
  static final int KEY = 3;

  private QuickKeys() {}

  static long firstWord(byte[] b, int from, int length) {
    return Words.at(b, from, length);
  }

  static long secondWord(byte[] b, int from, int length) {
    return length > 8 ? Words.at(b, from + 8, length - 8) : 0;
  }

  static int mix(long first, long second, int length) {
    long h = (first + length) * 0x9E3779B97F4A7C15L + second * 0xC2B2AE3D27D4EB4FL;
    return (int) (h ^ (h >>> 29) ^ (h >>> 41));
  }

  /** Whether the slot at {@code k} of {@code words} holds this key. */
  static boolean holds(long[] words, int k, long first, long second, int length) {
    return words[k] == first && words[k + 1] == second && words[k + 2] == length;
  }

  /**
   * Whether the bytes after the sixteenth are those of {@code key}, for texts above 16 bytes;
   * the key is padded ({@link #padded}), so it is read eight bytes at a time.
   */
  static boolean sameRest(byte[] key, byte[] b, int from, int length) {
    return sameFrom(16, key, b, from, length);
  }

  /**
   * Whether the bytes of a text from its {@code start}th are those of {@code key}, which has
   * at least eight bytes more than the text.
   */
  static boolean sameFrom(int start, byte[] key, byte[] b, int from, int length) {
    for (int i = start; i < length; i += 8) {
      int n = length - i;
      if (Words.at(key, i, n) != Words.at(b, from + i, n)) {
        return false;
      }
    }
    return true;
  }

  /** The bytes of a text, with eight zero bytes after them. */
  static byte[] padded(byte[] b, int from, int length) {
    byte[] key = new byte[length + 8];
    System.arraycopy(b, from, key, 0, length);
    return key;
  }
}
