package org.pcop.model.event;

import org.immutables.value.Value;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;

/** The asker accepted a response; the request is resolved. */
@Value.Immutable
public interface RfiAccepted extends PcopEvent {
  /**
   * Returns the request.
   *
   * @return the request
   */
  RfiId getRequest();

  /**
   * Returns the accepted response.
   *
   * @return the accepted response
   */
  ResponseId getResponse();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableRfiAccepted.Builder builder() {
    return ImmutableRfiAccepted.builder();
  }
}
