package org.pcop.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pcop.engine.CommandRefusedException.Reason;
import org.pcop.model.Community;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.RfiId;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiState;
import org.pcop.model.activity.Schedule;
import org.pcop.model.validation.ModelValidator;
import org.pcop.model.validation.Violation;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.EligibilityRule;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.rules.definition.RuleSet;

/**
 * The checks command handlers share: validation of what a user typed, and conditions on the
 * current state (an enrolled member, an exchange in a given state, an open request, an approver's
 * role, the exchange policy). Each failure is a {@link CommandRefusedException} listing every
 * problem found.
 */
final class Checks {
  private final Community community;
  private final RuleSet rules;
  private final Projection projection;
  // Thread-safe and costly to build (a validator factory), so one serves every command; it holds
  // only caches, so it needs no closing.
  private final ModelValidator validator;

  Checks(Community community, RuleSet rules, Projection projection, ModelValidator validator) {
    this.community = community;
    this.rules = rules;
    this.projection = projection;
    this.validator = validator;
  }

  ModelValidator validator() {
    return validator;
  }

  void validate(Object value) {
    List<Violation> violations = validator.validate(value);
    if (!violations.isEmpty()) {
      throw new CommandRefusedException(Reason.INVALID, "validation",
          violations.stream().map(Violation::toString).collect(Collectors.toList()), null);
    }
  }

