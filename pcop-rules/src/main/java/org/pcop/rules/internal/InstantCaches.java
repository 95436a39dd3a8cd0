package org.pcop.rules.internal;

import java.time.Instant;
import java.util.Set;
import org.pcop.rules.EngagementRecord;

/**
 * A rule kind that keeps aggregates per record and instant evaluated as of, so that evaluations
 * at the same instant share them. An incremental evaluator that moves on to a later instant never
 * reads the earlier one's aggregates again; it releases them here, so that a long-lived record
 * evaluated at a new instant every time (an engine answering evaluations as of now) holds the
 * aggregates of one instant, not of every instant it was ever evaluated at. Releasing is only
 * ever a loss of cached work: an evaluation at a released instant builds its aggregates again.
 */
public interface InstantCaches {
  /**
   * Drops the aggregates kept for {@code record} as of {@code asOf}, for every rule.
   *
   * @param record the record
   * @param asOf the instant no longer evaluated as of
   */
  void release(EngagementRecord record, Instant asOf);

  /**
   * The instants aggregates are kept for, for {@code record}.
   *
   * @param record the record
   * @return the instants, a copy
   */
  Set<Instant> instants(EngagementRecord record);
}
