package org.pcop.io.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Bytes read eight at a time, as the little-endian long they make, and tests that find the first
 * of eight bytes with some property without looking at each byte ("SWAR"). Each test marks the
 * high bit of every byte that has the property; the lowest marked byte is always right (a byte
 * above it may be marked wrongly, through a borrow from a marked byte below), so only the lowest
 * is used.
 */
final class Words {
  private Words() {}

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** 0x01 in every byte. */
  static final long ONES = 0x0101010101010101L;
  /** 0x80 in every byte. */
  static final long HIGHS = 0x8080808080808080L;

  /**
   * The eight bytes from {@code i}, the first in the lowest bits.
   *
   * @param b the bytes, at least {@code i + 8} of them
   * @param i where to start
   * @return the bytes as a long
   */
  static long at(byte[] b, int i) {
    return (long) LONGS.get(b, i);
  }

  /**
   * Up to eight bytes from {@code i}, the first in the lowest bits and zero above the last; reads
   * past them only within the array.
   *
   * @param b the bytes
   * @param i where to start
   * @param n how many; eight if more
   * @return the bytes as a long
   */
  static long at(byte[] b, int i, int n) {
    return i + 8 <= b.length ? at(b, i) & low(n) : atEnd(b, i, n);
  }

  /** Ones in the lowest n bytes, by n from 0 to 8. */
  private static final long[] LOW = lows();

  private static long[] lows() {
    long[] out = new long[9];
    for (int n = 1; n < 8; n++) {
      out[n] = ~(-1L << (n << 3));
    }
    out[8] = -1L;
    return out;
  }

  /** Ones in the lowest {@code n} bytes (all eight if more, none if fewer than one). */
  private static long low(int n) {
    return LOW[Math.max(0, Math.min(n, 8))];
  }

  private static long atEnd(byte[] b, int i, int n) {
    long w = 0;
    for (int k = Math.min(n, 8) - 1; k >= 0; k--) {
      w = (w << 8) | (b[i + k] & 0xFFL);
    }
    return w;
  }

  /**
   * Marks the bytes equal to {@code c}.
   *
   * @param w eight bytes
   * @param c the byte, repeated in every byte ({@code ONES * c})
   * @return the high bit of each marked byte
   */
  static long equal(long w, long c) {
    long x = w ^ c;
    return (x - ONES) & ~x & HIGHS;
  }

  /**
   * Marks the bytes from 0 to {@code c - 1} (never a byte from 0x80 up).
   *
   * @param w eight bytes
   * @param c the bound, at most 0x80, repeated in every byte ({@code ONES * c})
   * @return the high bit of each marked byte
   */
  static long below(long w, long c) {
    return (w - c) & ~w & HIGHS;
  }

  /**
   * The index, 0 to 7, of the lowest marked byte.
   *
   * @param marks the marks, not zero
   * @return its index
   */
  static int first(long marks) {
    return Long.numberOfTrailingZeros(marks) >>> 3;
  }
}
