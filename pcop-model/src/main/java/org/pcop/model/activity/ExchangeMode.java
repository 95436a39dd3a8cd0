package org.pcop.model.activity;

/** How an exchange takes place. */
public enum ExchangeMode {
  /** Visitors travel to the host. */
  IN_PERSON,
  /** Online (since 2020). */
  VIRTUAL
}
