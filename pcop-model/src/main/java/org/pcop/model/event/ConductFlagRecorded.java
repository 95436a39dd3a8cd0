package org.pcop.model.event;

import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.MemberId;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/** A conduct concern about a member was raised, upheld or dismissed. Engagement rules may require that no flag is upheld. */
@Value.Immutable
public interface ConductFlagRecorded extends PcopEvent {
  /**
   * Returns the member.
   *
   * @return the member
   */
  MemberId getMember();

  /**
   * Returns the flag's status.
   *
   * @return the flag's status
   */
  ConductFlagStatus getStatus();

  /**
   * Returns why, if recorded; never case facts.
   *
   * @return why, if recorded; never case facts
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
  static ImmutableConductFlagRecorded.Builder builder() {
    return ImmutableConductFlagRecorded.builder();
  }
}
