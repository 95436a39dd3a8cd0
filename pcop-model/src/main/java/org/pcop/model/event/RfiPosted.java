package org.pcop.model.event;

import jakarta.validation.Valid;
import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiState;

/** A request for information was posted; it starts open, without responses. */
@Value.Immutable
public interface RfiPosted extends PcopEvent {
  /**
   * Returns the request as posted.
   *
   * @return the request as posted
   */
  @Valid
  RequestForInformation getRequest();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /** Refuses what this event can never carry. */
  @Value.Check
  default void check() {
    InvalidValueException.check(getRequest().getState() == RfiState.OPEN, "RfiPosted",
        "request", "a posted request is open, without responses, not %s",
        getRequest().getState());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableRfiPosted.Builder builder() {
    return ImmutableRfiPosted.builder();
  }
}
