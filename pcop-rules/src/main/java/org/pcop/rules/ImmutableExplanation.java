package org.pcop.rules;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.pcop.model.MissingValueException;

/**
 * Immutable implementation of {@link Explanation}, built with {@link #builder()} or deferred with
 * {@link Explanation#deferred(Outcome, Supplier)}.
 *
 * <p>Written out rather than generated so that one class holds both forms: a built explanation
 * has its parts from the start; a deferred one knows its outcome and writes the other parts on
 * first read, once (threads racing to read first may each write them; they write equal parts).
 * Equality, hash code and string form are those of the parts, whichever form an instance has,
 * so a deferred explanation equals a built one that reads the same.
 */
public final class ImmutableExplanation implements Explanation {
  /** Text, facts, threshold and window, as read. */
  private static final class Parts {
    final String text;
    final ImmutableList<Fact> facts;
    final String threshold;
    final String window;

    Parts(String text, ImmutableList<Fact> facts, String threshold, String window) {
      this.text = text;
      this.facts = facts;
      this.threshold = threshold;
      this.window = window;
    }
  }

  private final Outcome outcome;
  /** The parts of a built explanation; null for a deferred one. */
  private final Parts built;
  /** What writes the parts of a deferred explanation; null for a built one. */
  private final Supplier<? extends Explanation> render;
  /** The parts of a deferred explanation once written. */
  private volatile Parts rendered;

  private ImmutableExplanation(
      Outcome outcome,
      String text,
      ImmutableList<Fact> facts,
      String threshold,
      String window) {
    this.outcome = outcome;
    this.built = new Parts(text, facts, threshold, window);
    this.render = null;
  }

  private ImmutableExplanation(Outcome outcome, Supplier<? extends Explanation> render) {
    this.outcome = outcome;
    this.built = null;
    this.render = render;
  }

  /**
   * An explanation whose parts other than the outcome are written on first read.
   *
   * @param outcome the outcome
   * @param render writes the explanation; a pure function of values that never change, giving
   *     the same outcome
   * @return the explanation
   * @throws MissingValueException if an argument is null
   * @see Explanation#deferred(Outcome, Supplier)
   */
  public static ImmutableExplanation deferred(Outcome outcome,
      Supplier<? extends Explanation> render) {
    return new ImmutableExplanation(requireNonNull(outcome, "outcome"),
        requireNonNull(render, "render"));
  }

  /**
   * Whether the parts are written: always for a built explanation, after the first read for a
   * deferred one.
   *
   * @return true when written
   */
  public boolean isWritten() {
    return built != null || rendered != null;
  }

  private Parts parts() {
    Parts parts = built;
    if (parts != null) {
      return parts;
    }
    parts = rendered;
    if (parts == null) {
      Explanation written = render.get();
      if (written == null) {
        throw new MissingValueException("deferred explanation: the render gave null");
      }
      if (written.getOutcome() != outcome) {
        throw new IllegalStateException("deferred explanation: the outcome is " + outcome
            + " but the render gave " + written.getOutcome() + " (" + written.getText() + ")");
      }
      parts = new Parts(requireNonNull(written.getText(), "text"),
          ImmutableList.copyOf(written.getFacts()), written.getThreshold().orElse(null),
          written.getWindow().orElse(null));
      rendered = parts;
    }
    return parts;
  }

  /**
   * The outcome explained.
   * @return the outcome
   */
  @Override
  public Outcome getOutcome() {
    return outcome;
  }

  /**
   * One or more sentences saying why, naming every condition that failed or could not be decided.
   * @return the text
   */
  @Override
  public String getText() {
    return parts().text;
  }

  /**
   * The facts counted, in the order the rule considered them.
   * @return the facts
   */
  @Override
  public List<Fact> getFacts() {
    return parts().facts;
  }

  /**
   * The threshold or thresholds the facts were held to, if any.
   * @return the threshold
   */
  @Override
  public Optional<String> getThreshold() {
    return Optional.ofNullable(parts().threshold);
  }

  /**
   * The window the facts were counted over, with its days and time zone, if any.
   * @return the window
   */
  @Override
  public Optional<String> getWindow() {
    return Optional.ofNullable(parts().window);
  }

