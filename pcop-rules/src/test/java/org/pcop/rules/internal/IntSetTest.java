package org.pcop.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The primitive set behaves like a map from int to the largest value given. */
class IntSetTest {
  @Test
  void agreesWithAMapOfMaximaThroughGrowth() {
    IntSet set = new IntSet(true);
    IntSet plain = new IntSet();
    Map<Integer, Integer> expected = new HashMap<>();
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      int key = random.nextInt(-5_000, 5_000) * 65_536 + random.nextInt(3);
      int value = random.nextInt(1_000);
      boolean added = !expected.containsKey(key);
      expected.merge(key, value, Math::max);
      assertEquals(added, set.add(key, value));
      assertEquals(added, plain.add(key));
    }
    assertEquals(expected.size(), plain.size());
    assertEquals(expected.size(), set.size());
    expected.forEach((key, value) -> {
      assertTrue(set.contains(key));
      assertEquals(value, set.value(key, -1));
      assertTrue(plain.contains(key));
      assertEquals(0, plain.value(key, -1));
    });
    assertFalse(set.contains(Integer.MIN_VALUE));
    assertEquals(-7, set.value(123_456_789, -7));
  }

  @Test
  void refusesTheReservedKey() {
    IntSet set = new IntSet();
    assertThrows(IllegalArgumentException.class, () -> set.add(Integer.MIN_VALUE));
    assertEquals(0, set.size());
  }
}
