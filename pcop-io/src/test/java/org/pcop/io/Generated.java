package org.pcop.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Seeded random inputs for the tests that check a property over many generated values.
 *
 * <p>Each try draws from its own {@link SplittableRandom}, seeded with the test's seed plus the
 * try number, so {@code Generated.of(seed, tryNumber)} gives the inputs of one try again; its
 * {@link #toString()} names both, and every failure of {@link #forEachTry} starts with it.
 *
 * <p>The first two tries are the edge cases. On try 0 every choice is its smallest: the lowest
 * bound, the shortest string of the first character, the smallest list, no optional value, the
 * first option. On try 1 every choice is its largest: the highest bound, the longest string of
 * the last character, the largest list, a value, the last option. Later tries choose at random,
 * with the lowest and the highest bound of a range or length each mixed in one time in twenty.
 *
 * <p>Public only because the tests of {@code org.pcop.io.internal} use it too.
 */
public final class Generated {
  /** Every character but surrogates, the noncharacters and those for private use. */
  public static final String ANY_CHAR = anyChar();

  private static final int EDGE_ONE_IN = 20;
  private static final int UNIQUE_ATTEMPTS = 100;

  private final long seed;
  private final int tryNumber;
  private final SplittableRandom random;

  private Generated(long seed, int tryNumber) {
    this.seed = seed;
    this.tryNumber = tryNumber;
    this.random = new SplittableRandom(seed + tryNumber);
  }

  /** The inputs of one try: the same for the same seed and try number. */
  public static Generated of(long seed, int tryNumber) {
    return new Generated(seed, tryNumber);
  }

  /**
   * Runs the tries 0 to {@code tries - 1}. A failure whose message does not name its seed and try
   * already, an exception included, is rethrown as an assertion failure that does.
   */
  public static void forEachTry(long seed, int tries, ThrowingConsumer<Generated> body) {
    for (int t = 0; t < tries; t++) {
      Generated g = of(seed, t);
      try {
        body.accept(g);
      } catch (AssertionError e) {
        if (String.valueOf(e.getMessage()).contains(g.toString())) {
          throw e;
        }
        throw new AssertionError(g + ": " + e.getMessage(), e);
      } catch (Throwable e) {
        throw new AssertionError(g + ": " + e, e);
      }
    }
  }

  /** The characters from {@code from} to {@code to}, both included, in order. */
  public static String chars(char from, char to) {
    StringBuilder out = new StringBuilder(to - from + 1);
    for (char c = from; c <= to; c++) {
      out.append(c);
    }
    return out.toString();
  }

  private static String anyChar() {
    StringBuilder out = new StringBuilder(Character.MAX_VALUE + 1);
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      boolean noncharacter = (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
      boolean privateUse = c >= 0xE000 && c <= 0xF8FF;
      if (!Character.isSurrogate((char) c) && !noncharacter && !privateUse) {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  public int tryNumber() {
    return tryNumber;
  }

  /** Whether this is try 0, where every choice is its smallest. */
  public boolean smallest() {
    return tryNumber == 0;
  }

  /** Whether this is try 1, where every choice is its largest. */
  public boolean largest() {
    return tryNumber == 1;
  }

  /** The random numbers of this try, for choices the methods here do not make. */
  public SplittableRandom random() {
    return random;
  }

  /** An int from {@code min} to {@code max}, both included. */
  public int between(int min, int max) {
    if (smallest()) {
      return min;
    }
    if (largest()) {
      return max;
    }
    int edge = random.nextInt(EDGE_ONE_IN);
    return edge == 0 ? min : edge == 1 ? max : random.nextInt(min, max + 1);
  }

  /** A long from {@code min} to {@code max}, both included ({@code max} below the largest). */
  public long between(long min, long max) {
    if (smallest()) {
      return min;
    }
    if (largest()) {
      return max;
    }
    int edge = random.nextInt(EDGE_ONE_IN);
    return edge == 0 ? min : edge == 1 ? max : random.nextLong(min, max + 1);
  }

  /** Any long, with the smallest, the largest and zero mixed in. */
  public long anyLong() {
    if (smallest()) {
      return Long.MIN_VALUE;
    }
    if (largest()) {
      return Long.MAX_VALUE;
    }
    int edge = random.nextInt(EDGE_ONE_IN);
    return edge == 0 ? Long.MIN_VALUE : edge == 1 ? Long.MAX_VALUE : edge == 2 ? 0
        : random.nextLong();
  }

  /** A double from {@code min} to {@code max}, both included. */
  public double between(double min, double max) {
    if (smallest()) {
      return min;
    }
    if (largest()) {
      return max;
    }
    int edge = random.nextInt(EDGE_ONE_IN);
    return edge == 0 ? min : edge == 1 ? max : Math.min(max, min + random.nextDouble()
        * (max - min));
  }

  public boolean nextBoolean() {
    return smallest() ? false : largest() ? true : random.nextBoolean();
  }

  /** One of the options, each as likely (the first on try 0, the last on try 1). */
  public <T> T oneOf(List<? extends T> options) {
    int last = options.size() - 1;
    return options.get(smallest() ? 0 : largest() ? last : random.nextInt(last + 1));
  }

  @SafeVarargs
  public final <T> T oneOf(T... options) {
    return oneOf(List.of(options));
  }

  public <E extends Enum<E>> E oneOf(Class<E> type) {
    return oneOf(type.getEnumConstants());
  }

  /** A value of one of the generators, each as likely (as {@link #oneOf(List)} chooses). */
  @SafeVarargs
  public final <T> T from(Supplier<? extends T>... generators) {
    return oneOf(generators).get();
  }

  /**
   * A string of {@code minLength} to {@code maxLength} characters of the alphabet, each as likely
   * (a character given twice is twice as likely).
   */
  public String string(String alphabet, int minLength, int maxLength) {
    return string(List.of(alphabet), minLength, maxLength);
  }

  /**
   * A string of {@code minLength} to {@code maxLength} characters, each from one of the parts of
   * the alphabet, each part as likely (as {@link #character(List)} chooses).
   */
  public String string(List<String> parts, int minLength, int maxLength) {
    int length = between(minLength, maxLength);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(character(parts));
    }
    return out.toString();
  }

  /**
   * A character of one of the parts of an alphabet, each part as likely, and then each character
   * of the part (a character given twice is twice as likely); the first character of the first
   * part on try 0, the last of the last part on try 1.
   */
  public char character(List<String> parts) {
    String part = oneOf(parts);
    return part.charAt(smallest() ? 0 : largest() ? part.length() - 1
        : random.nextInt(part.length()));
  }

  /** A value, or none one time in twenty (none on try 0). */
  public <T> Optional<T> optional(Supplier<? extends T> value) {
    boolean none = smallest() || (!largest() && random.nextInt(EDGE_ONE_IN) == 0);
    return none ? Optional.empty() : Optional.of(value.get());
  }

  /** A list of {@code minSize} to {@code maxSize} elements. */
  public <T> List<T> list(int minSize, int maxSize, Supplier<? extends T> element) {
    int size = between(minSize, maxSize);
    List<T> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(element.get());
    }
    return out;
  }

  /**
   * A list of {@code minSize} to {@code maxSize} elements with different keys; fewer (but at
   * least {@code minSize}) when the elements generated keep having the same keys.
   */
  public <T> List<T> uniqueList(int minSize, int maxSize, Supplier<? extends T> element,
      Function<? super T, ?> key) {
    int size = between(minSize, maxSize);
    Map<Object, T> byKey = new LinkedHashMap<>();
    for (int attempt = 0; byKey.size() < size; attempt++) {
      if (attempt >= UNIQUE_ATTEMPTS * Math.max(size, 1) && byKey.size() >= minSize) {
        break;
      }
      T value = element.get();
      byKey.putIfAbsent(key.apply(value), value);
    }
    return new ArrayList<>(byKey.values());
  }

  /** Up to {@code maxSize} different elements of {@code all}, in a random order. */
  public <T> List<T> subsetOf(List<? extends T> all, int maxSize) {
    int size = between(0, Math.min(maxSize, all.size()));
    List<T> shuffled = new ArrayList<>(all);
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(shuffled.size() - i);
      shuffled.set(j, shuffled.set(i, shuffled.get(j)));
    }
    return new ArrayList<>(shuffled.subList(0, size));
  }

  @SafeVarargs
  public final <T> List<T> subsetOf(T... all) {
    return subsetOf(List.of(all), all.length);
  }

  /** Up to {@code maxSize} entries; fewer when the keys generated keep being the same. */
  public <K, V> Map<K, V> map(int maxSize, Supplier<? extends K> key,
      Supplier<? extends V> value) {
    int size = between(0, maxSize);
    Map<K, V> out = new LinkedHashMap<>();
    for (int attempt = 0; out.size() < size && attempt < UNIQUE_ATTEMPTS * size; attempt++) {
      K k = key.get();
      if (!out.containsKey(k)) {
        out.put(k, value.get());
      }
    }
    return out;
  }

  /** A generated value that passes the test, generated again until one does. */
  public <T> T filtered(Supplier<? extends T> generator, Predicate<? super T> test) {
    for (int attempt = 0; attempt < 10_000; attempt++) {
      T value = generator.get();
      if (test.test(value)) {
        return value;
      }
    }
    throw new IllegalStateException(this + ": no generated value passes the filter");
  }

  /** Names the seed and the try, for failure messages. */
  @Override
  public String toString() {
    return "seed " + seed + ", try " + tryNumber;
  }
}
