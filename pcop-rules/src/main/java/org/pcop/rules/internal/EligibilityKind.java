package org.pcop.rules.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.pcop.model.Agency;
import org.pcop.model.EngagementKind;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.Site;
import org.pcop.model.SiteEngagement;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.RecordChange;
import org.pcop.rules.Refusal;
import org.pcop.rules.RuleResult;
import org.pcop.rules.Subject;
import org.pcop.rules.definition.EligibilityRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.spi.RuleKind;

/** Who may join: evaluated for every invited membership, and for candidates on request. */
public final class EligibilityKind implements RuleKind {
  @Override
  public String kind() {
    return EligibilityRule.KIND;
  }

  @Override
  public SortedSet<Subject> subjects(Rule rule, EvaluationContext context) {
    return Results.membershipSubjects(context.record(), rule.getCommunity(),
        m -> m.getStatus() == MembershipStatus.INVITED);
  }

  @Override
  public Optional<RuleResult> evaluate(Rule rule, Subject subject, EvaluationContext context) {
    Optional<Membership> membership = Results.member(subject, rule.getCommunity())
        .flatMap(m -> context.record().membership(m, rule.getCommunity()))
        .filter(m -> m.getStatus() == MembershipStatus.INVITED);
    return membership.map(m -> check((EligibilityRule) rule, context, m.getMember(),
        m.getRole(), m.getSponsor()));
  }

  /**
   * Whether {@code candidate} may join in {@code role}, listing every unmet condition.
   *
   * @param rule the rule
   * @param context the context
   * @param candidate the member
   * @param role the role asked for
   * @param sponsor the sponsor, if any
   * @return the result
   */
  public static RuleResult check(EligibilityRule rule, EvaluationContext context,
      MemberId candidate, MembershipRole role, Optional<MemberId> sponsor) {
    EngagementRecord record = context.record();
    Subject subject = Subject.membership(candidate, rule.getCommunity());
    Results results = new Results(rule, subject).fact("member", candidate).fact("role", role);
    LocalDate today = context.day(rule.getCommunity()).orElseThrow();
    if (!rule.getAllowedRoles().isEmpty() && !rule.getAllowedRoles().contains(role)) {
      results.fail("the role " + role + " is not among the roles admitted "
          + new TreeSet<>(rule.getAllowedRoles()));
    }
    Optional<Member> member = record.member(candidate);
    if (member.isEmpty()) {
      results.undecided("member " + candidate + " is not enrolled");
      return withRefusal(results);
    }
    if (record.isDeactivated(candidate)) {
      results.fail("member " + candidate + " is deactivated");
    }
    record.membership(candidate, rule.getCommunity()).filter(m -> m.isSuspendedOn(today))
        .ifPresent(m -> {
          org.pcop.model.StatusChange last = m.getHistory().get(m.getHistory().size() - 1);
          results.fail("member " + candidate + " is suspended until "
              + last.getUntil().map(Object::toString).orElse("reinstated")
              + last.getReason().map(r -> " (" + r + ")").orElse(""));
        });
    Optional<Agency> agency = record.agency(member.get().getAgency());
    if (agency.isEmpty()) {
      results.undecided("the agency " + member.get().getAgency() + " is not registered");
      return withRefusal(results);
    }
    Agency a = agency.get();
    results.fact("agency", a.getId()).fact("agency kind", a.getKind())
        .fact("jurisdiction level", a.getJurisdictionLevel());
    if (!rule.getAllowedAgencyKinds().isEmpty()
        && !rule.getAllowedAgencyKinds().contains(a.getKind())) {
      results.fail("the agency kind " + a.getKind() + " is not among the kinds admitted "
          + new TreeSet<>(rule.getAllowedAgencyKinds()));
    }
    if (!rule.getAllowedJurisdictionLevels().isEmpty()
        && !rule.getAllowedJurisdictionLevels().contains(a.getJurisdictionLevel())) {
      results.fail("the jurisdiction level " + a.getJurisdictionLevel()
          + " is not among the levels admitted "
          + new TreeSet<>(rule.getAllowedJurisdictionLevels()));
    }
    if (a.getSite().isPresent()) {
      Optional<Site> site = record.site(a.getSite().get());
      if (site.isEmpty()) {
        results.undecided("the site " + a.getSite().get() + " is not registered");
      } else {
        Optional<SiteEngagement> engagement = site.get().engagementOn(today);
        results.fact("site", site.get().getId()).fact("site engagement on " + today,
            engagement.map(e -> e.getKind() + " since " + e.getStart()).orElse("none"));
        boolean active = engagement.map(e -> e.getKind() != EngagementKind.ALUMNI)
            .orElse(false);
        boolean recentAlumni = engagement.filter(e -> e.getKind() == EngagementKind.ALUMNI)
            .flatMap(e -> rule.getAlumniYears().map(y -> today.isBefore(
                e.getStart().plusYears(y)))).orElse(false);
        if (!active && !recentAlumni) {
          results.fail("the site " + site.get().getId() + " is neither actively engaged"
              + rule.getAlumniYears().map(y -> " nor alumni for less than " + y + " years")
                  .orElse("") + " on " + today);
        }
      }
    } else if (!rule.isOutsideExpertsAllowed()) {
      results.fail("the agency " + a.getId() + " is at no program site");
    } else {
      if (role != MembershipRole.SUBJECT_MATTER_EXPERT) {
        results.fail("a member of an agency at no program site joins only as"
            + " SUBJECT_MATTER_EXPERT, not " + role);
      }
      if (sponsor.isEmpty()) {
        results.fail("an outside expert needs a sponsor");
      } else {
        boolean active = record.membership(sponsor.get(), rule.getCommunity())
            .map(m -> m.getStatus() == MembershipStatus.ACTIVE).orElse(false);
        results.fact("sponsor", sponsor.get());
        if (!active) {
          results.fail("the sponsor " + sponsor.get() + " is not an active member of "
              + rule.getCommunity());
        }
      }
    }
    results.pass("every condition of " + rule.getId() + " is met");
    return withRefusal(results);
  }

  private static RuleResult withRefusal(Results results) {
    if (results.hasFailures()) {
      results.finding(Refusal.builder().unmetConditions(results.failures()).build());
    }
    return results.build();
  }

  @Override
  public Optional<SortedSet<Subject>> affected(Rule rule, RecordChange change,
      EvaluationContext context) {
    return Results.touchedMembers(rule, change);
  }
}
