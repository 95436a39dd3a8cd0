package org.pcop.rules;

import java.util.List;
import org.immutables.value.Value;

/** An eligibility refusal: every condition the candidate does not meet, in the rule's order. */
@Value.Immutable
public interface Refusal extends Finding {
  /**
   * The unmet conditions, each a sentence; never empty.
   *
   * @return the conditions
   */
  List<String> getUnmetConditions();

  /** Refuses an empty refusal. */
  @Value.Check
  default void check() {
    org.pcop.model.InvalidValueException.check(!getUnmetConditions().isEmpty(), "Refusal",
        "unmetConditions", "a refusal names at least one unmet condition");
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableRefusal.Builder builder() {
    return ImmutableRefusal.builder();
  }
}
