package org.pcop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pcop.model.Fixtures.T0;
import static org.pcop.model.ValueAssertions.assertMissing;
import static org.pcop.model.ValueAssertions.assertRefused;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.assertValueEquality;
import static org.pcop.model.ValueAssertions.violationPaths;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusChangeTest {
  @Test
  void buildsAValidChange() {
    StatusChange change = StatusChange.builder().status(MembershipStatus.LEFT).at(T0)
        .reason("Moved to another office").build();
    assertEquals(Optional.of("Moved to another office"), change.getReason());
    assertValid(change);
    assertValid(StatusChange.of(MembershipStatus.ACTIVE, T0));
  }

  @Test
  void refusesMissingAndNullFieldsNamingThem() {
    assertMissing("StatusChange.at: must be set",
        () -> StatusChange.builder().status(MembershipStatus.ACTIVE).build());
    assertMissing("status: must not be null", () -> StatusChange.of(null, T0));
    assertMissing("at: must not be null", () -> StatusChange.of(MembershipStatus.ACTIVE, null));
  }

  @Test
  void equalChangesHashAlike() {
    assertValueEquality(() -> StatusChange.of(MembershipStatus.ACTIVE, T0),
        StatusChange.of(MembershipStatus.ACTIVE, T0.plusSeconds(1)));
    assertValueEquality(() -> StatusChange.of(MembershipStatus.ACTIVE, T0),
        StatusChange.of(MembershipStatus.DORMANT, T0));
  }

  @Test
  void reportsAReasonThatIsTooLongOrNotPlainText() {
    StatusChange change = StatusChange.builder().status(MembershipStatus.LEFT).at(T0)
        .reason("\u0000" + "x".repeat(500)).build();
    assertEquals(List.of("reason", "reason"), violationPaths(change));
  }
}
