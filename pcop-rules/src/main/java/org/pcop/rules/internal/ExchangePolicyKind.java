package org.pcop.rules.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.pcop.model.ExchangeId;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Approval;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.Schedule;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.RecordChange;
import org.pcop.rules.RuleResult;
import org.pcop.rules.Subject;
import org.pcop.rules.SubjectKind;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.spi.RuleKind;

/** Host and visitors, two-party approval, host capacity and the travel funding cap. */
final class ExchangePolicyKind implements RuleKind {
  @Override
  public String kind() {
    return ExchangePolicyRule.KIND;
  }

  @Override
  public SortedSet<Subject> subjects(Rule rule, EvaluationContext context) {
    SortedSet<Subject> subjects = new TreeSet<>();
    context.record().exchanges(rule.getCommunity())
        .forEach(e -> subjects.add(Subject.exchange(e.getId())));
    return subjects;
  }

  /** Whether the exchange is yet to be held: requested, approved or scheduled. */
  private static boolean isPending(Exchange e) {
    return e.getState() == ExchangeState.REQUESTED || e.getState() == ExchangeState.APPROVED
        || e.getState() == ExchangeState.SCHEDULED;
  }

  private static boolean counts(Exchange e) {
    return e.getState() != ExchangeState.DECLINED && e.getState() != ExchangeState.CANCELLED;
  }

