package org.pcop.rules.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Locale;
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
import org.pcop.rules.ServiceLevelWarning;
import org.pcop.rules.Subject;
import org.pcop.rules.SubjectKind;
import org.pcop.rules.calendar.BusinessCalendar;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.ServiceLevelRule;
import org.pcop.rules.spi.RuleKind;

/**
 * Times first responses, approvals, follow-up reports, acceptances and closures against their due
 * instants, and warns ahead of a due instant when the rule asks.
 */
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
      case RFI_CLOSURE:
        context.record().rfis(rule.getCommunity()).forEach(r -> subjects.add(Subject.rfi(
            r.getId())));
        break;
      case RFI_ACCEPTANCE:
        context.record().rfis(rule.getCommunity()).stream()
            .filter(r -> !r.getResponses().isEmpty())
            .forEach(r -> subjects.add(Subject.rfi(r.getId())));
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
      case RFI_FIRST_RESPONSE:
      case RFI_ACCEPTANCE:
      case RFI_CLOSURE:
        return request(rule, subject, context)
            .flatMap(rfi -> judgeRequest(rule, subject, context, zone, rfi));
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
          ExchangeState state = exchange.getState();
          return Optional.of(Results.quiet(rule, subject).pass(null).build(
              () -> new Results(rule, subject).fact("state", state)
                  .pass("closed (" + state.name().toLowerCase(Locale.ROOT)
                      + ") without approval; nothing is due")));
        }
        return Optional.of(judge(rule, subject, context, zone, "approval by both parties",
            exchange.getRequestedAt(), met, Optional.empty(), "requested"));
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
            exchange.getReport().map(FollowUpReport::getSubmittedAt), Optional.empty(), "held"));
      }
    }
  }

  private static Optional<RequestForInformation> request(ServiceLevelRule rule, Subject subject,
      EvaluationContext context) {
    if (subject.kind() != SubjectKind.RFI) {
      return Optional.empty();
    }
    return context.record().rfi(RfiId.of(subject.id()))
        .filter(r -> r.getCommunity().equals(rule.getCommunity()));
  }

  private static Optional<RuleResult> judgeRequest(ServiceLevelRule rule, Subject subject,
      EvaluationContext context, ZoneId zone, RequestForInformation rfi) {
    boolean expired = rfi.getState() == RfiState.EXPIRED;
    switch (rule.getObligation()) {
      case RFI_FIRST_RESPONSE:
        // An expired request's lateness runs to the evaluation instant, as it always has.
        return Optional.of(judge(rule, subject, context, zone, "first response",
            rfi.getPostedAt(), rfi.firstResponseAt(), expired ? Optional.of(context.asOf())
                : Optional.empty(), "posted"));
      case RFI_ACCEPTANCE: {
        if (rfi.getResponses().isEmpty()) {
          return Optional.empty();
        }
        Optional<Instant> met = rfi.getState() == RfiState.RESOLVED
            ? Optional.of(rfi.getClosedAt().orElse(Instant.MIN)) : Optional.empty();
        return Optional.of(judge(rule, subject, context, zone, "acceptance of an answer",
            rfi.firstResponseAt().get(), met, closedUnmet(rfi, context), "first answered"));
      }
      default: {
        Optional<Instant> met = rfi.getState() == RfiState.RESOLVED || expired
            ? Optional.of(rfi.getClosedAt().orElse(Instant.MIN)) : Optional.empty();
        return Optional.of(judge(rule, subject, context, zone, "closure", rfi.getPostedAt(),
            met, Optional.empty(), "posted"));
      }
    }
  }

  /** When an expired request stopped owing an acceptance (the evaluation instant if unknown). */
  private static Optional<Instant> closedUnmet(RequestForInformation rfi,
      EvaluationContext context) {
    if (rfi.getState() != RfiState.EXPIRED) {
      return Optional.empty();
    }
    return Optional.of(rfi.getClosedAt().orElse(context.asOf()));
  }

  private static Optional<Exchange> exchange(ServiceLevelRule rule, Subject subject,
      EvaluationContext context) {
    if (subject.kind() != SubjectKind.EXCHANGE) {
      return Optional.empty();
    }
    return context.record().exchange(ExchangeId.of(subject.id()))
        .filter(e -> e.getCommunity().equals(rule.getCommunity()));
  }

  /**
   * Judges one obligation. {@code met} is when it was met ({@link Instant#MIN} when met at an
   * instant not recorded, which counts as in time); {@code stopped} is when it stopped being owed
   * unmet (the request closed), which ends the lateness of a breach that is then no longer
   * outstanding, and ends any warning. Decided in a quiet pass; the explanation is written by the
   * same code on first read, from the same values (an evaluation at national scale holds a result
   * per request and obligation, and reads few explanations).
   */
  private static RuleResult judge(ServiceLevelRule rule, Subject subject,
      EvaluationContext context, ZoneId zone, String obligation, Instant from,
      Optional<Instant> met, Optional<Instant> stopped, String fromVerb) {
    Instant asOf = context.asOf();
    BusinessCalendar calendar = context.calendar();
    return judge(Results.quiet(rule, subject), rule, subject, asOf, calendar, zone, obligation,
        from, met, stopped, fromVerb).build(() -> judge(new Results(rule, subject), rule, subject,
            asOf, calendar, zone, obligation, from, met, stopped, fromVerb));
  }

  private static Results judge(Results results, ServiceLevelRule rule, Subject subject,
      Instant asOf, BusinessCalendar calendar, ZoneId zone, String obligation, Instant from,
      Optional<Instant> met, Optional<Instant> stopped, String fromVerb) {
    LocalDate fromDay = LocalDate.ofInstant(from, zone);
    LocalDate lastDay = rule.isBusinessDays()
        ? calendar.plusBusinessDays(fromDay, rule.getDays())
        : fromDay.plusDays(rule.getDays());
    Instant due = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    String unit = rule.isBusinessDays() ? " business days" : " days";
    results.fact(fromVerb, from)
        .fact(obligation, met.map(m -> m.equals(Instant.MIN) ? "yes, when not recorded"
            : m.toString()).orElse("none yet"))
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
        results.pass(obligation + (met.get().equals(Instant.MIN) ? " done, at an instant not"
            + " recorded" : " at " + met.get()) + ", in time");
      }
    } else if (stopped.isPresent()) {
      Instant end = stopped.get();
      if (end.isAfter(due)) {
        Duration late = Duration.between(due, end);
        results.fail("no " + obligation + " before the request was closed; overdue by " + late
            + " at " + end)
            .finding(ServiceLevelBreach.builder().subject(subject).obligation(obligation)
                .dueAt(due).lateness(late).outstanding(false).build());
      } else {
        results.pass("closed without " + obligation + " before it was due; nothing is due");
      }
    } else if (asOf.isAfter(due)) {
      Duration late = Duration.between(due, asOf);
      results.fail("no " + obligation + "; overdue by " + late + " at " + asOf)
          .finding(ServiceLevelBreach.builder().subject(subject).obligation(obligation)
              .dueAt(due).lateness(late).outstanding(true).build());
    } else {
      Optional<Instant> warnFrom = rule.getWarnBusinessDays()
          .map(n -> warnDay(calendar, lastDay, n).atStartOfDay(zone).toInstant());
      if (warnFrom.isPresent() && !asOf.isBefore(warnFrom.get())) {
        results.fact("warned from", warnFrom.get())
            .pass("no " + obligation + " yet; due soon, at " + due + " (warned "
                + rule.getWarnBusinessDays().get() + " business days ahead, from "
                + warnFrom.get() + ")")
            .finding(ServiceLevelWarning.builder().rule(rule.getId()).subject(subject)
                .obligationKind(rule.getObligation()).obligation(obligation).dueAt(due)
                .warnFrom(warnFrom.get()).build());
      } else {
        results.pass("no " + obligation + " yet; not due until " + due);
      }
    }
    return results;
  }

  /**
   * The first day of a warning {@code n} business days ahead: the {@code n}-th business day
   * counted back from the last allowed day, that day included when it is a business day.
   */
  static LocalDate warnDay(EvaluationContext context, LocalDate lastDay, int n) {
    return warnDay(context.calendar(), lastDay, n);
  }

  private static LocalDate warnDay(BusinessCalendar calendar, LocalDate lastDay, int n) {
    LocalDate day = lastDay;
    int counted = calendar.isBusinessDay(day) ? 1 : 0;
    // A calendar without business days for ten years ahead of the count is not a calendar.
    LocalDate floor = lastDay.minusYears(10L * n);
    while (counted < n && day.isAfter(floor)) {
      day = day.minusDays(1);
      if (calendar.isBusinessDay(day)) {
        counted++;
      }
    }
    return day;
  }

  private static final Optional<SortedSet<Subject>> NOTHING =
      Optional.of(Collections.emptySortedSet());

  @Override
  public Optional<SortedSet<Subject>> affected(Rule generic, RecordChange change,
      EvaluationContext context) {
    ServiceLevelRule rule = (ServiceLevelRule) generic;
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
