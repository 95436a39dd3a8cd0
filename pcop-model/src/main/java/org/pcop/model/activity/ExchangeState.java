package org.pcop.model.activity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an exchange stands in its lifecycle: requested, approved (by both the program advisor and
 * the host site lead), scheduled, held, documented (the follow-up report is in); or declined or
 * cancelled.
 */
public enum ExchangeState {
  /** Requested; waiting for approvals. */
  REQUESTED,
  /** Approved by the program advisor and the host site lead. */
  APPROVED,
  /** Dates set. */
  SCHEDULED,
  /** Took place; the follow-up report is due. */
  HELD,
  /** The follow-up report is in. Final. */
  DOCUMENTED,
  /** Declined by an approver. Final. */
  DECLINED,
  /** Cancelled before it was held. Final. */
  CANCELLED;

  /**
   * The states this one may move to.
   *
   * @return the next states; empty for a final state
   */
  public Set<ExchangeState> next() {
    switch (this) {
      case REQUESTED:
        return EnumSet.of(APPROVED, DECLINED, CANCELLED);
      case APPROVED:
        return EnumSet.of(SCHEDULED, CANCELLED);
      case SCHEDULED:
        return EnumSet.of(HELD, CANCELLED);
      case HELD:
        return EnumSet.of(DOCUMENTED);
      default:
        return EnumSet.noneOf(ExchangeState.class);
    }
  }

  /**
   * Whether this state may move to {@code next}.
   *
   * @param next the candidate
   * @return true when the lifecycle allows it
   */
  public boolean canMoveTo(ExchangeState next) {
    return next().contains(next);
  }

  /**
   * Whether the exchange has been approved by both parties in this state.
   *
   * @return true for approved, scheduled, held and documented
   */
  public boolean isApproved() {
    return this == APPROVED || this == SCHEDULED || this == HELD || this == DOCUMENTED;
  }

  /**
   * Whether no further change is possible.
   *
   * @return true for documented, declined and cancelled
   */
  public boolean isFinal() {
    return next().isEmpty();
  }
}
