package org.pcop.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcop.io.Generated;

/**
 * Eight bytes looked at together find what a look at each byte finds, for seeded random words
 * (the first tries are the edge cases: every word of one interesting byte, every start and count).
 */
class WordsTest {
  private static final long SEED = 20_240_501L;

  // the bytes that matter (quote, backslash, line feed, controls, bytes beyond ASCII) and their
  // neighbours
  private static final List<Byte> INTERESTING = List.of((byte) 0, (byte) 1, (byte) '\n',
      (byte) 0x1F, (byte) ' ', (byte) '!', (byte) '"', (byte) '#', (byte) '\\', (byte) ']',
      (byte) 0x7F, (byte) 0x80, (byte) 0x81, (byte) 0xA2, (byte) 0xDC, (byte) 0xFF);

  /**
   * Eight bytes, each three times in four an interesting one, so that several fall into one word,
   * else any byte; on the tries 2 to 17, all eight the same interesting byte, each in turn.
   */
  private static byte[] word(Generated g) {
    byte[] b = new byte[8];
    int same = g.tryNumber() - 2;
    for (int i = 0; i < b.length; i++) {
      if (same >= 0 && same < INTERESTING.size()) {
        b[i] = INTERESTING.get(same);
      } else if (g.smallest() || g.largest() || g.random().nextInt(4) < 3) {
        b[i] = g.oneOf(INTERESTING);
      } else {
        b[i] = (byte) g.between(Byte.MIN_VALUE, Byte.MAX_VALUE);
      }
    }
    return b;
  }

  private static String where(Generated g, byte[] b) {
    return g + ", bytes " + Arrays.toString(b);
  }

  private static int firstIndex(byte[] b, java.util.function.IntPredicate test) {
    for (int i = 0; i < b.length; i++) {
      if (test.test(b[i])) {
        return i;
      }
    }
    return -1;
  }

  private static int first(long marks) {
    return marks == 0 ? -1 : Words.first(marks);
  }

  @Test
  void theLowestMarkIsTheFirstMatchingByte() {
    Generated.forEachTry(SEED, 5_000, g -> {
      byte[] b = word(g);
      String where = where(g, b);
      long w = Words.at(b, 0);
      for (int c : new int[] {'"', '\\', '\n', 0, 0x7F}) {
        assertEquals(firstIndex(b, x -> x == (byte) c), first(Words.equal(w, Words.ONES * c)),
            where + ", equal to " + c);
      }
      for (int c : new int[] {1, ' ', '"', 0x80}) {
        assertEquals(firstIndex(b, x -> x >= 0 && x < c), first(Words.below(w, Words.ONES * c)),
            where + ", below " + c);
      }
      long any = Words.equal(w, Words.ONES * '"') | Words.equal(w, Words.ONES * '\\')
          | Words.below(w, Words.ONES * ' ');
      assertEquals(firstIndex(b, x -> x == '"' || x == '\\' || (x >= 0 && x < ' ')),
          first(any), where);
    });
  }

  /** Every start from 0 to 7 and count from 0 to 9 on the tries 2 to 81, random ones after. */
  @Test
  void upToEightBytesAreReadWithZerosAboveThem() {
    Generated.forEachTry(SEED, 2_000, g -> {
      byte[] b = word(g);
      int pair = g.tryNumber() - 2;
      boolean every = pair >= 0 && pair < 80;
      int from = every ? pair % 8 : g.between(0, 7);
      int n = every ? pair / 8 : g.between(0, 9);
      String where = where(g, b) + ", from " + from + ", n " + n;
      byte[] padded = new byte[8 + from];
      System.arraycopy(b, 0, padded, from, 8);
      long expected = 0;
      for (int i = Math.min(n, 8) - 1; i >= 0; i--) {
        expected = (expected << 8) | (padded[from + i] & 0xFF);
      }
      assertEquals(expected, Words.at(padded, from, n), where);
      // at the very end of an array, where eight bytes cannot be read at once
      int available = Math.min(n, 8);
      byte[] tight = new byte[from + available];
      System.arraycopy(padded, from, tight, from, available);
      assertEquals(expected, Words.at(tight, from, n), where + ", at the end");
    });
  }

  @Test
  void theFirstByteIsTheLowest() {
    byte[] b = {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'};
    assertEquals(0x6867666564636261L, Words.at(b, 0));
    assertEquals(0x636261L, Words.at(b, 0, 3));
    assertEquals(0L, Words.at(b, 0, 0));
  }
}
