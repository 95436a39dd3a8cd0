package org.pcop.rules;

import java.time.Instant;
import java.util.Set;
import org.immutables.value.Value;
import org.pcop.model.MemberId;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.ServiceLevelKind;
import org.pcop.rules.internal.ServiceLevelDebtors;

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
   * What is timed, which also says who owes it.
   *
   * @return the kind of obligation
   */
  ServiceLevelKind getObligationKind();

  /**
   * Who owes the action, as the obligation says (see {@link ServiceLevelKind}), as the record
   * stands: the asker, the requester, the approvers still to approve, or the active
   * subject-matter experts. It is read from the record when asked, not kept in the warning, so
   * that a change of roles does not change the evaluation.
   *
   * @param record the record the warning was evaluated over, or a later one
   * @return the members, in id order; empty when nobody holds the role or the subject is gone
   */
  default Set<MemberId> owedBy(EngagementRecord record) {
    return ServiceLevelDebtors.of(getObligationKind(), getSubject(), record);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableServiceLevelWarning.Builder builder() {
    return ImmutableServiceLevelWarning.builder();
  }
}
