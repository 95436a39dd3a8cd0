package org.pcop.io.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import org.pcop.io.CaseLabels;

/**
 * A generator through which case labels are written as {@link CaseLabels#PLACEHOLDER}: the case
 * reference codec asks {@link #label(JsonGenerator, String)} for the label to write, so every
 * codec above it needs no option of its own. Counts the labels it left out.
 */
public final class CaseLabelsLeftOut extends JsonGeneratorDelegate {
  private long leftOut;

  /**
   * Wraps a generator.
   *
   * @param g the generator that writes
   */
  public CaseLabelsLeftOut(JsonGenerator g) {
    super(g, false);
  }

  /**
   * The label to write through {@code g}: the placeholder when {@code g} leaves labels out,
   * else {@code label}.
   *
   * @param g the generator
   * @param label the case reference's label
   * @return what to write
   */
  static String label(JsonGenerator g, String label) {
    if (g instanceof CaseLabelsLeftOut out) {
      out.leftOut++;
      return CaseLabels.PLACEHOLDER;
    }
    return label;
  }

  /**
   * How many labels were left out so far.
   *
   * @return the count
   */
  public long leftOut() {
    return leftOut;
  }
}