  /**
   * Copy the current immutable object by setting a value for the {@link Explanation#getOutcome() outcome} attribute.
   * A value equality check is used to prevent copying of the same value by returning {@code this}.
   * @param value A new value for outcome
   * @return A modified copy or the {@code this} object
   */
  public final ImmutableExplanation withOutcome(Outcome value) {
    Outcome newValue = ImmutableExplanation.requireNonNull(value, "outcome");
    if (this.outcome == newValue) return this;
    Parts p = parts();
    return new ImmutableExplanation(newValue, p.text, p.facts, p.threshold, p.window);
  }

  /**
   * Copy the current immutable object by setting a value for the {@link Explanation#getText() text} attribute.
   * An equals check used to prevent copying of the same value by returning {@code this}.
   * @param value A new value for text
   * @return A modified copy or the {@code this} object
   */
  public final ImmutableExplanation withText(String value) {
    String newValue = ImmutableExplanation.requireNonNull(value, "text");
    Parts p = parts();
    if (p.text.equals(newValue)) return this;
    return new ImmutableExplanation(this.outcome, newValue, p.facts, p.threshold, p.window);
  }

  /**
   * Copy the current immutable object with elements that replace the content of {@link Explanation#getFacts() facts}.
   * @param elements The elements to set
   * @return A modified copy of {@code this} object
   */
  public final ImmutableExplanation withFacts(Fact... elements) {
    ImmutableList<Fact> newValue = checkedFacts(java.util.Arrays.asList(elements));
    Parts p = parts();
    return new ImmutableExplanation(this.outcome, p.text, newValue, p.threshold, p.window);
  }

  /**
   * Copy the current immutable object with elements that replace the content of {@link Explanation#getFacts() facts}.
   * A shallow reference equality check is used to prevent copying of the same value by returning {@code this}.
   * @param elements An iterable of facts elements to set
   * @return A modified copy or {@code this} if not changed
   */
  public final ImmutableExplanation withFacts(Iterable<? extends Fact> elements) {
    Parts p = parts();
    if (p.facts == elements) return this;
    ImmutableList<Fact> newValue = checkedFacts(elements);
    return new ImmutableExplanation(this.outcome, p.text, newValue, p.threshold, p.window);
  }

  /**
   * Copy the current immutable object by setting a <em>present</em> value for the optional {@link Explanation#getThreshold() threshold} attribute.
   * @param value The value for threshold
   * @return A modified copy or {@code this} if not changed
   */
  public final ImmutableExplanation withThreshold(String value) {
    String newValue = ImmutableExplanation.requireNonNull(value, "threshold");
    Parts p = parts();
    if (Objects.equals(p.threshold, newValue)) return this;
    return new ImmutableExplanation(this.outcome, p.text, p.facts, newValue, p.window);
  }

  /**
   * Copy the current immutable object by setting an optional value for the {@link Explanation#getThreshold() threshold} attribute.
   * An equality check is used on inner value to prevent copying of the same value by returning {@code this}.
   * @param optional An optional value for threshold
   * @return A modified copy or {@code this} if not changed
   */
  public final ImmutableExplanation withThreshold(Optional<String> optional) {
    String value = optional.orElse(null);
    Parts p = parts();
    if (Objects.equals(p.threshold, value)) return this;
    return new ImmutableExplanation(this.outcome, p.text, p.facts, value, p.window);
  }

  /**
   * Copy the current immutable object by setting a <em>present</em> value for the optional {@link Explanation#getWindow() window} attribute.
   * @param value The value for window
   * @return A modified copy or {@code this} if not changed
   */
  public final ImmutableExplanation withWindow(String value) {
    String newValue = ImmutableExplanation.requireNonNull(value, "window");
    Parts p = parts();
    if (Objects.equals(p.window, newValue)) return this;
    return new ImmutableExplanation(this.outcome, p.text, p.facts, p.threshold, newValue);
  }

  /**
   * Copy the current immutable object by setting an optional value for the {@link Explanation#getWindow() window} attribute.
   * An equality check is used on inner value to prevent copying of the same value by returning {@code this}.
   * @param optional An optional value for window
   * @return A modified copy or {@code this} if not changed
   */
  public final ImmutableExplanation withWindow(Optional<String> optional) {
    String value = optional.orElse(null);
    Parts p = parts();
    if (Objects.equals(p.window, value)) return this;
    return new ImmutableExplanation(this.outcome, p.text, p.facts, p.threshold, value);
  }

  /**
   * This instance is equal to all instances of {@code ImmutableExplanation} that have equal attribute values.
   * @return {@code true} if {@code this} is equal to {@code another} instance
   */
  @Override
  public boolean equals(Object another) {
    if (this == another) return true;
    return another instanceof ImmutableExplanation
        && equalsByValue((ImmutableExplanation) another);
  }

