package org.pcop.rules;

import java.time.Instant;
import java.util.Set;
import org.immutables.value.Value;
import org.pcop.model.MemberId;
import org.pcop.rules.definition.RuleId;

/**
 * A service level is due soon and not yet met: the warning its rule asks for so many business
 * days ahead (see {@link org.pcop.rules.definition.ServiceLevelRule#getWarnBusinessDays()}). It
 * holds from {@link #getWarnFrom()} through {@link #getDueAt()}; after that a
 * {@link ServiceLevelBreach} takes its place, so a result never holds both. A warning is the same
 * warning (one notification) for as long as its rule, subject and due instant stay the same.
 */
@Value.Immutable
public interface ServiceLevelWarning extends Finding {
  /**
   * The service-level rule that warns.
   *
   * @return the rule
   */
  RuleId getRule();

  /**
   * The request for information or exchange.
   *
   * @return the subject
   */
  Subject getSubject();

  /**
   * What is due, for example {@code acceptance of an answer}.
   *
   * @return the obligation
   */
  String getObligation();

  /**
   * When it is due: the end of the last allowed day.
   *
   * @return the due instant
   */
  Instant getDueAt();

  /**
   * When the warning began: the start of the warning's first business day.
   *
   * @return the start of the warning
   */
  Instant getWarnFrom();

  /**
   * Who owes the action, as the obligation says (see
   * {@link org.pcop.rules.definition.ServiceLevelKind}), in id order; may be empty when nobody
   * holds the role.
   *
   * @return the members
   */
  Set<MemberId> getOwedBy();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableServiceLevelWarning.Builder builder() {
    return ImmutableServiceLevelWarning.builder();
  }
}
