package org.pcop.tck;

import org.opentest4j.TestAbortedException;

/**
 * Ends a rule whose guarantee the adapter declared, in its test class, that it does not offer. The
 * rule shows as skipped with this message in the adapter's test report, and the kit's summary
 * lists it as declared unsupported; it is never counted as checked.
 */
final class DeclaredLimitation extends TestAbortedException {
  private static final long serialVersionUID = 1L;

  private final String rule;
  private final String reason;

  DeclaredLimitation(String adapter, String rule, String reason) {
    super("[" + adapter + "] declares that it does not offer " + rule + ": " + reason);
    this.rule = rule;
    this.reason = reason;
  }

  /** The rule id and its guarantee, for example {@code R161 (durability)}. */
  String rule() {
    return rule;
  }

  /** Why the adapter does not offer it, in the adapter's words. */
  String reason() {
    return reason;
  }
}
