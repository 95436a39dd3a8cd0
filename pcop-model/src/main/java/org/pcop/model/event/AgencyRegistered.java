package org.pcop.model.event;

import jakarta.validation.Valid;
import org.immutables.value.Value;
import org.pcop.model.Agency;

/** An agency (a prosecutor's office) was added to the program or its details changed. */
@Value.Immutable
public interface AgencyRegistered extends PcopEvent {
  /**
   * Returns the agency as registered.
   *
   * @return the agency as registered
   */
  @Valid
  Agency getAgency();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableAgencyRegistered.Builder builder() {
    return ImmutableAgencyRegistered.builder();
  }
}
