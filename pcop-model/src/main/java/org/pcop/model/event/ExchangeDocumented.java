package org.pcop.model.event;

import jakarta.validation.Valid;
import org.immutables.value.Value;
import org.pcop.model.ExchangeId;
import org.pcop.model.activity.FollowUpReport;

/** The follow-up report of a held exchange came in. */
@Value.Immutable
public interface ExchangeDocumented extends PcopEvent {
  /**
   * Returns the exchange.
   *
   * @return the exchange
   */
  ExchangeId getExchange();

  /**
   * Returns the report.
   *
   * @return the report
   */
  @Valid
  FollowUpReport getReport();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableExchangeDocumented.Builder builder() {
    return ImmutableExchangeDocumented.builder();
  }
}
