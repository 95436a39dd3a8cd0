package org.pcop.io.internal;

import static org.pcop.io.internal.QuickKeys.KEY;
import static org.pcop.io.internal.QuickKeys.firstWord;
import static org.pcop.io.internal.QuickKeys.holds;
import static org.pcop.io.internal.QuickKeys.padded;
import static org.pcop.io.internal.QuickKeys.sameRest;
import static org.pcop.io.internal.QuickKeys.secondWord;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Identifiers by the bytes of their text: a text seen again while still in the table gives
 * the same instance, checked and built once, so the rules that look it up find it by
 * identity and its hash already computed. Slots go in pairs (a text may sit in either of its
 * pair) and a lookup looks at one pair. An identifier enters a full pair only when its text
 * comes again right after missing there (the pair notes the text that missed last): texts that
 * keep coming back (a community, the members of a busy week) are kept, while the many that come
 * once or rarely are built and let go. The table starts small and grows fourfold, up to a
 * bound, while more than a quarter of lookups miss: a community's roster of thousands of members
 * soon fits, while memory stays bounded however many identifiers a log names.
 */
final class QuickIds<T> {
  private final Function<String, T> of;
  private final int maxSlots;
  private int mask;
  private long[] words;
  private long[] missed;
  private byte[][] keys;
  private Object[] ids;
  private int lookups;
  private int misses;

  /**
   * A table of {@code slots} slots, made when first used, growing up to {@code maxSlots}.
   *
   * @param of creates an identifier, refusing a bad shape
   * @param slots a power of two, at least two
   * @param maxSlots a power of two, at least {@code slots}
   */
  QuickIds(Function<String, T> of, int slots, int maxSlots) {
    this.of = of;
    this.mask = slots - 1;
    this.maxSlots = maxSlots;
  }

  @SuppressWarnings("unchecked")
  T of(byte[] b, int from, int length) {
    if (ids == null) {
      allocate(mask + 1);
    }
    lookups++;
    long first = firstWord(b, from, length);
    long second = secondWord(b, from, length);
    int i = hash(first, second, b, from, length) & mask & ~1;
    if (length > 0) {
      if (holds(words, i * KEY, first, second, length)
          && (length <= 16 || sameRest(keys[i], b, from, length))) {
        return (T) ids[i];
      }
      if (holds(words, (i + 1) * KEY, first, second, length)
          && (length <= 16 || sameRest(keys[i + 1], b, from, length))) {
        return (T) ids[i + 1];
      }
    }
    T id = of.apply(new String(b, from, length, StandardCharsets.UTF_8)); // refuses bad shapes
    int k = i * KEY;
    if (words[k + 2] == 0) {
      put(i, first, second, length, b, from, id);
    } else if (words[k + KEY + 2] == 0) {
      put(i + 1, first, second, length, b, from, id);
    } else if (holds(missed, k, first, second, length)) {
      // the second way's text moves to the first, the newcomer takes the second
      words[k] = words[k + KEY];
      words[k + 1] = words[k + KEY + 1];
      words[k + 2] = words[k + KEY + 2];
      keys[i] = keys[i + 1];
      ids[i] = ids[i + 1];
      put(i + 1, first, second, length, b, from, id);
    } else {
      missed[k] = first;
      missed[k + 1] = second;
      missed[k + 2] = length;
    }
    misses++;
    if (lookups > mask) {
      if (4 * misses > lookups) {
        grow();
      }
      lookups = 0;
      misses = 0;
    }
    return id;
  }

  private void put(int slot, long first, long second, int length, byte[] b, int from, T id) {
    int k = slot * KEY;
    words[k] = first;
    words[k + 1] = second;
    words[k + 2] = length;
    keys[slot] = length > 16 ? padded(b, from, length) : null;
    ids[slot] = id;
  }

  private void allocate(int slots) {
    mask = slots - 1;
    words = new long[slots * KEY];
    missed = new long[slots * KEY];
    keys = new byte[slots][];
    ids = new Object[slots];
  }

  /**
   * The hash of a text by its first sixteen bytes and, when longer, its last eight, every bit
   * of them mixed into the low bits (MurmurHash3's finaliser), so that identifiers that differ
   * only in a few digits, or only after a long common start, spread over the slots.
   */
  private static int hash(long first, long second, byte[] b, int from, int length) {
    long h = first ^ Long.rotateLeft(second, 21) ^ length;
    if (length > 16) {
      h ^= Long.rotateLeft(Words.at(b, from + length - 8, 8), 42);
    }
    h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
    h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return (int) (h ^ (h >>> 33));
  }

  /** Makes the table four times as large, keeping its texts, unless it is at its bound. */
  private void grow() {
    int slots = mask + 1;
    if (slots >= maxSlots) {
      return;
    }
    long[] oldWords = words;
    byte[][] oldKeys = keys;
    Object[] oldIds = ids;
    allocate(Math.min(maxSlots, slots * 4));
    for (int s = 0; s < slots; s++) {
      int k = s * KEY;
      int length = (int) oldWords[k + 2];
      if (length == 0) {
        continue;
      }
      int i = hash(oldWords[k], oldWords[k + 1], oldKeys[s], 0, length) & mask & ~1;
      int slot = words[i * KEY + 2] == 0 ? i : words[(i + 1) * KEY + 2] == 0 ? i + 1 : -1;
      if (slot >= 0) {
        words[slot * KEY] = oldWords[k];
        words[slot * KEY + 1] = oldWords[k + 1];
        words[slot * KEY + 2] = length;
        keys[slot] = oldKeys[s];
        ids[slot] = oldIds[s];
      }
    }
  }
}