  private boolean equalsByValue(ImmutableExplanation another) {
    if (!outcome.equals(another.outcome)) {
      return false;
    }
    Parts mine = parts();
    Parts theirs = another.parts();
    return mine.text.equals(theirs.text)
        && mine.facts.equals(theirs.facts)
        && Objects.equals(mine.threshold, theirs.threshold)
        && Objects.equals(mine.window, theirs.window);
  }

  /**
   * Computes a hash code from attributes: {@code outcome}, {@code text}, {@code facts}, {@code threshold}, {@code window}.
   * @return hashCode value
   */
  @Override
  public int hashCode() {
    Parts p = parts();
    int h = 5381;
    h += (h << 5) + outcome.hashCode();
    h += (h << 5) + p.text.hashCode();
    h += (h << 5) + p.facts.hashCode();
    h += (h << 5) + Objects.hashCode(p.threshold);
    h += (h << 5) + Objects.hashCode(p.window);
    return h;
  }

  /**
   * The explanation as a person reads it: {@link #render()}, its outcome, text, facts, threshold
   * and window on one line.
   * @return the rendered text
   */
  @Override
  public String toString() {
    return render();
  }

  /**
   * Creates an immutable copy of a {@link Explanation} value.
   * Uses accessors to get values to initialize the new immutable instance.
   * If an instance is already immutable, it is returned as is.
   * @param instance The instance to copy
   * @return A copied immutable Explanation instance
   */
  public static ImmutableExplanation copyOf(Explanation instance) {
    if (instance instanceof ImmutableExplanation) {
      return (ImmutableExplanation) instance;
    }
    return ImmutableExplanation.builder()
        .from(instance)
        .build();
  }

  /**
   * Creates a builder for {@link ImmutableExplanation ImmutableExplanation}.
   * <pre>
   * ImmutableExplanation.builder()
   *    .outcome(org.pcop.rules.Outcome) // required {@link Explanation#getOutcome() outcome}
   *    .text(String) // required {@link Explanation#getText() text}
   *    .addFact|addAllFacts(org.pcop.rules.Fact) // {@link Explanation#getFacts() facts} elements
   *    .threshold(Optional&lt;String&gt;) // optional {@link Explanation#getThreshold() threshold}
   *    .window(Optional&lt;String&gt;) // optional {@link Explanation#getWindow() window}
   *    .build();
   * </pre>
   * @return A new ImmutableExplanation builder
   */
  public static ImmutableExplanation.Builder builder() {
    return new ImmutableExplanation.Builder();
  }

  /**
   * Builds instances of type {@link ImmutableExplanation ImmutableExplanation}.
   * Initialize attributes and then invoke the {@link #build()} method to create an
   * immutable instance.
   * <p><em>{@code Builder} is not thread-safe and generally should not be stored in a field or collection,
   * but instead used immediately to create instances.</em>
   */
  public static final class Builder {
    private static final long INIT_BIT_OUTCOME = 0x1L;
    private static final long INIT_BIT_TEXT = 0x2L;
    private long initBits = 0x3L;

    private Outcome outcome;
    private String text;
    private ImmutableList.Builder<Fact> facts = ImmutableList.builder();
    private String threshold;
    private String window;

    private Builder() {
    }

    /**
     * Fill a builder with attribute values from the provided {@code Explanation} instance.
     * Regular attribute values will be replaced with those from the given instance.
     * Absent optional values will not replace present values.
     * Collection elements and entries will be added, not replaced.
     * @param instance The instance from which to copy values
     * @return {@code this} builder for use in a chained invocation
     */
    public final Builder from(Explanation instance) {
      ImmutableExplanation.requireNonNull(instance, "instance");
      this.outcome(instance.getOutcome());
      this.text(instance.getText());
      addAllFacts(instance.getFacts());
      Optional<String> thresholdOptional = instance.getThreshold();
      if (thresholdOptional.isPresent()) {
        threshold(thresholdOptional);
      }
      Optional<String> windowOptional = instance.getWindow();
      if (windowOptional.isPresent()) {
        window(windowOptional);
      }
      return this;
    }

