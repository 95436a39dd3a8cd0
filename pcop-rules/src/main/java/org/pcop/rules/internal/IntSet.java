package org.pcop.rules.internal;

/**
 * A set of ints by open addressing, optionally with an int value kept per member (for example the
 * latest day an activity was attended): no boxing, four bytes a slot (eight with values), at most
 * half full. Values are only ever raised, which is what the windowed aggregates need. Not
 * thread-safe.
 */
final class IntSet {
  private static final int FREE = Integer.MIN_VALUE;

  private int[] keys;
  private int[] values;
  private int size;

  /** A set without values: {@link #value} answers 0 for every member. */
  IntSet() {
    this(false);
  }

  /**
   * A set, keeping a value per member only if asked to (which doubles its size).
   *
   * @param withValues whether values are kept
   */
  IntSet(boolean withValues) {
    // Most sets stay empty (a member with nothing in a window): their arrays come with the
    // first key.
    keys = NONE;
    values = withValues ? NONE : null;
  }

  /** The arrays of a set that never held a key. */
  private static final int[] NONE = new int[0];

  /**
   * Adds {@code key}, keeping the larger of its value and {@code value}.
   *
   * @param key the member, not {@link Integer#MIN_VALUE}
   * @param value its value
   * @return true if the key was new
   */
  boolean add(int key, int value) {
    if (key == FREE) {
      throw new IllegalArgumentException("IntSet cannot hold " + key);
    }
    if (keys.length == 0) {
      keys = new int[4];
      java.util.Arrays.fill(keys, FREE);
      values = values == null ? null : new int[4];
    }
    int slot = slot(key);
    if (keys[slot] == key) {
      if (values != null) {
        values[slot] = Math.max(values[slot], value);
      }
      return false;
    }
    keys[slot] = key;
    if (values != null) {
      values[slot] = value;
    }
    size++;
    if (size * 2 > keys.length) {
      grow();
    }
    return true;
  }

  boolean add(int key) {
    return add(key, 0);
  }

  boolean contains(int key) {
    return key != FREE && size > 0 && keys[slot(key)] == key;
  }

  /**
   * The value kept for {@code key}.
   *
   * @param key the member
   * @param absent what to answer if the key is absent
   * @return the value
   */
  int value(int key, int absent) {
    if (key == FREE || size == 0) {
      return absent;
    }
    int slot = slot(key);
    return keys[slot] != key ? absent : values == null ? 0 : values[slot];
  }

  int size() {
    return size;
  }

  private int slot(int key) {
    int mask = keys.length - 1;
    int hash = key * 0x9E3779B9;
    int slot = (hash ^ hash >>> 16) & mask;
    while (keys[slot] != FREE && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    int[] oldKeys = keys;
    int[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = oldValues == null ? null : new int[oldKeys.length * 2];
    java.util.Arrays.fill(keys, FREE);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != FREE) {
        int slot = slot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        if (values != null) {
          values[slot] = oldValues[i];
        }
      }
    }
  }
}
