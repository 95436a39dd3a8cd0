package org.pcop.tck;

import java.util.concurrent.Callable;
import org.opentest4j.AssertionFailedError;

/** How the kits word a broken guarantee: the adapter under test, the rule id, what broke. */
final class Verdicts {
  private Verdicts() {}

  /**
   * The failure message for a rule.
   *
   * @param adapter the display name of the adapter under test
   * @param rule the rule id and its guarantee, for example {@code R121 (idempotent retry)}
   * @param detail what was wrong
   */
  static String broke(String adapter, String rule, String detail) {
    return "[" + adapter + "] broke " + rule + ": " + detail;
  }

  /**
   * The failure message for a rule the kit cannot check because the adapter left out what the
   * check needs, without declaring that it does not offer the guarantee.
   *
   * @param adapter the display name of the adapter under test
   * @param rule the rule id and its guarantee
   * @param detail what is missing and what to do
   */
  static String unchecked(String adapter, String rule, String detail) {
    return "[" + adapter + "] left " + rule + " unchecked: " + detail;
  }

  /**
   * Runs a call on the adapter, turning an unexpected exception into a failure that names the
   * adapter and the rule.
   */
  static <T> T call(String adapter, String rule, String what, Callable<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      throw new AssertionFailedError(broke(adapter, rule, what + " threw " + e), e);
    }
  }
}
