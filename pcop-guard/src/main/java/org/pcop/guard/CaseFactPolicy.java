package org.pcop.guard;

/**
 * What a community does when the guard finds case facts in text a command would store. The
 * policy is a value here; applying it to commands is the engine's part.
 */
public enum CaseFactPolicy {
  /** The command is refused as invalid, naming the field, the kind and the offsets. */
  REFUSE,
  /** The command is accepted and the text is flagged for a coordinator's review. */
  FLAG,
  /** Text is not scanned. */
  OFF;

  /**
   * Whether text is scanned under this policy.
   *
   * @return true for {@link #REFUSE} and {@link #FLAG}
   */
  public boolean scans() {
    return this != OFF;
  }
}
