package org.pcop.model.event;

import jakarta.validation.Valid;
import java.util.List;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;

/**
 * A coordinator reviewed an event whose free text the case-fact guard flagged: cleared it (the
 * findings were not case facts) or redacted it (every read shows the flagged spans as redacted).
 * The event names the flagged event and the spans by field and offsets, never the text.
 */
@Value.Immutable
public interface CaseFactsReviewed extends PcopEvent {
  /**
   * Returns the community.
   *
   * @return the community
   */
  CommunityId getCommunity();

  /**
   * Returns the flagged event reviewed.
   *
   * @return the flagged event's id
   */
  EventId getFlaggedEvent();

  /**
   * Returns the decision.
   *
   * @return the decision
   */
  CaseFactDecision getDecision();

  /**
   * Returns the spans redacted: at least one when {@link CaseFactDecision#REDACTED}, none when
   * {@link CaseFactDecision#CLEARED}.
   *
   * @return the spans redacted
   */
  List<@Valid RedactedSpan> getRedactions();

  /** Refuses spans on a clearance and a redaction without spans. */
  @Value.Check
  default void check() {
    boolean redacted = getDecision() == CaseFactDecision.REDACTED;
    InvalidValueException.check(redacted != getRedactions().isEmpty(), "CaseFactsReviewed",
        "redactions", redacted ? "a redaction names no span" : "a clearance names %s spans",
        getRedactions().size());
  }

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableCaseFactsReviewed.Builder builder() {
    return ImmutableCaseFactsReviewed.builder();
  }
}
