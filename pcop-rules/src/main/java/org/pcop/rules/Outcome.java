package org.pcop.rules;

/** How a rule came out for one subject. */
public enum Outcome {
  /** Every condition of the rule holds. */
  PASSED,
  /** At least one condition fails; the explanation says which. */
  FAILED,
  /** The rule could not be decided, for example because data it needs is missing. */
  INDETERMINATE
}