  @Override
  public Optional<RuleResult> evaluate(Rule generic, Subject subject,
      EvaluationContext context) {
    ExchangePolicyRule rule = (ExchangePolicyRule) generic;
    if (subject.kind() != SubjectKind.EXCHANGE) {
      return Optional.empty();
    }
    EngagementRecord record = context.record();
    Optional<Exchange> found = record.exchange(ExchangeId.of(subject.id()))
        .filter(e -> e.getCommunity().equals(rule.getCommunity()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Exchange exchange = found.get();
    ZoneId zone = context.zone(rule.getCommunity()).orElseThrow();
    Results results = new Results(rule, subject)
        .fact("host agency", exchange.getHostAgency())
        .fact("host site", exchange.getHostSite())
        .fact("visiting agencies", new TreeSet<>(exchange.getVisitingAgencies()))
        .fact("state", exchange.getState());
    LocalDate today = context.day(rule.getCommunity()).orElseThrow();
    if (isPending(exchange) && record.membership(exchange.getRequestedBy(), rule.getCommunity())
        .map(m -> m.isSuspendedOn(today)).orElse(false)) {
      results.fail("the requester " + exchange.getRequestedBy() + " is suspended on " + today);
    }
    if (exchange.getVisitingAgencies().contains(exchange.getHostAgency())) {
      results.fail("the host agency " + exchange.getHostAgency() + " is also a visitor");
    } else {
      results.pass("host and visitors differ");
    }
    for (Approval approval : exchange.getApprovals()) {
      checkApprover(rule, record, exchange, approval, results);
    }
    if (exchange.getState().isApproved() && !exchange.isFullyApproved()) {
      results.fail("state " + exchange.getState() + " without both approvals");
    }
    if (counts(exchange)) {
      List<Exchange> hosted = record.exchangesHostedBy(rule.getCommunity(),
          exchange.getHostSite());
      rule.getHostCapacity().ifPresent(capacity -> {
        LocalDate period = periodStart(rule.getCapacityPeriod(), exchange, zone);
        int position = 0;
        for (Exchange other : hosted) {
          if (counts(other) && periodStart(rule.getCapacityPeriod(), other, zone)
              .equals(period)) {
            position++;
          }
          if (other.getId().equals(exchange.getId())) {
            break;
          }
        }
        results.fact("exchanges hosted by " + exchange.getHostSite() + " in the "
            + rule.getCapacityPeriod().name().toLowerCase(java.util.Locale.ROOT)
            + " from " + period + ", up to this one", position);
        if (position > capacity) {
          results.fail("host site " + exchange.getHostSite() + " already hosts " + capacity
              + " exchanges in the " + rule.getCapacityPeriod().name()
              .toLowerCase(java.util.Locale.ROOT) + " from " + period + "; this is number "
              + position);
        } else {
          results.pass("host capacity " + position + " of " + capacity);
        }
      });
      if (rule.getTravelFundingCap().isPresent() && exchange.getTravelFunding().isPresent()) {
        BigDecimal cap = rule.getTravelFundingCap().get();
        int year = CalendarPeriod.fiscalYear(LocalDate.ofInstant(exchange.getRequestedAt(),
            zone));
        BigDecimal total = BigDecimal.ZERO;
        for (Exchange other : hosted) {
          if (counts(other) && CalendarPeriod.fiscalYear(LocalDate.ofInstant(
              other.getRequestedAt(), zone)) == year) {
            total = total.add(other.getTravelFunding().orElse(BigDecimal.ZERO));
          }
          if (other.getId().equals(exchange.getId())) {
            break;
          }
        }
        results.fact("travel funding charged to " + exchange.getHostSite() + " in FY" + year
            + ", up to this one", total.toPlainString());
        if (total.compareTo(cap) > 0) {
          results.fail("travel funding for site " + exchange.getHostSite() + " reaches "
              + total.toPlainString() + " USD in fiscal year " + year + " (1 October "
              + (year - 1) + " to 30 September " + year + "), above the cap of "
              + cap.toPlainString());
        } else {
          results.pass("travel funding within the cap");
        }
      }
    }
    StringBuilder threshold = new StringBuilder("approvals by a program advisor and a host site"
        + " lead");
    rule.getHostCapacity().ifPresent(c -> threshold.append("; at most ").append(c)
        .append(" hosted per ").append(rule.getCapacityPeriod().name()
            .toLowerCase(java.util.Locale.ROOT)));
    rule.getTravelFundingCap().ifPresent(c -> threshold.append("; at most ")
        .append(c.toPlainString()).append(" USD travel funding per site per fiscal year"));
    results.threshold(threshold.toString());
    return Optional.of(results.build());
  }

  private static LocalDate periodStart(CalendarPeriod period, Exchange exchange, ZoneId zone) {
    LocalDate day = exchange.getSchedule().map(Schedule::getFirstDay)
        .orElse(LocalDate.ofInstant(exchange.getRequestedAt(), zone));
    return period.start(day);
  }

  private static void checkApprover(ExchangePolicyRule rule, EngagementRecord record,
      Exchange exchange, Approval approval, Results results) {
    MemberId by = approval.getBy();
    Optional<Membership> membership = record.membership(by, rule.getCommunity())
        .filter(m -> m.getStatus() == MembershipStatus.ACTIVE);
    if (approval.getRole() == ApproverRole.PROGRAM_ADVISOR) {
      if (membership.map(m -> m.getRole() == MembershipRole.PROGRAM_ADVISOR).orElse(false)) {
        results.pass("approved by program advisor " + by);
      } else {
        results.fail("approval as program advisor by " + by
            + ", who is not an active program advisor of the community");
      }
      return;
    }
    if (!membership.map(m -> m.getRole() == MembershipRole.SITE_LEAD).orElse(false)) {
      results.fail("approval as host site lead by " + by
          + ", who is not an active site lead of the community");
      return;
    }
    Optional<SiteId> site = record.siteOf(by);
    if (site.isEmpty()) {
      results.undecided("the site of approver " + by + " is unknown (member or agency not"
          + " recorded)");
    } else if (!site.get().equals(exchange.getHostSite())) {
      results.fail("approval as host site lead by " + by + ", a site lead of " + site.get()
          + ", not of the host site " + exchange.getHostSite());
    } else {
      results.pass("approved by host site lead " + by);
    }
  }

  @Override
  public Optional<SortedSet<Subject>> affected(Rule rule, RecordChange change,
      EvaluationContext context) {
    if (change.everything().contains(rule.getCommunity())) {
      return Optional.empty();
    }
    SortedSet<Subject> subjects = new TreeSet<>();
    change.exchanges().forEach(e -> subjects.add(Subject.exchange(e)));
    return Optional.of(subjects);
  }
}
