package org.pcop.rules.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.SiteId;
import org.pcop.rules.DormancyNotice;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.EvaluationContext;
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
    return Results.membershipSubjects(context.record(), rule.getCommunity(),
        m -> m.getStatus() == MembershipStatus.ACTIVE);
  }

  @Override
  public Optional<RuleResult> evaluate(Rule generic, Subject subject, EvaluationContext context) {
    DormancyRule rule = (DormancyRule) generic;
    EngagementRecord record = context.record();
    Optional<MemberId> member = Results.member(subject, rule.getCommunity(), record);
    Optional<Membership> membership =
        member.flatMap(m -> record.membership(m, rule.getCommunity()));
    if (membership.isEmpty() || membership.get().getStatus() != MembershipStatus.ACTIVE) {
      return Optional.empty();
    }
    LocalDate today = context.day(rule.getCommunity()).orElseThrow();
    Membership m = membership.get();
    LocalDate activeFrom = record.dayOf(rule.getCommunity(),
        m.getHistory().get(m.getHistory().size() - 1).getAt()).orElseThrow();
    ParticipationLog log = RecordAccess.state(record).log(m.getMember(), rule.getCommunity());
    int end = log == null ? 0 : log.endOnOrBefore((int) today.toEpochDay());
    Optional<LocalDate> last = end == 0 ? Optional.empty()
        : Optional.of(LocalDate.ofEpochDay(log.day(end - 1)));
    LocalDate from = last.filter(d -> d.isAfter(activeFrom)).orElse(activeFrom);
    long idle = Math.max(0, ChronoUnit.DAYS.between(from, today));
    java.time.ZoneId zone = context.zone(rule.getCommunity()).orElseThrow();
    Results decided = Results.quiet(rule, subject);
    if (idle >= rule.getDays()) {
      Optional<SiteId> site = record.siteOf(m.getMember());
      // The site's leads (sorted), without the member; most sites' sets are used as they are.
      Set<MemberId> leads = site.isEmpty() ? Set.of()
          : siteLeads(rule, record).getOrDefault(site.get(), Set.of());
      if (leads.contains(m.getMember())) {
        SortedSet<MemberId> others = new TreeSet<>(leads);
        others.remove(m.getMember());
        leads = others;
      }
      decided.fail(null).finding(DormancyNotice.builder().member(m.getMember())
          .community(rule.getCommunity()).lastParticipation(last).site(site).siteLeads(leads)
          .build());
    } else {
      decided.pass(null);
    }
    // Decided now; the explanation is written when read.
    return Optional.of(decided.build(() -> explain(rule, subject, last, activeFrom, from, today,
        idle, zone)));
  }

  /** The explanation of a membership's idleness: a pure function of its arguments. */
  private static Results explain(DormancyRule rule, Subject subject, Optional<LocalDate> last,
      LocalDate activeFrom, LocalDate from, LocalDate today, long idle, java.time.ZoneId zone) {
    Results results = new Results(rule, subject)
        .fact("last participation", last.map(Object::toString).orElse("never"))
        .fact("active since", activeFrom)
        .fact("days without participation", idle)
        .threshold(rule.getDays() + " days without participation")
        .window("from " + from + " to " + today + " (" + zone + ")");
    if (idle >= rule.getDays()) {
      results.fail("no participation for " + idle + " days (since " + from + "), "
          + rule.getDays() + " make a membership dormant");
    } else {
      results.pass("last took part " + idle + " days ago, fewer than " + rule.getDays());
    }
    return results;
  }

  /** Active site leads by site of one community, for one record at one event count. */
  private record Leads(java.lang.ref.WeakReference<EngagementRecord> record,
      CommunityId community, long events, Map<SiteId, Set<MemberId>> bySite) {}

  /** The leads computed last: a cache only, checked against the record and its event count. */
  private volatile Leads leads;

  private Map<SiteId, Set<MemberId>> siteLeads(DormancyRule rule, EngagementRecord record) {
    Leads known = leads;
    if (known != null && known.record().get() == record
        && known.community().equals(rule.getCommunity())
        && known.events() == record.eventCount()) {
      return known.bySite();
    }
    Map<SiteId, Set<MemberId>> bySite = new HashMap<>();
    for (MemberId lead : record.membersWithRole(rule.getCommunity(), MembershipRole.SITE_LEAD)) {
      if (record.membership(lead, rule.getCommunity())
          .map(x -> x.getStatus() == MembershipStatus.ACTIVE).orElse(false)) {
        record.siteOf(lead).ifPresent(site -> bySite.computeIfAbsent(site,
            k -> new TreeSet<>()).add(lead));
      }
    }
    leads = new Leads(new java.lang.ref.WeakReference<>(record), rule.getCommunity(),
        record.eventCount(), bySite);
    return bySite;
  }

  @Override
  public Optional<SortedSet<Subject>> affected(Rule rule, RecordChange change,
      EvaluationContext context) {
    return Results.touchedMembers(rule, change);
  }
}
