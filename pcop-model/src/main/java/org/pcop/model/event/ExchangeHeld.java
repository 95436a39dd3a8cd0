package org.pcop.model.event;

import java.time.LocalDate;
import org.immutables.value.Value;
import org.pcop.model.ExchangeId;

/** An exchange took place; its follow-up report is now due. */
@Value.Immutable
public interface ExchangeHeld extends PcopEvent {
  /**
   * Returns the exchange.
   *
   * @return the exchange
   */
  ExchangeId getExchange();

  /**
   * Returns the day it was held (the last day, for several).
   *
   * @return the day it was held (the last day, for several)
   */
  LocalDate getHeldOn();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableExchangeHeld.Builder builder() {
    return ImmutableExchangeHeld.builder();
  }
}
