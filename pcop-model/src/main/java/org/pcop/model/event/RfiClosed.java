package org.pcop.model.event;

import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.RfiId;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/** A request for information was closed without an accepted response (expired). */
@Value.Immutable
public interface RfiClosed extends PcopEvent {
  /**
   * Returns the request.
   *
   * @return the request
   */
  RfiId getRequest();

  /**
   * Returns why, if recorded.
   *
   * @return why, if recorded
   */
  Optional<@HasText @Size(max = Limits.SHORT_TEXT_MAX) @PlainText String> getReason();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableRfiClosed.Builder builder() {
    return ImmutableRfiClosed.builder();
  }
}
