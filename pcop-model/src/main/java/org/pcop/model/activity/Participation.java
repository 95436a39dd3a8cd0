package org.pcop.model.activity;

import java.time.Instant;
import org.immutables.value.Value;
import org.pcop.model.ActivityId;
import org.pcop.model.MemberId;

/** A member's participation in an activity: registered, attended, presented or hosted. */
@Value.Immutable
public interface Participation {
  /**
   * The activity.
   *
   * @return the activity
   */
  @Value.Parameter
  ActivityId getActivity();

  /**
   * The member.
   *
   * @return the member
   */
  @Value.Parameter
  MemberId getMember();

  /**
   * How the member took part.
   *
   * @return the kind
   */
  @Value.Parameter
  ParticipationKind getKind();

  /**
   * When it happened (for attendance, when the activity took place).
   *
   * @return the instant
   */
  @Value.Parameter
  Instant getAt();

  /**
   * The participation of {@code member} in {@code activity}.
   *
   * @param activity the activity
   * @param member the member
   * @param kind how they took part
   * @param at when
   * @return the participation
   */
  static Participation of(ActivityId activity, MemberId member, ParticipationKind kind,
      Instant at) {
    return ImmutableParticipation.of(activity, member, kind, at);
  }
}
