package org.pcop.rules.definition;

/**
 * A kind of contribution a member makes, read from its own events (never copied into
 * participations): requests for information posted and answered, and answers accepted, from the
 * request's events; exchanges hosted and visited, from the event that records an exchange held;
 * presentations given, from the participation of kind {@code PRESENTED} that records one.
 *
 * <p>An exchange is between offices, so an exchange held counts for every member whose agency
 * hosted or visited it and who holds an active membership of the exchange's community when the
 * exchange is recorded as held, on the day it was held. Its counterparties are agencies and
 * sites rather than members: the visiting agencies for a host, the host site for a visitor.
 *
 * <p>A presentation is given in an activity, on the day its participation is recorded; its
 * counterparties are the host sites of the activities presented in (an online activity without
 * a host site adds none). Presentations and exchanges happen in activities, which activity-kind
 * and series filters narrow (an exchange through the activities recorded as carrying it out); a
 * request for information has no activity.
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
  REQUEST_POSTED,
  /** An exchange held that the member's agency hosted; counterparties: the visiting agencies. */
  EXCHANGE_HOSTED,
  /** An exchange held that the member's agency visited; counterparties: the host sites. */
  EXCHANGE_VISITED,
  /**
   * A presentation given in an activity (a participation of kind {@code PRESENTED}); each counts;
   * counterparties: the activities' host sites.
   */
  PRESENTATION_GIVEN;

  /**
   * Whether the contribution is an exchange held, rather than a request's contribution.
   *
   * @return true for exchanges hosted and visited
   */
  public boolean isExchange() {
    return this == EXCHANGE_HOSTED || this == EXCHANGE_VISITED;
  }

  /**
   * Whether the contribution is a presentation given in an activity.
   *
   * @return true for presentations given
   */
  public boolean isPresentation() {
    return this == PRESENTATION_GIVEN;
  }

  /**
   * Whether the contribution happens in activities, so that activity-kind and series filters
   * can narrow it: presentations, and exchanges (through the activities that carry them out).
   * A request's contributions have no activity.
   *
   * @return true for presentations and exchanges
   */
  public boolean hasActivity() {
    return isPresentation() || isExchange();
  }

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
      case EXCHANGE_HOSTED:
        return "exchanges hosted";
      case EXCHANGE_VISITED:
        return "exchanges visited";
      case PRESENTATION_GIVEN:
        return "presentations given";
      default:
        return "requests posted";
    }
  }

  /**
   * Who the other party of the contribution is, for explanations: {@code askers}, or for
   * exchanges {@code visiting agencies} and {@code host sites}, for presentations {@code host
   * sites}. A request posted has none.
   *
   * @return the words
   */
  public String counterparties() {
    switch (this) {
      case ACCEPTED_ANSWER_GIVEN:
        return "answerers";
      case EXCHANGE_HOSTED:
        return "visiting agencies";
      case EXCHANGE_VISITED:
      case PRESENTATION_GIVEN:
        return "host sites";
      default:
        return "askers";
    }
  }

  /**
   * What a contribution share of this kind is a share of, in words: the community's
   * {@code requests posted}, {@code exchanges held} or {@code activities held}.
   *
   * @return the words
   */
  public String opportunities() {
    return isExchange() ? "exchanges held" : isPresentation() ? "activities held"
        : "requests posted";
  }
}
