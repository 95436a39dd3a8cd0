package org.pcop.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Eight bytes looked at together find what a look at each byte finds. */
class WordsTest {
  @Provide
  Arbitrary<byte[]> words() {
    // the bytes that matter (quote, backslash, line feed, controls, bytes beyond ASCII) and
    // their neighbours, often, so that several fall into one word
    Arbitrary<Byte> interesting = Arbitraries.of((byte) 0, (byte) 1, (byte) '\n', (byte) 0x1F,
        (byte) ' ', (byte) '!', (byte) '"', (byte) '#', (byte) '\\', (byte) ']', (byte) 0x7F,
        (byte) 0x80, (byte) 0x81, (byte) 0xA2, (byte) 0xDC, (byte) 0xFF);
    return Arbitraries.frequencyOf(Tuple.of(3, interesting), Tuple.of(1, Arbitraries.bytes()))
        .array(byte[].class).ofSize(8);
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

  @Property(tries = 5_000)
  void theLowestMarkIsTheFirstMatchingByte(@ForAll("words") byte[] b) {
    long w = Words.at(b, 0);
    for (int c : new int[] {'"', '\\', '\n', 0, 0x7F}) {
      assertEquals(firstIndex(b, x -> x == (byte) c), first(Words.equal(w, Words.ONES * c)));
    }
    for (int c : new int[] {1, ' ', '"', 0x80}) {
      assertEquals(firstIndex(b, x -> x >= 0 && x < c), first(Words.below(w, Words.ONES * c)));
    }
    long any = Words.equal(w, Words.ONES * '"') | Words.equal(w, Words.ONES * '\\')
        | Words.below(w, Words.ONES * ' ');
    assertEquals(firstIndex(b, x -> x == '"' || x == '\\' || (x >= 0 && x < ' ')), first(any));
  }

  @Property(tries = 2_000)
  void upToEightBytesAreReadWithZerosAboveThem(@ForAll("words") byte[] b,
      @ForAll @IntRange(max = 7) int from, @ForAll @IntRange(max = 9) int n) {
    byte[] padded = new byte[8 + from];
    System.arraycopy(b, 0, padded, from, 8);
    long expected = 0;
    for (int i = Math.min(n, 8) - 1; i >= 0; i--) {
      expected = (expected << 8) | (padded[from + i] & 0xFF);
    }
    assertEquals(expected, Words.at(padded, from, n));
    // at the very end of an array, where eight bytes cannot be read at once
    int available = Math.min(n, 8);
    byte[] tight = new byte[from + available];
    System.arraycopy(padded, from, tight, from, available);
    assertEquals(expected, Words.at(tight, from, n));
  }

  @Test
  void theFirstByteIsTheLowest() {
    byte[] b = {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'};
    assertEquals(0x6867666564636261L, Words.at(b, 0));
    assertEquals(0x636261L, Words.at(b, 0, 3));
    assertEquals(0L, Words.at(b, 0, 0));
  }
}
