package org.pcop.rules;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Why a rule came out as it did, for a person to read: the facts counted, the threshold they were
 * held to, the window they were counted over, the outcome and a sentence that says it all.
 *
 * <p>Values are {@link ImmutableExplanation}s, built with {@link #builder()} or, when the text is
 * costly and rarely read, with {@link #deferred(Outcome, Supplier)}: the outcome is known at once
 * and the rest is written on first read. Both kinds compare equal when they read the same, and
 * both print as {@link #render()}, so {@code System.out.println(explanation)} shows the text a
 * person reads.
 *
 * <p>An engagement level's explanation says why a member moved: a demotion names each
 * requirement of the level left that fell below the line, with its value and the line (a
 * windowed threshold times the demotion fraction); a promotion names the requirement of the
 * level reached that was met last, the one with the least headroom over its threshold.
 */
public interface Explanation {
  /**
   * The outcome explained.
   *
   * @return the outcome
   */
  Outcome getOutcome();

  /**
   * One or more sentences saying why, naming every condition that failed or could not be decided.
   *
   * @return the text
   */
  String getText();

  /**
   * The facts counted, in the order the rule considered them.
   *
   * @return the facts
   */
  List<Fact> getFacts();

  /**
   * The threshold or thresholds the facts were held to, if any.
   *
   * @return the threshold
   */
  Optional<String> getThreshold();

  /**
   * The window the facts were counted over, with its days and time zone, if any.
   *
   * @return the window
   */
  Optional<String> getWindow();

  /**
   * The explanation as one line: outcome, text, facts, threshold and window.
   *
   * @return the line
   */
  default String render() {
    StringBuilder line = new StringBuilder(getOutcome().name()).append(": ").append(getText());
    if (!getFacts().isEmpty()) {
      line.append(" [");
      for (int i = 0; i < getFacts().size(); i++) {
        line.append(i == 0 ? "" : ", ").append(getFacts().get(i).getName()).append(" = ")
            .append(getFacts().get(i).getValue());
      }
      line.append(']');
    }
    getThreshold().ifPresent(t -> line.append(" threshold: ").append(t));
    getWindow().ifPresent(w -> line.append(" window: ").append(w));
    return line.toString();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableExplanation.Builder builder() {
    return ImmutableExplanation.builder();
  }

  /**
   * An explanation whose outcome is known now and whose text, facts, threshold and window are
   * written only when first read (by an accessor, {@code equals}, {@code hashCode} or
   * {@code toString}), then kept. Rule kinds use it so that evaluating many subjects costs no
   * text nobody reads.
   *
   * <p>{@code render} must be a pure function of values that never change (it may run after the
   * record evaluated has moved on, and more than once if threads race to read the explanation
   * first), and must give an explanation with the same outcome.
   *
   * @param outcome the outcome
   * @param render writes the explanation
   * @return the explanation
   * @throws org.pcop.model.MissingValueException if an argument is null
   */
  static ImmutableExplanation deferred(Outcome outcome,
      Supplier<? extends Explanation> render) {
    return ImmutableExplanation.deferred(outcome, render);
  }
}
