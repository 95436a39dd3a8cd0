package org.pcop.model.event;

import org.immutables.value.Value;
import org.pcop.model.ExchangeId;
import org.pcop.model.activity.Schedule;

/** An approved exchange was given its days. */
@Value.Immutable
public interface ExchangeScheduled extends PcopEvent {
  /**
   * Returns the exchange.
   *
   * @return the exchange
   */
  ExchangeId getExchange();

  /**
   * Returns the days.
   *
   * @return the days
   */
  Schedule getSchedule();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableExchangeScheduled.Builder builder() {
    return ImmutableExchangeScheduled.builder();
  }
}