    /**
     * Initializes the value for the {@link Explanation#getOutcome() outcome} attribute.
     * @param outcome The value for outcome 
     * @return {@code this} builder for use in a chained invocation
     */
    public final Builder outcome(Outcome outcome) {
      this.outcome = ImmutableExplanation.requireNonNull(outcome, "outcome");
      initBits &= ~INIT_BIT_OUTCOME;
      return this;
    }

    /**
     * Initializes the value for the {@link Explanation#getText() text} attribute.
     * @param text The value for text 
     * @return {@code this} builder for use in a chained invocation
     */
    public final Builder text(String text) {
      this.text = ImmutableExplanation.requireNonNull(text, "text");
      initBits &= ~INIT_BIT_TEXT;
      return this;
    }

    /**
     * Adds one element to {@link Explanation#getFacts() facts} list.
     * @param element A facts element
     * @return {@code this} builder for use in a chained invocation
     */
    public final Builder addFact(Fact element) {
      this.facts.add(requireNonNull(element, "facts element"));
      return this;
    }

    /**
     * Adds elements to {@link Explanation#getFacts() facts} list.
     * @param elements An array of facts elements
     * @return {@code this} builder for use in a chained invocation
     */
    public final Builder addFacts(Fact... elements) {
      for (Fact element : elements) {
        addFact(element);
      }
      return this;
    }


    /**
     * Sets or replaces all elements for {@link Explanation#getFacts() facts} list.
     * @param elements An iterable of facts elements
     * @return {@code this} builder for use in a chained invocation
     */
    public final Builder facts(Iterable<? extends Fact> elements) {
      this.facts = ImmutableList.builder();
      return addAllFacts(elements);
    }

    /**
     * Adds elements to {@link Explanation#getFacts() facts} list.
     * @param elements An iterable of facts elements
     * @return {@code this} builder for use in a chained invocation
     */
    public final Builder addAllFacts(Iterable<? extends Fact> elements) {
      for (Fact element : elements) {
        addFact(element);
      }
      return this;
    }

    /**
     * Initializes the optional value {@link Explanation#getThreshold() threshold} to threshold.
     * @param threshold The value for threshold
     * @return {@code this} builder for chained invocation
     */
    public final Builder threshold(String threshold) {
      this.threshold = ImmutableExplanation.requireNonNull(threshold, "threshold");
      return this;
    }

    /**
     * Initializes the optional value {@link Explanation#getThreshold() threshold} to threshold.
     * @param threshold The value for threshold
     * @return {@code this} builder for use in a chained invocation
     */
    public final Builder threshold(Optional<String> threshold) {
      this.threshold = threshold.orElse(null);
      return this;
    }

    /**
     * Initializes the optional value {@link Explanation#getWindow() window} to window.
     * @param window The value for window
     * @return {@code this} builder for chained invocation
     */
    public final Builder window(String window) {
      this.window = ImmutableExplanation.requireNonNull(window, "window");
      return this;
    }

    /**
     * Initializes the optional value {@link Explanation#getWindow() window} to window.
     * @param window The value for window
     * @return {@code this} builder for use in a chained invocation
     */
    public final Builder window(Optional<String> window) {
      this.window = window.orElse(null);
      return this;
    }

    /**
     * Builds a new {@link ImmutableExplanation ImmutableExplanation}.
     * @return An immutable instance of Explanation
     * @throws MissingValueException if the outcome or the text is missing
     */
    public ImmutableExplanation build() {
      checkRequiredAttributes();
      return new ImmutableExplanation(outcome, text, facts.build(), threshold, window);
    }

    private boolean outcomeIsSet() {
      return (initBits & INIT_BIT_OUTCOME) == 0;
    }

    private boolean textIsSet() {
      return (initBits & INIT_BIT_TEXT) == 0;
    }

    private void checkRequiredAttributes() {
      if (initBits != 0) {
        List<String> attributes = new ArrayList<>();
        if (!outcomeIsSet()) attributes.add("outcome");
        if (!textIsSet()) attributes.add("text");
        throw new MissingValueException("Explanation", attributes.toArray(new String[0]));
      }
    }
  }

  /** The facts as an immutable list, refusing a null element as the builders do. */
  private static ImmutableList<Fact> checkedFacts(Iterable<? extends Fact> elements) {
    ImmutableList.Builder<Fact> facts = ImmutableList.builder();
    for (Fact element : elements) {
      facts.add(requireNonNull(element, "facts element"));
    }
    return facts.build();
  }

  private static <T> T requireNonNull(T object, String message) {
    if (object == null) throw new MissingValueException(message);
    return object;
  }
}
