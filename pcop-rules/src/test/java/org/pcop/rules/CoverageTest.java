package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcop.model.EngagementKind;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.SiteId;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.CoverageRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.Window;

/** Sites without members, core areas short of experts, knowledge gaps and the matrix. */
class CoverageTest {
  private static final Instant T = Scenario.at("2026-01-05T09:00");
  private static final Instant AS_OF = Scenario.at("2026-06-01T09:00");
  private static final RuleSet RULES = RuleSet.builder().id("coverage").version(1)
      .addRule(CoverageRule.builder().id(RuleId.of("coverage")).community(Scenario.PCOP)
          .minExperts(1).matrixWindow(Window.lastDays(90)).build())
      .build();

  private static Scenario program() {
    return new Scenario().taxonomy(T)
        .site("s-kc", EngagementKind.OPERATIONS, LocalDate.of(2025, 1, 1), T)
        .site("s-mem", EngagementKind.DIAGNOSTIC, LocalDate.of(2026, 1, 1), T)
        .site("s-old", EngagementKind.ALUMNI, LocalDate.of(2021, 6, 1), T)
        .localAgency("a-kc", "s-kc", T).localAgency("a-mem", "s-mem", T)
        .member("m-kc", "a-kc", T, "gun-violence.nibin").member("m-mem", "a-mem", T)
        .membership("m-kc", MembershipRole.SUBJECT_MATTER_EXPERT, MembershipStatus.ACTIVE, T)
        .membership("m-mem", MembershipRole.MEMBER, MembershipStatus.INVITED, T);
  }

  private static RuleResult result(Evaluation evaluation, Subject subject) {
    return evaluation.results(subject).get(0);
  }

  @Test
  void everyActiveSiteNeedsAnActiveMember() {
    Evaluation evaluation = RuleEngine.evaluate(RULES, program().record, AS_OF,
        UsFederalCalendar.instance());
    assertEquals(Outcome.PASSED, result(evaluation, Subject.site(SiteId.of("s-kc")))
        .getOutcome());
    RuleResult mem = result(evaluation, Subject.site(SiteId.of("s-mem")));
    assertEquals(Outcome.FAILED, mem.getOutcome());
    assertEquals("the actively engaged site s-mem has no active member in pcop",
        mem.getExplanation().getText());
    assertEquals(List.of(), evaluation.results(Subject.site(SiteId.of("s-old"))),
        "an alumni site is not required to have members");
  }

  @Test
  void everyCoreAreaNeedsExperts() {
    Evaluation evaluation = RuleEngine.evaluate(RULES, program().record, AS_OF,
        UsFederalCalendar.instance());
    assertEquals(Outcome.PASSED, result(evaluation,
        Subject.coreArea(CoreAreaId.of("gun-violence"))).getOutcome());
    RuleResult victims = result(evaluation, Subject.coreArea(CoreAreaId.of("victim-services")));
    assertEquals(Outcome.FAILED, victims.getOutcome());
    assertEquals("Victim services has 0 active experts, fewer than 1",
        victims.getExplanation().getText());
  }

  @Test
  void anOpenRequestOnATopicWithoutAnExpertIsAGap() {
    Scenario s = program()
        .rfi("rfi-1", "m-kc", "victim-services.notification", Scenario.at("2026-05-01T09:00"))
        .rfi("rfi-2", "m-kc", "gun-violence.nibin", Scenario.at("2026-05-01T09:00"));
    Evaluation evaluation = RuleEngine.evaluate(RULES, s.record, AS_OF,
        UsFederalCalendar.instance());
    RuleResult gap = result(evaluation,
        Subject.topic(TopicId.of("victim-services.notification")));
    assertEquals(Outcome.FAILED, gap.getOutcome());
    assertTrue(gap.getExplanation().getText().startsWith("knowledge gap: 1 open requests"));
    assertEquals(Outcome.PASSED, result(evaluation,
        Subject.topic(TopicId.of("gun-violence.nibin"))).getOutcome());
  }

  @Test
  void theMatrixCountsParticipationBySiteAndCoreAreaInTheWindow() {
    Scenario s = program()
        .activity("w-old", ActivityKind.WEBINAR, Scenario.at("2026-01-20T13:00"), null,
            "gun-violence")
        .activity("w-1", ActivityKind.WEBINAR, Scenario.at("2026-04-20T13:00"), null,
            "gun-violence", "victim-services")
        .attended("m-kc", "w-old", Scenario.at("2026-01-20T13:00"))
        .attended("m-kc", "w-1", Scenario.at("2026-04-20T13:00"))
        .attended("m-mem", "w-1", Scenario.at("2026-04-20T13:00"));
    ParticipationMatrix matrix = RuleEngine.evaluate(RULES, s.record, AS_OF,
        UsFederalCalendar.instance()).findings(ParticipationMatrix.class).get(0);
    assertEquals(Map.of(SiteId.of("s-kc"), Map.of(CoreAreaId.of("gun-violence"), 1L,
            CoreAreaId.of("victim-services"), 1L), SiteId.of("s-mem"), Map.of(
            CoreAreaId.of("gun-violence"), 1L, CoreAreaId.of("victim-services"), 1L)),
        matrix.getCounts(), "the January webinar is outside the 90 days");
    assertEquals(0, matrix.count(SiteId.of("s-old"), CoreAreaId.of("gun-violence")));
  }

  @Test
  void withoutATaxonomyCoreAreasAreIndeterminate() {
    Scenario s = new Scenario()
        .site("s-kc", EngagementKind.OPERATIONS, LocalDate.of(2025, 1, 1), T);
    RuleResult community = RuleEngine.evaluate(RULES, s.record, AS_OF,
        UsFederalCalendar.instance()).results(Subject.community(Scenario.PCOP)).get(0);
    assertEquals(Outcome.INDETERMINATE, community.getOutcome());
    assertTrue(community.getExplanation().getText().contains("no taxonomy is recorded"));
  }
}
