package org.pcop.spi;

/** How a command ended, as the audit trail records it. */
public enum AuditOutcome {
  /** Allowed, valid and committed. */
  COMMITTED,
  /** Refused by the access policy or identity mapping. */
  DENIED,
  /** Allowed but refused as invalid, against a rule, or in conflict with another writer. */
  REJECTED,
  /** Allowed but failed (the store failed); it may be retried. */
  FAILED
}
