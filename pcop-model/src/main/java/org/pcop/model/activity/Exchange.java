package org.pcop.model.activity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.pcop.model.AgencyId;
import org.pcop.model.CaseReference;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.SiteId;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/**
 * A peer-to-peer exchange or site visit: a host office receives one or more visiting offices for a
 * purpose, in person or virtually. Its lifecycle is recorded in the value: the approvals of the
 * program advisor and the host site lead, the schedule, the day it was held, the follow-up report,
 * or why it was declined or cancelled. Every state carries what that state implies (an approved
 * exchange has both approvals, a documented one its report) and nothing it cannot have.
 */
@Value.Immutable
public interface Exchange {
  /**
   * The exchange's identifier.
   *
   * @return the id
   */
  ExchangeId getId();

  /**
   * The community it belongs to.
   *
   * @return the community
   */
  CommunityId getCommunity();

  /**
   * The office that hosts.
   *
   * @return the host agency
   */
  AgencyId getHostAgency();

  /**
   * The site the host office belongs to.
   *
   * @return the host site
   */
  SiteId getHostSite();

  /**
   * The visiting offices; at least one, never the host.
   *
   * @return the visiting agencies
   */
  Set<AgencyId> getVisitingAgencies();

  /**
   * Why the offices meet. Plain text, never case facts.
   *
   * @return the purpose
   */
  @HasText
  @Size(max = Limits.LONG_TEXT_MAX)
  @PlainText(multiline = true)
  String getPurpose();

  /**
   * The core areas it serves.
   *
   * @return the core areas
   */
  Set<CoreAreaId> getCoreAreas();

  /**
   * In person or virtual.
   *
   * @return the mode
   */
  ExchangeMode getMode();

  /**
   * Who requested it.
   *
   * @return the requester
   */
  MemberId getRequestedBy();

  /**
   * When it was requested.
   *
   * @return the instant
   */
  Instant getRequestedAt();

  /**
   * The travel funding requested, in US dollars, if any; never negative.
   *
   * @return the amount
   */
  Optional<BigDecimal> getTravelFunding();

  /**
   * Cases in the host system the exchange refers to, by opaque reference only.
   *
   * @return the case references
   */
  List<@Valid CaseReference> getCaseReferences();

  /**
   * Where the exchange stands.
   *
   * @return the state
   */
  @Value.Default
  default ExchangeState getState() {
    return ExchangeState.REQUESTED;
  }

  /**
   * The approvals given so far, at most one per role.
   *
   * @return the approvals
   */
  List<Approval> getApprovals();

  /**
   * The days it is scheduled for, once scheduled; a cancelled exchange keeps the schedule it had,
   * if any.
   *
   * @return the schedule
   */
  Optional<Schedule> getSchedule();

  /**
   * The day it was held, once held.
   *
   * @return the day
   */
  Optional<LocalDate> getHeldOn();

  /**
   * The follow-up report, once documented.
   *
   * @return the report
   */
  Optional<@Valid FollowUpReport> getReport();

  /**
   * Why it was declined or cancelled.
   *
   * @return the reason
   */
  Optional<@HasText @Size(max = Limits.SHORT_TEXT_MAX) @PlainText String> getClosingReason();

  /**
   * The approval given in {@code role}, if any.
   *
   * @param role the role
   * @return the approval
   */
  default Optional<Approval> approval(ApproverRole role) {
    return getApprovals().stream().filter(a -> a.getRole() == role).findFirst();
  }

  /**
   * Whether both parties have approved.
   *
   * @return true when the program advisor and the host site lead have approved
   */
  default boolean isFullyApproved() {
    return approval(ApproverRole.PROGRAM_ADVISOR).isPresent()
        && approval(ApproverRole.HOST_SITE_LEAD).isPresent();
  }

  /** Refuses what no exchange can be; see the type's description. */
  @Value.Check
  default void check() {
    String type = "Exchange";
    InvalidValueException.check(!getVisitingAgencies().isEmpty(), type, "visitingAgencies",
        "an exchange has at least one visiting agency");
    InvalidValueException.check(!getVisitingAgencies().contains(getHostAgency()), type,
        "visitingAgencies", "the host agency %s cannot also be a visitor", getHostAgency());
    getTravelFunding().ifPresent(amount -> InvalidValueException.check(amount.signum() >= 0,
        type, "travelFunding", "must not be negative, got %s", amount.toPlainString()));
    Set<ApproverRole> roles = EnumSet.noneOf(ApproverRole.class);
    for (int i = 0; i < getApprovals().size(); i++) {
      Approval approval = getApprovals().get(i);
      InvalidValueException.check(roles.add(approval.getRole()), type, "approvals[" + i + "]",
          "a second approval as %s", approval.getRole());
      InvalidValueException.check(!approval.getAt().isBefore(getRequestedAt()), type,
          "approvals[" + i + "].at", "%s is before the request at %s", approval.getAt(),
          getRequestedAt());
      for (int j = 0; j < i; j++) {
        InvalidValueException.check(!getApprovals().get(j).getBy().equals(approval.getBy()), type,
            "approvals[" + i + "].by", "member %s already approved as %s; two-party approval"
                + " needs two people", approval.getBy(), getApprovals().get(j).getRole());
      }
    }
    ExchangeState state = getState();
    InvalidValueException.check(!state.isApproved() || isFullyApproved(), type, "approvals",
        "an exchange in state %s needs the approvals of both the program advisor and the host"
            + " site lead", state);
    boolean scheduled = state == ExchangeState.SCHEDULED || state == ExchangeState.HELD
        || state == ExchangeState.DOCUMENTED;
    InvalidValueException.check(!scheduled || getSchedule().isPresent(), type, "schedule",
        "an exchange in state %s needs a schedule", state);
    InvalidValueException.check(scheduled || state == ExchangeState.CANCELLED
            || getSchedule().isEmpty(), type, "schedule",
        "an exchange in state %s has not been scheduled", state);
    boolean held = state == ExchangeState.HELD || state == ExchangeState.DOCUMENTED;
    InvalidValueException.check(held == getHeldOn().isPresent(), type, "heldOn",
        held ? "an exchange in state %s needs the day it was held"
            : "an exchange in state %s has not been held", state);
    InvalidValueException.check((state == ExchangeState.DOCUMENTED) == getReport().isPresent(),
        type, "report", state == ExchangeState.DOCUMENTED
            ? "a documented exchange needs its follow-up report"
            : "an exchange in state %s has no follow-up report yet", state);
    boolean closed = state == ExchangeState.DECLINED || state == ExchangeState.CANCELLED;
    InvalidValueException.check(closed || getClosingReason().isEmpty(), type, "closingReason",
        "only a declined or cancelled exchange has a closing reason, not one in state %s", state);
    getReport().ifPresent(report -> InvalidValueException.check(
        !report.getSubmittedAt().isBefore(getRequestedAt()), type, "report.submittedAt",
        "%s is before the request at %s", report.getSubmittedAt(), getRequestedAt()));
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableExchange.Builder builder() {
    return ImmutableExchange.builder();
  }
}
