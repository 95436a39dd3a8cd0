package org.pcop.rules.definition;

/**
 * A kind of contribution a member makes, read from its own events (never from participations):
 * requests for information posted and answered, and answers accepted.
 */
public enum ContributionKind {
  /** An answer given to a request for information (each answer counts). */
  ANSWER_GIVEN,
  /** A request for information answered (each request counts once, at its first answer). */
  REQUEST_ANSWERED,
  /** An answer of the member's accepted by the request's asker. */
  ACCEPTED_ANSWER_RECEIVED,
  /** An answer the member, as asker, accepted. */
  ACCEPTED_ANSWER_GIVEN,
  /** A request for information posted. */
  REQUEST_POSTED;

  /**
   * The contribution in words, plural, for explanations: {@code accepted answers received}.
   *
   * @return the words
   */
  public String plural() {
    switch (this) {
      case ANSWER_GIVEN:
        return "answers given";
      case REQUEST_ANSWERED:
        return "requests answered";
      case ACCEPTED_ANSWER_RECEIVED:
        return "accepted answers received";
      case ACCEPTED_ANSWER_GIVEN:
        return "answers accepted";
      default:
        return "requests posted";
    }
  }

  /**
   * Who the other party of the contribution is, for explanations: {@code askers}. A request
   * posted has none.
   *
   * @return the words
   */
  public String counterparties() {
    switch (this) {
      case ACCEPTED_ANSWER_GIVEN:
        return "answerers";
      default:
        return "askers";
    }
  }
}
