package org.pcop.rules.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.SiteId;
import org.pcop.rules.DormancyNotice;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.ParticipationDay;
import org.pcop.rules.RecordChange;
import org.pcop.rules.RuleResult;
import org.pcop.rules.Subject;
import org.pcop.rules.definition.DormancyRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.spi.RuleKind;

/** Active memberships without participation for N days become dormant. */
final class DormancyKind implements RuleKind {
  @Override
  public String kind() {
    return DormancyRule.KIND;
  }

  @Override
  public SortedSet<Subject> subjects(Rule rule, EvaluationContext context) {
    SortedSet<Subject> subjects = new TreeSet<>();
    for (Membership m : context.record().memberships(rule.getCommunity())) {
      if (m.getStatus() == MembershipStatus.ACTIVE) {
        subjects.add(Subject.membership(m.getMember(), rule.getCommunity()));
      }
    }
    return subjects;
  }

  @Override
  public Optional<RuleResult> evaluate(Rule generic, Subject subject, EvaluationContext context) {
    DormancyRule rule = (DormancyRule) generic;
    EngagementRecord record = context.record();
    Optional<MemberId> member = Results.member(subject, rule.getCommunity());
    Optional<Membership> membership =
        member.flatMap(m -> record.membership(m, rule.getCommunity()));
    if (membership.isEmpty() || membership.get().getStatus() != MembershipStatus.ACTIVE) {
      return Optional.empty();
    }
    LocalDate today = context.day(rule.getCommunity()).orElseThrow();
    Membership m = membership.get();
    LocalDate activeFrom = record.dayOf(rule.getCommunity(),
        m.getHistory().get(m.getHistory().size() - 1).getAt()).orElseThrow();
    NavigableMap<LocalDate, ParticipationDay> days =
        record.participationDays(m.getMember(), rule.getCommunity()).headMap(today, true);
    Optional<LocalDate> last = days.isEmpty() ? Optional.empty() : Optional.of(days.lastKey());
    LocalDate from = last.filter(d -> d.isAfter(activeFrom)).orElse(activeFrom);
    long idle = Math.max(0, ChronoUnit.DAYS.between(from, today));
    Results results = new Results(rule, subject)
        .fact("last participation", last.map(Object::toString).orElse("never"))
        .fact("active since", activeFrom)
        .fact("days without participation", idle)
        .threshold(rule.getDays() + " days without participation")
        .window("from " + from + " to " + today + " ("
            + context.zone(rule.getCommunity()).orElseThrow() + ")");
    if (idle >= rule.getDays()) {
      Optional<SiteId> site = record.siteOf(m.getMember());
      SortedSet<MemberId> leads = new TreeSet<>();
      site.ifPresent(s -> {
        for (MemberId lead : record.membersWithRole(rule.getCommunity(),
            MembershipRole.SITE_LEAD)) {
          if (!lead.equals(m.getMember()) && record.membership(lead, rule.getCommunity())
              .map(x -> x.getStatus() == MembershipStatus.ACTIVE).orElse(false)
              && record.siteOf(lead).equals(site)) {
            leads.add(lead);
          }
        }
      });
      results.fail("no participation for " + idle + " days (since " + from + "), "
          + rule.getDays() + " make a membership dormant")
          .finding(DormancyNotice.builder().member(m.getMember()).community(rule.getCommunity())
              .lastParticipation(last).site(site).siteLeads(leads).build());
    } else {
      results.pass("last took part " + idle + " days ago, fewer than " + rule.getDays());
    }
    return Optional.of(results.build());
  }

  @Override
  public Optional<SortedSet<Subject>> affected(Rule rule, RecordChange change,
      EvaluationContext context) {
    return Results.touchedMembers(rule, change);
  }
}
