package org.pcop.model.event;

import org.immutables.value.Value;
import org.pcop.model.activity.Participation;

/** A member's participation in an activity was recorded. */
@Value.Immutable
public interface ParticipationRecorded extends PcopEvent {
  /**
   * Returns the participation.
   *
   * @return the participation
   */
  Participation getParticipation();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableParticipationRecorded.Builder builder() {
    return ImmutableParticipationRecorded.builder();
  }
}
