package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcop.model.AgencyKind;
import org.pcop.model.EngagementKind;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.EligibilityRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;

/** Who may join; a refusal lists every unmet condition. */
class EligibilityTest {
  private static final Instant T = Scenario.at("2026-01-05T09:00");
  private static final Instant AS_OF = Scenario.at("2026-06-01T09:00");
  private static final EligibilityRule RULE = EligibilityRule.builder()
      .id(RuleId.of("eligibility")).community(Scenario.PCOP)
      .addAllowedRoles(MembershipRole.MEMBER, MembershipRole.SITE_LEAD,
          MembershipRole.SUBJECT_MATTER_EXPERT)
      .addAllowedJurisdictionLevels(JurisdictionLevel.LOCAL, JurisdictionLevel.STATE,
          JurisdictionLevel.FEDERAL)
      .alumniYears(3).build();

  private static Scenario program() {
    return new Scenario()
        .site("s-kc", EngagementKind.OPERATIONS, LocalDate.of(2025, 1, 1), T)
        .site("s-old", EngagementKind.ALUMNI, LocalDate.of(2021, 6, 1), T)
        .site("s-recent", EngagementKind.ALUMNI, LocalDate.of(2024, 6, 1), T)
        .localAgency("a-kc", "s-kc", T).localAgency("a-recent", "s-recent", T)
        .agency("a-tribe", "s-old", AgencyKind.TRIBAL_PROSECUTOR, JurisdictionLevel.TRIBAL, T)
        .agency("a-ag", null, AgencyKind.ATTORNEY_GENERAL, JurisdictionLevel.STATE, T)
        .member("m-kc", "a-kc", T).member("m-recent", "a-recent", T)
        .member("m-tribe", "a-tribe", T).member("m-expert", "a-ag", T)
        .membership("m-kc", MembershipRole.MEMBER, MembershipStatus.ACTIVE, T);
  }

  private static RuleResult check(Scenario s, String member, MembershipRole role,
      String sponsor) {
    return RuleEngine.checkEligibility(RULE, s.record, MemberId.of(member), role,
        Optional.ofNullable(sponsor).map(MemberId::of), AS_OF);
  }

  @Test
  void admitsMembersOfActiveAndRecentAlumniSites() {
    assertEquals(Outcome.PASSED, check(program(), "m-kc", MembershipRole.MEMBER, null)
        .getOutcome());
    assertEquals(Outcome.PASSED, check(program(), "m-recent", MembershipRole.SITE_LEAD, null)
        .getOutcome());
  }

  @Test
  void aRefusalListsEveryUnmetCondition() {
    RuleResult result = check(program(), "m-tribe", MembershipRole.LIAISON, null);
    assertEquals(Outcome.FAILED, result.getOutcome());
    assertEquals(List.of(
        "the role LIAISON is not among the roles admitted [MEMBER, SITE_LEAD,"
            + " SUBJECT_MATTER_EXPERT]",
        "the jurisdiction level TRIBAL is not among the levels admitted [LOCAL, STATE, FEDERAL]",
        "the site s-old is neither actively engaged nor alumni for less than 3 years on"
            + " 2026-06-01"),
        result.findings(Refusal.class).get(0).getUnmetConditions());
  }

  @Test
  void anOutsideExpertNeedsAnActiveSponsor() {
    assertEquals(List.of("a member of an agency at no program site joins only as"
            + " SUBJECT_MATTER_EXPERT, not MEMBER", "an outside expert needs a sponsor"),
        check(program(), "m-expert", MembershipRole.MEMBER, null).findings(Refusal.class)
            .get(0).getUnmetConditions());
    assertEquals(List.of("the sponsor m-tribe is not an active member of pcop"),
        check(program(), "m-expert", MembershipRole.SUBJECT_MATTER_EXPERT, "m-tribe")
            .findings(Refusal.class).get(0).getUnmetConditions());
    assertEquals(Outcome.PASSED, check(program(), "m-expert",
        MembershipRole.SUBJECT_MATTER_EXPERT, "m-kc").getOutcome());
  }

  @Test
  void anUnknownCandidateIsIndeterminate() {
    RuleResult result = check(program(), "m-nobody", MembershipRole.MEMBER, null);
    assertEquals(Outcome.INDETERMINATE, result.getOutcome());
    assertEquals("member m-nobody is not enrolled", result.getExplanation().getText());
  }

  @Test
  void invitedMembershipsAreCheckedInAnEvaluation() {
    Scenario s = program().invited("m-expert", MembershipRole.SUBJECT_MATTER_EXPERT, "m-kc", T)
        .invited("m-tribe", MembershipRole.MEMBER, null, T);
    Evaluation evaluation = RuleEngine.evaluate(RuleSet.builder().id("e").version(1)
        .addRule(RULE).build(), s.record, AS_OF, UsFederalCalendar.instance());
    assertEquals(List.of(Outcome.PASSED, Outcome.FAILED), evaluation.getResults().stream()
        .map(RuleResult::getOutcome).toList(), "m-expert then m-tribe, in subject order");
  }
}
