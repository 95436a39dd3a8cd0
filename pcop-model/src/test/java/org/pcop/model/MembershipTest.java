package org.pcop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pcop.model.Fixtures.T0;
import static org.pcop.model.ValueAssertions.assertMissing;
import static org.pcop.model.ValueAssertions.assertRefused;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.assertValueEquality;
import static org.pcop.model.ValueAssertions.violationPaths;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MembershipTest {
  private static final Instant T1 = T0.plusSeconds(3600);

  @Test
  void buildsAValidMembership() {
    Membership membership = Fixtures.membership().sponsor(MemberId.of("m-2")).build();
    assertEquals(MembershipStatus.ACTIVE, membership.getStatus());
    assertValid(membership);
  }

  @Test
  void theStatusIsTheLastOfTheHistory() {
    Membership membership = Fixtures.membership()
        .addHistory(StatusChange.of(MembershipStatus.DORMANT, T1.plusSeconds(60)))
        .build();
    assertEquals(MembershipStatus.DORMANT, membership.getStatus());
    assertEquals(MembershipStatus.INVITED, Fixtures.membership()
        .history(List.of(StatusChange.of(MembershipStatus.INVITED, T0))).build().getStatus());
  }

  @Test
  void isActiveSinceItsFirstActivation() {
    Membership membership = Fixtures.membership()
        .addHistory(StatusChange.of(MembershipStatus.DORMANT, T1.plusSeconds(60)))
        .addHistory(StatusChange.of(MembershipStatus.ACTIVE, T1.plusSeconds(120)))
        .build();
    assertEquals(Optional.of(T1), membership.activeSince());
    assertEquals(Optional.empty(), Fixtures.membership()
        .history(List.of(StatusChange.of(MembershipStatus.INVITED, T0))).build().activeSince());
  }

  @Test
  void appendsAChangeAndLeavesTheOriginalAlone() {
    Membership before = Fixtures.membership().build();
    StatusChange left = StatusChange.of(MembershipStatus.LEFT, T1.plusSeconds(60));
    Membership after = before.with(left);
    assertEquals(MembershipStatus.LEFT, after.getStatus());
    assertEquals(3, after.getHistory().size());
    assertEquals(left, after.getHistory().get(2));
    assertEquals(MembershipStatus.ACTIVE, before.getStatus());
    assertEquals(2, before.getHistory().size());
  }

  @Test
  void withRefusesAnEarlierOrRepeatedChange() {
    Membership membership = Fixtures.membership().build();
    assertRefused("Membership.history[2]: at 2026-03-02T15:00:00Z is earlier than the status"
            + " before it (2026-03-02T16:00:00Z)",
        () -> membership.with(StatusChange.of(MembershipStatus.LEFT, T0)));
    assertRefused("Membership.history[2]: repeats the status ACTIVE; a change must change the"
            + " status",
        () -> membership.with(StatusChange.of(MembershipStatus.ACTIVE, T1.plusSeconds(1))));
  }

  @Test
  void aSuspensionIsUpdatedWithAnotherEndDateOrReasonAndNotRepeated() {
    Membership suspended = Fixtures.membership().build().with(StatusChange.builder()
        .status(MembershipStatus.SUSPENDED).at(T1.plusSeconds(1)).reason("Review.")
        .until(java.time.LocalDate.of(2026, 4, 30)).build());
    Membership extended = suspended.with(StatusChange.builder()
        .status(MembershipStatus.SUSPENDED).at(T1.plusSeconds(2)).reason("Review.")
        .until(java.time.LocalDate.of(2026, 5, 31)).build());
    assertEquals(true, extended.isSuspendedOn(java.time.LocalDate.of(2026, 5, 15)));
    assertRefused("Membership.history[3]: repeats the suspension until 2026-04-30 (Review.);"
            + " to update a suspension give another end date or reason, to end it reinstate"
            + " the member",
        () -> suspended.with(StatusChange.builder().status(MembershipStatus.SUSPENDED)
            .at(T1.plusSeconds(2)).reason("Review.").until(java.time.LocalDate.of(2026, 4, 30))
            .build()));
  }

  @Test
  void refusesAnEmptyHistory() {
    assertRefused("Membership.history: a membership has at least one status",
        () -> Fixtures.membership().history(List.of()).build());
  }

  @Test
  void refusesAHistoryOutOfOrder() {
    assertRefused("Membership.history[1]: at 2026-03-02T15:00:00Z is earlier than the status"
            + " before it (2026-03-02T16:00:00Z)",
        () -> Fixtures.membership().history(List.of(
            StatusChange.of(MembershipStatus.INVITED, T1),
            StatusChange.of(MembershipStatus.ACTIVE, T0))).build());
  }

  @Test
  void allowsTwoChangesAtTheSameInstant() {
    Membership membership = Fixtures.membership().history(List.of(
        StatusChange.of(MembershipStatus.INVITED, T0),
        StatusChange.of(MembershipStatus.ACTIVE, T0))).build();
    assertEquals(MembershipStatus.ACTIVE, membership.getStatus());
  }

  @Test
  void refusesARepeatedStatus() {
    assertRefused("Membership.history[1]: repeats the status INVITED; a change must change the"
            + " status",
        () -> Fixtures.membership().history(List.of(
            StatusChange.of(MembershipStatus.INVITED, T0),
            StatusChange.of(MembershipStatus.INVITED, T1))).build());
  }

  @Test
  void refusesAMemberWhoSponsorsThemself() {
    assertRefused("Membership.sponsor: member m-1 cannot sponsor themself",
        () -> Fixtures.membership().sponsor(MemberId.of("m-1")).build());
  }

  @Test
  void refusesMissingAndNullFieldsNamingThem() {
    assertMissing("Membership.community, Membership.role: must be set",
        () -> Membership.builder().member(MemberId.of("m-1"))
            .addHistory(StatusChange.of(MembershipStatus.INVITED, T0)).build());
    assertMissing("role: must not be null", () -> Fixtures.membership().role(null));
  }

  @Test
  void equalMembershipsHashAlike() {
    assertValueEquality(() -> Fixtures.membership().build(),
        Fixtures.membership().role(MembershipRole.SITE_LEAD).build());
    assertValueEquality(() -> Fixtures.membership().build(),
        Fixtures.membership().build().with(StatusChange.of(MembershipStatus.LEFT, T1)));
  }

  @Test
  void validatesEveryStatusChangeOfTheHistory() {
    Membership membership = Fixtures.membership()
        .addHistory(StatusChange.builder().status(MembershipStatus.DORMANT).at(T1)
            .reason("no participation\u0007").build())
        .addHistory(StatusChange.builder().status(MembershipStatus.LEFT).at(T1)
            .reason("x".repeat(501)).build())
        .build();
    assertEquals(List.of("history[2].reason", "history[3].reason"), violationPaths(membership));
  }
}
