package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pcop.model.EngagementKind;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.SiteId;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.event.EventId;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.DormancyRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;

/** Memberships without participation go dormant, and the site lead hears of it. */
class DormancyTest {
  private static final Instant T = Scenario.at("2026-01-02T09:00");
  private static final RuleSet RULES = RuleSet.builder().id("dormancy").version(1)
      .addRule(DormancyRule.builder().id(RuleId.of("dormant-90")).community(Scenario.PCOP)
          .days(90).build())
      .build();

  private static Scenario site() {
    return new Scenario()
        .site("s-kc", EngagementKind.OPERATIONS, LocalDate.of(2025, 1, 1), T)
        .localAgency("a-kc", "s-kc", T)
        .member("m-lead", "a-kc", T).member("m-quiet", "a-kc", T).member("m-busy", "a-kc", T)
        .membership("m-lead", MembershipRole.SITE_LEAD, MembershipStatus.ACTIVE, T)
        .membership("m-quiet", MembershipRole.MEMBER, MembershipStatus.ACTIVE, T)
        .membership("m-busy", MembershipRole.MEMBER, MembershipStatus.ACTIVE, T)
        .membership("m-new", MembershipRole.MEMBER, MembershipStatus.INVITED, T)
        .activity("call-1", ActivityKind.MEETING, Scenario.at("2026-02-02T13:00"), null)
        .attended("m-quiet", "call-1", Scenario.at("2026-02-02T13:00"))
        .activity("call-2", ActivityKind.MEETING, Scenario.at("2026-05-04T13:00"), null)
        .attended("m-busy", "call-2", Scenario.at("2026-05-04T13:00"))
        .attended("m-lead", "call-2", Scenario.at("2026-05-04T13:00"));
  }

  @Test
  void ninetyDaysWithoutParticipationMakesAMembershipDormant() {
    Evaluation evaluation = RuleEngine.evaluate(RULES, site().record,
        Scenario.at("2026-05-10T09:00"), UsFederalCalendar.instance());
    List<DormancyNotice> notices = evaluation.findings(DormancyNotice.class);
    assertEquals(1, notices.size(), evaluation.toString());
    DormancyNotice notice = notices.get(0);
    assertEquals(MemberId.of("m-quiet"), notice.getMember());
    assertEquals(Optional.of(LocalDate.of(2026, 2, 2)), notice.getLastParticipation());
    assertEquals(Optional.of(SiteId.of("s-kc")), notice.getSite());
    assertEquals(Set.of(MemberId.of("m-lead")), notice.getSiteLeads());
    RuleResult quiet = evaluation.results(Subject.membership(MemberId.of("m-quiet"),
        Scenario.PCOP)).get(0);
    assertTrue(quiet.getExplanation().getText().contains("no participation for 97 days"),
        quiet.getExplanation().render());
    assertEquals(Outcome.PASSED, evaluation.results(Subject.membership(MemberId.of("m-busy"),
        Scenario.PCOP)).get(0).getOutcome());
    assertEquals(List.of(), evaluation.results(Subject.membership(MemberId.of("m-new"),
        Scenario.PCOP)), "an invited membership cannot go dormant");
  }

  @Test
  void theEngineTurnsTheNoticeIntoAnEventAndANotification() {
    Scenario s = site();
    Instant now = Scenario.at("2026-05-10T09:00");
    Evaluation evaluation = RuleEngine.evaluate(RULES, s.record, now,
        UsFederalCalendar.instance());
    List<PcopEvent> events = ResultEvents.events(evaluation, s.record, Scenario.SYSTEM, now,
        () -> EventId.of("e-dormant"));
    assertEquals(1, events.size());
    MembershipChanged changed = (MembershipChanged) events.get(0);
    assertEquals(MemberId.of("m-quiet"), changed.getMember());
    assertEquals(MembershipStatus.DORMANT, changed.getStatus());
    assertEquals(MembershipRole.MEMBER, changed.getRole());
    List<SiteLeadNotification> notifications = ResultEvents.notifications(evaluation);
    assertEquals(1, notifications.size());
    assertEquals(MemberId.of("m-lead"), notifications.get(0).getRecipient());
    assertTrue(notifications.get(0).getText().contains("no participation since 2026-02-02"));

    s.apply(changed);
    Evaluation after = RuleEngine.evaluate(RULES, s.record, now, UsFederalCalendar.instance());
    assertEquals(List.of(), after.findings(DormancyNotice.class),
        "a dormant membership is not reported again");
  }

  @Test
  void reactivationRestartsTheCount() {
    Scenario s = site()
        .membership("m-quiet", MembershipRole.MEMBER, MembershipStatus.DORMANT,
            Scenario.at("2026-05-10T09:00"))
        .membership("m-quiet", MembershipRole.MEMBER, MembershipStatus.ACTIVE,
            Scenario.at("2026-06-01T09:00"));
    Evaluation evaluation = RuleEngine.evaluate(RULES, s.record,
        Scenario.at("2026-07-01T09:00"), UsFederalCalendar.instance());
    assertEquals(Outcome.PASSED, evaluation.results(Subject.membership(
        MemberId.of("m-quiet"), Scenario.PCOP)).get(0).getOutcome());
  }
}
