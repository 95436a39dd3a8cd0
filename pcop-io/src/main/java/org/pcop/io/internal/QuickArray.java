package org.pcop.io.internal;

import java.util.Arrays;

/**
 * The items of one array of a line the quick reader reads, each a value as in
 * {@link QuickObject}. Reused from line to line.
 */
final class QuickArray {
  Object[] values = new Object[4];
  long[] spans = new long[4];
  int size;

  void add(Object value, long span) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
      spans = Arrays.copyOf(spans, size * 2);
    }
    values[size] = value;
    spans[size++] = span;
  }
}
