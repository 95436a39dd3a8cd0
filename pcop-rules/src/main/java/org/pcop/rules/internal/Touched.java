package org.pcop.rules.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What one event touched of one sort (members, exchanges, requests, communities): nothing, one
 * thing or a set, allocating only what it needs (most events touch one member and one community).
 *
 * @param <T> what is touched
 */
public final class Touched<T> {
  private T one;
  private Set<T> many;

  /** Nothing touched yet. */
  public Touched() {}

  void add(T item) {
    if (many != null) {
      many.add(item);
    } else if (one == null || one.equals(item)) {
      one = item;
    } else {
      many = new HashSet<>();
      many.add(one);
      many.add(item);
    }
  }

  void addAll(Collection<? extends T> items) {
    for (T item : items) {
      add(item);
    }
  }

  /**
   * The one thing touched, when there is at most one.
   *
   * @return the thing, or null when nothing or several were touched
   */
  public T one() {
    return many == null ? one : null;
  }

  /**
   * The things touched, when there are several.
   *
   * @return the things, or null when at most one was touched
   */
  public Set<T> many() {
    return many;
  }

  /**
   * A read-only copy of what was touched.
   *
   * @return the things touched
   */
  public Set<T> frozen() {
    return many != null ? Set.copyOf(many) : one != null ? Set.of(one) : Set.of();
  }

  void clear() {
    one = null;
    many = null;
  }
}
