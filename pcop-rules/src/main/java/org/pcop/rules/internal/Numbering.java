package org.pcop.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interned int ids: gives each distinct value the next number, from 0, so that tables and sets
 * of primitive ints can stand for sites and agencies.
 *
 * @param <T> what is numbered
 */
final class Numbering<T> {
  private final Map<T, Integer> numbers = new HashMap<>();
  private final List<T> values = new ArrayList<>();

  /** The value's number, giving it the next one if it has none yet. */
  int number(T value) {
    Integer known = numbers.get(value);
    if (known != null) {
      return known;
    }
    int next = numbers.size();
    numbers.put(value, next);
    values.add(value);
    return next;
  }

  /** The value's number, or -1 if it has none. */
  int find(T value) {
    Integer known = numbers.get(value);
    return known == null ? -1 : known;
  }

  /** The value numbered {@code number}. */
  T value(int number) {
    return values.get(number);
  }

  /** The values numbered so far, in number order, read-only. */
  List<T> values() {
    return java.util.Collections.unmodifiableList(values);
  }
}
