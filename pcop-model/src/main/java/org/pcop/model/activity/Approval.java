package org.pcop.model.activity;

import java.time.Instant;
import org.immutables.value.Value;
import org.pcop.model.MemberId;

/** One party's approval of an exchange: in which role, by whom, when. */
@Value.Immutable
public interface Approval {
  /**
   * The role approved in.
   *
   * @return the role
   */
  @Value.Parameter
  ApproverRole getRole();

  /**
   * Who approved.
   *
   * @return the approver
   */
  @Value.Parameter
  MemberId getBy();

  /**
   * When.
   *
   * @return the instant
   */
  @Value.Parameter
  Instant getAt();

  /**
   * The approval in {@code role} by {@code by} at {@code at}.
   *
   * @param role the role
   * @param by the approver
   * @param at when
   * @return the approval
   */
  static Approval of(ApproverRole role, MemberId by, Instant at) {
    return ImmutableApproval.of(role, by, at);
  }
}
