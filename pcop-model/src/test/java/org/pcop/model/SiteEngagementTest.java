package org.pcop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.model.ValueAssertions.assertMissing;
import static org.pcop.model.ValueAssertions.assertRefused;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.assertValueEquality;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteEngagementTest {
  private static final LocalDate START = LocalDate.of(2019, 6, 3);

  @Test
  void aStandardEngagementLastsThreeYearsWithTheEndExclusive() {
    SiteEngagement e = SiteEngagement.standard(EngagementKind.OPERATIONS, START);
    assertEquals(START, e.getStart());
    assertEquals(Optional.of(LocalDate.of(2022, 6, 3)), e.getEnd());
    assertFalse(e.isPilot());
    assertValid(e);
  }

  @Test
  void refusesAStandardAlumniEngagement() {
    assertRefused("SiteEngagement.kind: an alumni engagement has no standard length",
        () -> SiteEngagement.standard(EngagementKind.ALUMNI, START));
  }

  @Test
  void aStandardEngagementRefusesNullNamingTheField() {
    assertMissing("start: must not be null",
        () -> SiteEngagement.standard(EngagementKind.DIAGNOSTIC, null));
    assertMissing("kind: must not be null", () -> SiteEngagement.standard(null, START));
  }

  @Test
  void coversFromItsStartUpToButNotIncludingItsEnd() {
    SiteEngagement e = SiteEngagement.standard(EngagementKind.DIAGNOSTIC, START);
    assertFalse(e.covers(START.minusDays(1)));
    assertTrue(e.covers(START));
    assertTrue(e.covers(LocalDate.of(2022, 6, 2)));
    assertFalse(e.covers(LocalDate.of(2022, 6, 3)));
  }

  @Test
  void anOpenEndedAlumniEngagementCoversEveryDayFromItsStart() {
    SiteEngagement e = SiteEngagement.builder().kind(EngagementKind.ALUMNI).start(START).build();
    assertFalse(e.covers(START.minusDays(1)));
    assertTrue(e.covers(START));
    assertTrue(e.covers(LocalDate.of(2100, 1, 1)));
  }

  @Test
  void refusesAnEndThatIsNotAfterTheStart() {
    assertRefused("SiteEngagement.end: 2019-06-03 must be after the start 2019-06-03",
        () -> SiteEngagement.builder().kind(EngagementKind.ALUMNI).start(START).end(START)
            .build());
    assertRefused("SiteEngagement.end: 2019-06-02 must be after the start 2019-06-03",
        () -> SiteEngagement.builder().kind(EngagementKind.DIAGNOSTIC).start(START)
            .end(START.minusDays(1)).build());
  }

  @Test
  void refusesAnOpenEndedDiagnosticOrOperationsEngagement() {
    assertRefused("SiteEngagement.end: a DIAGNOSTIC engagement must have an end date",
        () -> SiteEngagement.builder().kind(EngagementKind.DIAGNOSTIC).start(START).build());
    assertRefused("SiteEngagement.end: a OPERATIONS engagement must have an end date",
        () -> SiteEngagement.builder().kind(EngagementKind.OPERATIONS).start(START).build());
  }

  @Test
  void onlyAnOperationsEngagementCanBeAPilot() {
    SiteEngagement pilot = SiteEngagement.builder().kind(EngagementKind.OPERATIONS).pilot(true)
        .start(LocalDate.of(2017, 6, 1)).end(LocalDate.of(2020, 6, 1)).build();
    assertTrue(pilot.isPilot());
    assertRefused("SiteEngagement.pilot: only an operations engagement can be a pilot, not"
            + " DIAGNOSTIC",
        () -> SiteEngagement.builder().from(pilot).kind(EngagementKind.DIAGNOSTIC).build());
  }

  @Test
  void refusesMissingAndNullFieldsNamingThem() {
    assertMissing("SiteEngagement.start: must be set",
        () -> SiteEngagement.builder().kind(EngagementKind.ALUMNI).build());
    assertMissing("kind: must not be null",
        () -> SiteEngagement.builder().kind(null));
  }

  @Test
  void equalEngagementsHashAlike() {
    assertValueEquality(() -> SiteEngagement.standard(EngagementKind.DIAGNOSTIC, START),
        SiteEngagement.standard(EngagementKind.OPERATIONS, START));
    assertValueEquality(() -> SiteEngagement.standard(EngagementKind.DIAGNOSTIC, START),
        SiteEngagement.standard(EngagementKind.DIAGNOSTIC, START.plusDays(1)));
  }
}
