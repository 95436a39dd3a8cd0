package org.pcop.model.event;

import jakarta.validation.constraints.Size;
import org.immutables.value.Value;
import org.pcop.model.ExchangeId;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/** An approver declined an exchange. */
@Value.Immutable
public interface ExchangeDeclined extends PcopEvent {
  /**
   * Returns the exchange.
   *
   * @return the exchange
   */
  ExchangeId getExchange();

  /**
   * Returns the role the actor declined in.
   *
   * @return the role the actor declined in
   */
  ApproverRole getRole();

  /**
   * Returns why.
   *
   * @return why
   */
  @HasText @Size(max = Limits.SHORT_TEXT_MAX) @PlainText String getReason();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableExchangeDeclined.Builder builder() {
    return ImmutableExchangeDeclined.builder();
  }
}
