package org.pcop.rules.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.pcop.model.ExchangeId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.Approval;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.FollowUpReport;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiState;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.RecordChange;
import org.pcop.rules.RuleResult;
import org.pcop.rules.ServiceLevelBreach;
import org.pcop.rules.Subject;
import org.pcop.rules.SubjectKind;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.ServiceLevelRule;
import org.pcop.rules.spi.RuleKind;

/** Times first responses, approvals and follow-up reports against their due instants. */
final class ServiceLevelKind implements RuleKind {
  @Override
  public String kind() {
    return ServiceLevelRule.KIND;
  }

  @Override
  public SortedSet<Subject> subjects(Rule generic, EvaluationContext context) {
    ServiceLevelRule rule = (ServiceLevelRule) generic;
    SortedSet<Subject> subjects = new TreeSet<>();
    switch (rule.getObligation()) {
      case RFI_FIRST_RESPONSE:
        context.record().rfis(rule.getCommunity()).forEach(r -> subjects.add(Subject.rfi(
            r.getId())));
        break;
      case EXCHANGE_APPROVAL:
        context.record().exchanges(rule.getCommunity()).forEach(e -> subjects.add(
            Subject.exchange(e.getId())));
        break;
      default:
        context.record().exchanges(rule.getCommunity()).stream()
            .filter(e -> e.getHeldOn().isPresent())
            .forEach(e -> subjects.add(Subject.exchange(e.getId())));
        break;
    }
    return subjects;
  }

  @Override
  public Optional<RuleResult> evaluate(Rule generic, Subject subject,
      EvaluationContext context) {
    ServiceLevelRule rule = (ServiceLevelRule) generic;
    ZoneId zone = context.zone(rule.getCommunity()).orElseThrow();
    switch (rule.getObligation()) {
      case RFI_FIRST_RESPONSE: {
        if (subject.kind() != SubjectKind.RFI) {
          return Optional.empty();
        }
        Optional<RequestForInformation> found = context.record().rfi(RfiId.of(subject.id()))
            .filter(r -> r.getCommunity().equals(rule.getCommunity()));
        if (found.isEmpty()) {
          return Optional.empty();
        }
        RequestForInformation rfi = found.get();
        return Optional.of(judge(rule, subject, context, zone, "first response",
            rfi.getPostedAt(), rfi.firstResponseAt(), rfi.getState() == RfiState.EXPIRED,
            "posted"));
      }
      case EXCHANGE_APPROVAL: {
        Optional<Exchange> found = exchange(rule, subject, context);
        if (found.isEmpty()) {
          return Optional.empty();
        }
        Exchange exchange = found.get();
        Optional<Instant> met = exchange.isFullyApproved()
            ? exchange.getApprovals().stream().map(Approval::getAt).max(Instant::compareTo)
            : Optional.empty();
        boolean closed = exchange.getState() == ExchangeState.DECLINED
            || exchange.getState() == ExchangeState.CANCELLED;
        if (met.isEmpty() && closed) {
          return Optional.of(new Results(rule, subject)
              .fact("state", exchange.getState())
              .pass("closed (" + exchange.getState().name().toLowerCase(java.util.Locale.ROOT)
                  + ") without approval; nothing is due").build());
        }
        return Optional.of(judge(rule, subject, context, zone, "approval by both parties",
            exchange.getRequestedAt(), met, false, "requested"));
      }
      default: {
        Optional<Exchange> found = exchange(rule, subject, context)
            .filter(e -> e.getHeldOn().isPresent());
        if (found.isEmpty()) {
          return Optional.empty();
        }
        Exchange exchange = found.get();
        Instant held = exchange.getHeldOn().get().atStartOfDay(zone).toInstant();
        return Optional.of(judge(rule, subject, context, zone, "follow-up report", held,
            exchange.getReport().map(FollowUpReport::getSubmittedAt), false, "held"));
      }
    }
  }

  private static Optional<Exchange> exchange(ServiceLevelRule rule, Subject subject,
      EvaluationContext context) {
    if (subject.kind() != SubjectKind.EXCHANGE) {
      return Optional.empty();
    }
    return context.record().exchange(ExchangeId.of(subject.id()))
        .filter(e -> e.getCommunity().equals(rule.getCommunity()));
  }

  private static RuleResult judge(ServiceLevelRule rule, Subject subject,
      EvaluationContext context, ZoneId zone, String obligation, Instant from,
      Optional<Instant> met, boolean closedUnmet, String fromVerb) {
    LocalDate fromDay = LocalDate.ofInstant(from, zone);
    LocalDate lastDay = rule.isBusinessDays()
        ? context.calendar().plusBusinessDays(fromDay, rule.getDays())
        : fromDay.plusDays(rule.getDays());
    Instant due = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    String unit = rule.isBusinessDays() ? " business days" : " days";
    Results results = new Results(rule, subject)
        .fact(fromVerb, from)
        .fact(obligation, met.map(Object::toString).orElse("none yet"))
        .fact("due", due)
        .threshold(obligation + " within " + rule.getDays() + unit + " of the day " + fromVerb
            + " (" + fromDay + "), by the end of " + lastDay)
        .window("from " + fromDay + " to " + lastDay + " (" + zone + ")");
    if (met.isPresent()) {
      if (met.get().isAfter(due)) {
        Duration late = Duration.between(due, met.get());
        results.fail(obligation + " came " + late + " late, at " + met.get())
            .finding(ServiceLevelBreach.builder().subject(subject).obligation(obligation)
                .dueAt(due).lateness(late).outstanding(false).build());
      } else {
        results.pass(obligation + " at " + met.get() + ", in time");
      }
    } else if (context.asOf().isAfter(due)) {
      Duration late = Duration.between(due, context.asOf());
      results.fail("no " + obligation + "; overdue by " + late + " at " + context.asOf())
          .finding(ServiceLevelBreach.builder().subject(subject).obligation(obligation)
              .dueAt(due).lateness(late).outstanding(!closedUnmet).build());
    } else {
      results.pass("no " + obligation + " yet; not due until " + due);
    }
    return results.build();
  }

  private static final Optional<SortedSet<Subject>> NOTHING =
      Optional.of(java.util.Collections.emptySortedSet());

  @Override
  public Optional<SortedSet<Subject>> affected(Rule rule, RecordChange change,
      EvaluationContext context) {
    if (change.everything().contains(rule.getCommunity())) {
      return Optional.empty();
    }
    if (change.rfis().isEmpty() && change.exchanges().isEmpty()) {
      // Most events (participations) touch no request or exchange: nothing to re-evaluate.
      return NOTHING;
    }
    SortedSet<Subject> subjects = new TreeSet<>();
    change.rfis().forEach(r -> subjects.add(Subject.rfi(r)));
    change.exchanges().forEach(e -> subjects.add(Subject.exchange(e)));
    return Optional.of(subjects);
  }
}
