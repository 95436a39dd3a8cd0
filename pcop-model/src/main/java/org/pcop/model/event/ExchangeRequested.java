package org.pcop.model.event;

import jakarta.validation.Valid;
import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeState;

/** An exchange was requested; it starts in the requested state without approvals. */
@Value.Immutable
public interface ExchangeRequested extends PcopEvent {
  /**
   * Returns the exchange as requested.
   *
   * @return the exchange as requested
   */
  @Valid
  Exchange getExchange();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /** Refuses what this event can never carry. */
  @Value.Check
  default void check() {
    InvalidValueException.check(getExchange().getState() == ExchangeState.REQUESTED
        && getExchange().getApprovals().isEmpty(), "ExchangeRequested", "exchange",
        "a requested exchange is in state REQUESTED without approvals, not %s with %d",
        getExchange().getState(), getExchange().getApprovals().size());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableExchangeRequested.Builder builder() {
    return ImmutableExchangeRequested.builder();
  }
}
