package org.pcop.model.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pcop.model.Fixtures.ADVISOR;
import static org.pcop.model.Fixtures.T0;
import static org.pcop.model.ValueAssertions.assertMissing;
import static org.pcop.model.ValueAssertions.assertRefused;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.assertValueEquality;
import static org.pcop.model.ValueAssertions.violationPaths;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pcop.model.ActivityId;
import org.pcop.model.Fixtures;
import org.pcop.model.MemberId;
import org.pcop.model.ResponseId;

/** The small values of activities and exchanges: approvals, schedules, participations, texts. */
class SmallValuesTest {
  private static final LocalDate DAY = LocalDate.of(2026, 4, 14);

  @Nested
  @DisplayName("Approval")
  class Approvals {
    @Test
    void buildsAValidApproval() {
      Approval approval = Approval.of(ApproverRole.PROGRAM_ADVISOR, ADVISOR, T0);
      assertEquals(ADVISOR, approval.getBy());
      assertValid(approval);
    }

    @Test
    void refusesNullNamingTheField() {
      assertMissing("role: must not be null", () -> Approval.of(null, ADVISOR, T0));
      assertMissing("by: must not be null",
          () -> Approval.of(ApproverRole.HOST_SITE_LEAD, null, T0));
      assertMissing("at: must not be null",
          () -> Approval.of(ApproverRole.HOST_SITE_LEAD, ADVISOR, null));
    }

    @Test
    void equalApprovalsHashAlike() {
      assertValueEquality(() -> Approval.of(ApproverRole.PROGRAM_ADVISOR, ADVISOR, T0),
          Approval.of(ApproverRole.HOST_SITE_LEAD, ADVISOR, T0));
    }
  }

  @Nested
  @DisplayName("Schedule")
  class Schedules {
    @Test
    void spansOneOrMoreDays() {
      assertEquals(DAY, Schedule.of(DAY, DAY).getLastDay());
      assertEquals(DAY.plusDays(2), Schedule.of(DAY, DAY.plusDays(2)).getLastDay());
    }

    @Test
    void refusesALastDayBeforeTheFirst() {
      assertRefused("Schedule.lastDay: 2026-04-13 is before the first day 2026-04-14",
          () -> Schedule.of(DAY, DAY.minusDays(1)));
    }

    @Test
    void refusesNullNamingTheField() {
      assertMissing("firstDay: must not be null", () -> Schedule.of(null, DAY));
      assertMissing("lastDay: must not be null", () -> Schedule.of(DAY, null));
    }

    @Test
    void equalSchedulesHashAlike() {
      assertValueEquality(() -> Schedule.of(DAY, DAY), Schedule.of(DAY, DAY.plusDays(1)));
    }
  }

  @Nested
  @DisplayName("Participation")
  class Participations {
    @Test
    void buildsAValidParticipation() {
      Participation p = Participation.of(ActivityId.of("act-1"), MemberId.of("m-1"),
          ParticipationKind.PRESENTED, T0);
      assertEquals(ParticipationKind.PRESENTED, p.getKind());
      assertValid(p);
    }

    @Test
    void refusesNullNamingTheField() {
      assertMissing("kind: must not be null",
          () -> Participation.of(ActivityId.of("act-1"), MemberId.of("m-1"), null, T0));
      assertMissing("member: must not be null",
          () -> Participation.of(ActivityId.of("act-1"), null, ParticipationKind.HOSTED, T0));
    }

    @Test
    void equalParticipationsHashAlike() {
      assertValueEquality(() -> Participation.of(ActivityId.of("act-1"), MemberId.of("m-1"),
              ParticipationKind.ATTENDED, T0),
          Participation.of(ActivityId.of("act-1"), MemberId.of("m-1"),
              ParticipationKind.REGISTERED, T0));
    }
  }

  @Nested
  @DisplayName("FollowUpReport")
  class FollowUpReports {
    @Test
    void buildsAValidReport() {
      assertValid(Fixtures.report().build());
    }

    @Test
    void refusesMissingAndNullFieldsNamingThem() {
      assertMissing("FollowUpReport.submittedAt, FollowUpReport.summary: must be set",
          () -> FollowUpReport.builder().submittedBy(ADVISOR).build());
      assertMissing("summary: must not be null", () -> Fixtures.report().summary(null));
    }

    @Test
    void equalReportsHashAlike() {
      assertValueEquality(() -> Fixtures.report().build(),
          Fixtures.report().summary("Other").build());
    }

    @Test
    void reportsATextThatIsBlankOrTooLong() {
      assertEquals(List.of("summary"), violationPaths(Fixtures.report().summary("\n\t ").build()));
      assertEquals(List.of("summary"),
          violationPaths(Fixtures.report().summary("s".repeat(4001)).build()));
    }
  }

  @Nested
  @DisplayName("RfiResponse")
  class RfiResponses {
    @Test
    void buildsAValidResponse() {
      assertValid(Fixtures.response("r-1", 60).build());
    }

    @Test
    void refusesMissingAndNullFieldsNamingThem() {
      assertMissing("RfiResponse.respondent, RfiResponse.at, RfiResponse.text: must be set",
          () -> RfiResponse.builder().id(ResponseId.of("r-1")).build());
      assertMissing("text: must not be null", () -> Fixtures.response("r-1", 60).text(null));
    }

    @Test
    void equalResponsesHashAlike() {
      assertValueEquality(() -> Fixtures.response("r-1", 60).build(),
          Fixtures.response("r-2", 60).build());
    }

    @Test
    void reportsEveryTypingMistakeAtOnce() {
      assertEquals(List.of("text", "text"),
          violationPaths(Fixtures.response("r-1", 60).text("\u001b" + "x".repeat(4000)).build()));
    }
  }
}
