package org.pcop.model.event;

import jakarta.validation.Valid;
import org.immutables.value.Value;
import org.pcop.model.RfiId;
import org.pcop.model.activity.RfiResponse;

/** A member responded to a request for information. */
@Value.Immutable
public interface RfiAnswered extends PcopEvent {
  /**
   * Returns the request.
   *
   * @return the request
   */
  RfiId getRequest();

  /**
   * Returns the response.
   *
   * @return the response
   */
  @Valid
  RfiResponse getResponse();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableRfiAnswered.Builder builder() {
    return ImmutableRfiAnswered.builder();
  }
}
