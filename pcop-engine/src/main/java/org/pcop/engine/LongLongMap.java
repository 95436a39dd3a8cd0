package org.pcop.engine;

import org.pcop.rules.snapshot.SnapshotBytes;

/**
 * A map from long keys to long values in two primitive arrays (open addressing, linear probing),
 * so that one entry costs about 32 bytes at most instead of a boxed map's hundred. Key 0 is
 * reserved for empty slots; callers map their keys away from it.
 */
final class LongLongMap {
  private static final long MISSING = Long.MIN_VALUE;
  private long[] keys = new long[64];
  private long[] values = new long[64];
  private int size;

  /** The value of a key, or {@link Long#MIN_VALUE} if absent. */
  long get(long key) {
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == 0) {
        return MISSING;
      }
    }
  }

  /** Whether a value was found by {@link #get}. */
  static boolean found(long value) {
    return value != MISSING;
  }

  /** Sets a key's value. */
  void put(long key, long value) {
    if (key == 0) {
      throw new IllegalArgumentException("key 0 is reserved");
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      if (keys[i] == 0) {
        keys[i] = key;
        values[i] = value;
        size++;
        return;
      }
    }
  }

  int size() {
    return size;
  }

  /** Writes the table as it is, for a snapshot. */
  void writeTo(SnapshotBytes.Output out) {
    out.putInt(size);
    out.putLongs(keys);
    out.putLongs(values);
  }

  /** Takes over a table {@link #writeTo} wrote. */
  void readFrom(SnapshotBytes.Input in) {
    int count = in.getInt();
    long[] readKeys = in.longs();
    long[] readValues = in.longs();
    int used = 0;
    for (long key : readKeys) {
      used += key != 0 ? 1 : 0;
    }
    if (readKeys.length < 2 || Integer.bitCount(readKeys.length) != 1
        || readValues.length != readKeys.length || used != count || count * 2 > readKeys.length) {
      throw new SnapshotBytes.Unusable("its request ledger of " + count + " requests in a table"
          + " of " + readKeys.length + " does not fit together");
    }
    keys = readKeys;
    values = readValues;
    size = count;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new long[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