  static void refuseIf(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new CommandRefusedException(Reason.RULE, "check", problems, null);
    }
  }

  void sameCommunity(CommunityId given, String where, List<String> problems) {
    if (!given.equals(community.getId())) {
      problems.add(where + ": must be " + community.getId() + "; got " + given);
    }
  }

  void requireActiveMember(MemberId member, List<String> problems) {
    if (projection.record().member(member).isEmpty()) {
      problems.add("member " + member + " is not enrolled");
    } else if (projection.record().isDeactivated(member)) {
      problems.add("member " + member + " is deactivated");
    }
  }

  Exchange requireExchange(ExchangeId id, ExchangeState state) {
    Exchange exchange = projection.record().exchange(id).orElseThrow(() ->
        new CommandRefusedException(Reason.RULE, "check",
            List.of("exchange " + id + " is not requested"), null));
    if (state != null && exchange.getState() != state) {
      throw new CommandRefusedException(Reason.RULE, "check", List.of("exchange " + id
          + " is " + exchange.getState() + ", not " + state), null);
    }
    return exchange;
  }

  RequestForInformation requireOpenRfi(RfiId id) {
    RequestForInformation rfi = projection.record().rfi(id).orElseThrow(() ->
        new CommandRefusedException(Reason.RULE, "check",
            List.of("request " + id + " is not posted"), null));
    if (rfi.getState() != RfiState.OPEN && rfi.getState() != RfiState.ANSWERED) {
      throw new CommandRefusedException(Reason.RULE, "check",
          List.of("request " + id + " is " + rfi.getState()), null);
    }
    return rfi;
  }

  void requireApprover(MemberId actor, Exchange exchange, ApproverRole role,
      List<String> problems) {
    Optional<Membership> membership = projection.record().membership(actor, community.getId())
        .filter(m -> m.getStatus() == MembershipStatus.ACTIVE);
    if (role == ApproverRole.PROGRAM_ADVISOR) {
      if (membership.map(m -> m.getRole() != MembershipRole.PROGRAM_ADVISOR).orElse(true)) {
        problems.add("member " + actor + " is not an active program advisor of "
            + community.getId());
      }
    } else if (membership.map(m -> m.getRole() != MembershipRole.SITE_LEAD).orElse(true)
        || !projection.record().siteOf(actor).equals(Optional.of(exchange.getHostSite()))) {
      problems.add("member " + actor + " is not an active site lead of the host site "
          + exchange.getHostSite());
    }
  }

  /**
   * A requester suspended on the day of {@code now}, which the community's exchange policy
   * refuses for an exchange still pending (requested, approved or scheduled), as the rules'
   * exchange-policy results do.
   */
  List<String> suspendedRequesterProblems(Exchange exchange, java.time.Instant now) {
    LocalDate today = LocalDate.ofInstant(now, community.getTimeZone());
    Optional<org.pcop.model.Membership> membership = projection.record()
        .membership(exchange.getRequestedBy(), community.getId())
        .filter(m -> m.isSuspendedOn(today));
    List<String> problems = new ArrayList<>();
    if (membership.isEmpty()) {
      return problems;
    }
    String until = membership.get().getHistory().get(membership.get().getHistory().size() - 1)
        .getUntil().map(d -> " through " + d).orElse("");
    rules.getRules().stream().filter(ExchangePolicyRule.class::isInstance)
        .filter(r -> r.getCommunity().equals(community.getId()))
        .forEach(r -> problems.add("exchange policy " + r.getId() + ": the requester "
            + exchange.getRequestedBy() + " is suspended" + until));
    return problems;
  }

  /**
   * The exchange policy's host capacity and travel funding cap, checked for a candidate exchange
   * (new, or with a new schedule) against the exchanges its host site already holds.
   */
  List<String> exchangePolicyProblems(Exchange candidate,
      Optional<LocalDate> scheduledStart) {
    List<String> problems = new ArrayList<>();
    java.time.ZoneId zone = community.getTimeZone();
    List<Exchange> others = projection.record()
        .exchangesHostedBy(community.getId(), candidate.getHostSite())
        .stream().filter(x -> !x.getId().equals(candidate.getId()))
        .filter(x -> x.getState() != ExchangeState.DECLINED
            && x.getState() != ExchangeState.CANCELLED)
        .collect(Collectors.toList());
    for (ExchangePolicyRule rule : rules.getRules().stream()
        .filter(ExchangePolicyRule.class::isInstance).map(ExchangePolicyRule.class::cast)
        .filter(r -> r.getCommunity().equals(community.getId())).collect(Collectors.toList())) {
      rule.getHostCapacity().ifPresent(capacity -> {
        LocalDate period = rule.getCapacityPeriod()
            .start(scheduledStart.orElse(firstDay(candidate, zone)));
        long hosted = others.stream().filter(x -> rule.getCapacityPeriod()
            .start(firstDay(x, zone)).equals(period)).count();
        if (hosted >= capacity) {
          problems.add("exchange policy " + rule.getId() + ": host site "
              + candidate.getHostSite() + " already hosts " + hosted + " exchanges in the "
              + rule.getCapacityPeriod().name().toLowerCase(java.util.Locale.ROOT) + " from "
              + period + " (capacity " + capacity + ")");
        }
      });
      if (rule.getTravelFundingCap().isPresent() && candidate.getTravelFunding().isPresent()) {
        int year = CalendarPeriod.fiscalYear(LocalDate.ofInstant(candidate.getRequestedAt(),
            zone));
        java.math.BigDecimal total = candidate.getTravelFunding().get();
        for (Exchange x : others) {
          if (CalendarPeriod.fiscalYear(LocalDate.ofInstant(x.getRequestedAt(), zone)) == year) {
            total = total.add(x.getTravelFunding().orElse(java.math.BigDecimal.ZERO));
          }
        }
        if (total.compareTo(rule.getTravelFundingCap().get()) > 0) {
          problems.add("exchange policy " + rule.getId() + ": travel funding for site "
              + candidate.getHostSite() + " would reach " + total.toPlainString()
              + " USD in fiscal year " + year + ", above the cap of "
              + rule.getTravelFundingCap().get().toPlainString());
        }
      }
    }
    return problems;
  }

  private static LocalDate firstDay(Exchange exchange, java.time.ZoneId zone) {
    return exchange.getSchedule().map(Schedule::getFirstDay)
        .orElse(LocalDate.ofInstant(exchange.getRequestedAt(), zone));
  }

  List<EligibilityRule> eligibilityRules() {
    return rules.getRules().stream().filter(EligibilityRule.class::isInstance)
        .map(EligibilityRule.class::cast)
        .filter(r -> r.getCommunity().equals(community.getId()))
        .collect(Collectors.toList());
  }
}
