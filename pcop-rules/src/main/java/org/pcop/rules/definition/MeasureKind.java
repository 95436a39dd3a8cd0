package org.pcop.rules.definition;

/** What a {@link Measure} measures. */
public enum MeasureKind {
  /** Participations of the given kinds. */
  PARTICIPATIONS,
  /** Distinct activities taken part in. */
  DISTINCT_ACTIVITIES,
  /** Distinct host sites of the activities taken part in. */
  DISTINCT_SITES,
  /** Distinct other agencies met in exchanges taken part in. */
  DISTINCT_AGENCIES,
  /** Distinct days with a participation. */
  DISTINCT_DAYS,
  /** Share of the community's activities of a kind attended, with a cap on how many count. */
  ATTENDANCE_RATIO,
  /** Days since the membership first became active. */
  TENURE_DAYS,
  /** No upheld conduct flag in force. */
  NO_UPHELD_CONDUCT_FLAG,
  /** Contributions of one {@link ContributionKind}, each counted. */
  CONTRIBUTIONS,
  /** Distinct days with a contribution of one kind. */
  CONTRIBUTION_DAYS,
  /**
   * Distinct other members on the far side of contributions of one kind (the askers of the
   * requests answered, the answerers whose answers were accepted); the member is never counted.
   * For exchanges, the visiting agencies of those hosted and the host sites of those visited;
   * for presentations, the host sites of the activities presented in.
   */
  CONTRIBUTION_COUNTERPARTIES,
  /**
   * Upheld conduct flags in the window (a dismissal withdraws the latest upheld one); the
   * requirement holds with at most the threshold, and applies in full, without hysteresis.
   */
  UPHELD_CONDUCT_FLAGS,
  /** No suspension in force on the evaluation day; applies in full. */
  NOT_SUSPENDED,
  /**
   * Contributions of one kind held to a share of the community's opportunities in the window,
   * with a cap on what is required: the member needs {@code min(ceil(threshold * N), cap)}
   * contributions, where N counts the requests for information posted in the community in the
   * window (for request contributions), the exchanges held in it (for exchanges hosted and
   * visited) or the activities held in it, by their start (for presentations given), under the
   * same topic, core-area, activity-kind and series filters. With N = 0 nothing is required. The
   * value is the share of the requirement met (1 meets it); a windowed share may fall to the
   * demotion fraction of the requirement, as counts do.
   */
  CONTRIBUTION_SHARE
}
