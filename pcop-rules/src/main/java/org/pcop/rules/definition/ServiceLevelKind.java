package org.pcop.rules.definition;

/** The obligations a {@link ServiceLevelRule} times. */
public enum ServiceLevelKind {
  /** A first response to a request for information, from its posting. */
  RFI_FIRST_RESPONSE,
  /** Approval of an exchange by both parties, from its request. */
  EXCHANGE_APPROVAL,
  /** The follow-up report of an exchange, from the day it was held. */
  FOLLOW_UP_REPORT
}
