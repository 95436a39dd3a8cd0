package org.pcop.model.event;

import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.MemberId;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/** A member left their agency or disappeared from the host directory; history is kept. */
@Value.Immutable
public interface MemberDeactivated extends PcopEvent {
  /**
   * Returns the member.
   *
   * @return the member
   */
  MemberId getMember();

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
  static ImmutableMemberDeactivated.Builder builder() {
    return ImmutableMemberDeactivated.builder();
  }
}
