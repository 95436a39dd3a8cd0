package org.pcop.model.event;

import jakarta.validation.Valid;
import org.immutables.value.Value;
import org.pcop.model.Member;

/** A member joined the program (or was enrolled from a host directory). */
@Value.Immutable
public interface MemberEnrolled extends PcopEvent {
  /**
   * Returns the member as enrolled.
   *
   * @return the member as enrolled
   */
  @Valid
  Member getMember();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableMemberEnrolled.Builder builder() {
    return ImmutableMemberEnrolled.builder();
  }
}
