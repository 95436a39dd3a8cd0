package org.pcop.io;

import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;

/**
 * The limits a reader applies to untrusted input, set per reader through the builder (never
 * globally). The defaults suit a roster-sized community document (tens of thousands of members):
 * input beyond a limit is refused with a located error before it is held in memory.
 *
 * <p>In strict mode (the default) unknown properties, duplicate keys and anything after the
 * document are errors. Lenient mode ignores unknown properties and lets the last of duplicate keys
 * win; type hints by class name (a {@code "@class"} property) are refused in both modes.
 *
 * <pre>{@code
 * ReadLimits limits = ReadLimits.builder().maxDocumentLength(1_000_000).build();
 * }</pre>
 */
@Value.Immutable
public interface ReadLimits {
  /**
   * How deeply arrays and objects may nest; pcop's own documents need fewer than 10 levels.
   *
   * @return the greatest depth, default 32
   */
  @Value.Default
  default int getMaxNestingDepth() {
    return 32;
  }

  /**
   * The longest string value, in characters; the longest model text is 4,000 characters.
   *
   * @return the longest string, default 8,192
   */
  @Value.Default
  default int getMaxStringLength() {
    return 8_192;
  }

  /**
   * The longest property name, in characters.
   *
   * @return the longest name, default 128
   */
  @Value.Default
  default int getMaxNameLength() {
    return 128;
  }

  /**
   * The longest number, in characters.
   *
   * @return the longest number, default 20
   */
  @Value.Default
  default int getMaxNumberLength() {
    return 20;
  }

  /**
   * The largest community document or roster, in bytes for byte input and characters for text
   * input.
   *
   * @return the largest document, default 32 MiB
   */
  @Value.Default
  default long getMaxDocumentLength() {
    return 32L * 1024 * 1024;
  }

  /**
   * The most JSON tokens (names, values, brackets) in one community document or event line, so
   * that a document within the size limit cannot build an outsized tree of tiny values.
   *
   * @return the most tokens, default 5,000,000 (a roster of tens of thousands of members needs
   *     about 40 tokens a member)
   */
  @Value.Default
  default long getMaxTokenCount() {
    return 5_000_000L;
  }

  /**
   * The longest line of an event log, in characters; the log itself has no size limit because
   * it is streamed.
   *
   * @return the longest event line, default 1 MiB
   */
  @Value.Default
  default int getMaxEventLineLength() {
    return 1024 * 1024;
  }

  /**
   * How many errors an import reports in full; the rest are counted.
   *
   * @return the error cap, default 100
   */
  @Value.Default
  default int getMaxErrors() {
    return 100;
  }

  /**
   * Whether unknown properties, duplicate keys and trailing content are errors.
   *
   * @return true in strict mode, the default
   */
  @Value.Default
  default boolean isStrict() {
    return true;
  }

  /** Refuses limits that are not positive. */
  @Value.Check
  default void check() {
    positive(getMaxNestingDepth(), "maxNestingDepth");
    positive(getMaxStringLength(), "maxStringLength");
    positive(getMaxNameLength(), "maxNameLength");
    positive(getMaxNumberLength(), "maxNumberLength");
    positive(getMaxDocumentLength(), "maxDocumentLength");
    positive(getMaxTokenCount(), "maxTokenCount");
    positive(getMaxEventLineLength(), "maxEventLineLength");
    positive(getMaxErrors(), "maxErrors");
  }

  private static void positive(long value, String field) {
    InvalidValueException.check(value > 0, "ReadLimits", field, "must be positive, not %d",
        value);
  }

  /**
   * The default limits, in strict mode.
   *
   * @return the defaults
   */
  static ReadLimits defaults() {
    return builder().build();
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a new builder
   */
  static ImmutableReadLimits.Builder builder() {
    return ImmutableReadLimits.builder();
  }
}
