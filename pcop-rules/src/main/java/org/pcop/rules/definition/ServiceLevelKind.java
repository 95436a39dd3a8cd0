package org.pcop.rules.definition;

/**
 * The obligations a {@link ServiceLevelRule} times. Each says when its clock starts (the day of
 * that instant, in the community's time zone, counts as day 0), what stops it, and who owes the
 * action (the members a warning is for).
 */
public enum ServiceLevelKind {
  /**
   * A first response to a request for information, from its posting; stopped by the first
   * response. Owed by the community's subject-matter experts (not the asker).
   */
  RFI_FIRST_RESPONSE,
  /**
   * Approval of an exchange by both parties, from its request; stopped by the second approval.
   * Owed by whoever has not approved yet: the program advisors, the host site's leads.
   */
  EXCHANGE_APPROVAL,
  /**
   * The follow-up report of an exchange, from the day it was held; stopped by the report. Owed by
   * the member who requested the exchange.
   */
  FOLLOW_UP_REPORT,
  /**
   * Acceptance of an answer to a request for information, from its first response (a request
   * without a response owes no acceptance yet); stopped when the asker accepts an answer. A
   * request closed without an accepted answer owes nothing more: in time if closed before the due
   * time, otherwise a breach that is no longer outstanding. Owed by the asker.
   */
  RFI_ACCEPTANCE,
  /**
   * Closure of a request for information, from its posting; stopped when it is resolved (an
   * answer accepted) or closed without one, whichever comes first. Owed by the asker.
   */
  RFI_CLOSURE
}
