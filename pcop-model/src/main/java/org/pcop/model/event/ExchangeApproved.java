package org.pcop.model.event;

import org.immutables.value.Value;
import org.pcop.model.ExchangeId;
import org.pcop.model.activity.ApproverRole;

/** One party (the actor, in the given role) approved an exchange. */
@Value.Immutable
public interface ExchangeApproved extends PcopEvent {
  /**
   * Returns the exchange.
   *
   * @return the exchange
   */
  ExchangeId getExchange();

  /**
   * Returns the role the actor approved in.
   *
   * @return the role the actor approved in
   */
  ApproverRole getRole();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableExchangeApproved.Builder builder() {
    return ImmutableExchangeApproved.builder();
  }
}
