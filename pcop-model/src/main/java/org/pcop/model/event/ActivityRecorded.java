package org.pcop.model.event;

import jakarta.validation.Valid;
import org.immutables.value.Value;
import org.pcop.model.activity.Activity;

/** An activity was planned or recorded. */
@Value.Immutable
public interface ActivityRecorded extends PcopEvent {
  /**
   * Returns the activity.
   *
   * @return the activity
   */
  @Valid
  Activity getActivity();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableActivityRecorded.Builder builder() {
    return ImmutableActivityRecorded.builder();
  }
}
