package org.pcop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.model.ValueAssertions.assertMissing;
import static org.pcop.model.ValueAssertions.assertRefused;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.assertValueEquality;
import static org.pcop.model.ValueAssertions.violationPaths;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteTest {
  private static final SiteEngagement DIAGNOSTIC =
      SiteEngagement.standard(EngagementKind.DIAGNOSTIC, LocalDate.of(2017, 6, 1));
  private static final SiteEngagement OPERATIONS =
      SiteEngagement.standard(EngagementKind.OPERATIONS, LocalDate.of(2020, 6, 1));
  private static final SiteEngagement ALUMNI = SiteEngagement.builder()
      .kind(EngagementKind.ALUMNI).start(LocalDate.of(2023, 6, 1)).build();

  @Test
  void buildsAValidSiteWithItsHistory() {
    Site site = Fixtures.site().build();
    assertEquals(List.of(DIAGNOSTIC, OPERATIONS, ALUMNI), site.getEngagements());
    assertValid(site);
  }

  @Test
  void aSiteWithoutEngagementsIsNeverActive() {
    Site site = Fixtures.site().engagements(List.of()).build();
    assertEquals(Optional.empty(), site.engagementOn(LocalDate.of(2020, 1, 1)));
    assertFalse(site.isActiveOn(LocalDate.of(2020, 1, 1)));
  }

  @Test
  void findsTheEngagementOnADayWithEndsExclusive() {
    Site site = Fixtures.site().build();
    assertEquals(Optional.empty(), site.engagementOn(LocalDate.of(2017, 5, 31)));
    assertEquals(Optional.of(DIAGNOSTIC), site.engagementOn(LocalDate.of(2017, 6, 1)));
    assertEquals(Optional.of(DIAGNOSTIC), site.engagementOn(LocalDate.of(2020, 5, 31)));
    assertEquals(Optional.of(OPERATIONS), site.engagementOn(LocalDate.of(2020, 6, 1)));
    assertEquals(Optional.of(OPERATIONS), site.engagementOn(LocalDate.of(2023, 5, 31)));
    assertEquals(Optional.of(ALUMNI), site.engagementOn(LocalDate.of(2023, 6, 1)));
    assertEquals(Optional.of(ALUMNI), site.engagementOn(LocalDate.of(2040, 1, 1)));
  }

  @Test
  void isActiveDuringDiagnosticAndOperationsButNotAsAlumni() {
    Site site = Fixtures.site().build();
    assertFalse(site.isActiveOn(LocalDate.of(2017, 5, 31)));
    assertTrue(site.isActiveOn(LocalDate.of(2017, 6, 1)));
    assertTrue(site.isActiveOn(LocalDate.of(2023, 5, 31)));
    assertFalse(site.isActiveOn(LocalDate.of(2023, 6, 1)));
  }

  @Test
  void allowsAGapBetweenEngagements() {
    Site site = Fixtures.site().engagements(List.of(DIAGNOSTIC,
        SiteEngagement.standard(EngagementKind.OPERATIONS, LocalDate.of(2021, 1, 1)))).build();
    assertEquals(Optional.empty(), site.engagementOn(LocalDate.of(2020, 7, 1)));
    assertFalse(site.isActiveOn(LocalDate.of(2020, 7, 1)));
  }

  @Test
  void refusesOverlappingEngagements() {
    assertRefused("Site.engagements[1]: starts 2020-05-31, before the previous engagement ends"
            + " (2020-06-01); engagements must be in order and must not overlap",
        () -> Fixtures.site().engagements(List.of(DIAGNOSTIC,
            SiteEngagement.standard(EngagementKind.OPERATIONS, LocalDate.of(2020, 5, 31))))
            .build());
  }

  @Test
  void refusesEngagementsOutOfOrder() {
    assertRefused("Site.engagements[1]: starts 2017-06-01, before the previous engagement ends"
            + " (2023-06-01); engagements must be in order and must not overlap",
        () -> Fixtures.site().engagements(List.of(OPERATIONS, DIAGNOSTIC)).build());
  }

  @Test
  void refusesAnEngagementAfterAnOpenEndedOne() {
    assertRefused("Site.engagements[1]: starts 2026-01-01, before the previous engagement ends"
            + " (open-ended); engagements must be in order and must not overlap",
        () -> Fixtures.site().engagements(List.of(ALUMNI,
            SiteEngagement.standard(EngagementKind.OPERATIONS, LocalDate.of(2026, 1, 1))))
            .build());
  }

  @Test
  void refusesMissingAndNullFieldsNamingThem() {
    assertMissing("Site.name, Site.state: must be set",
        () -> Site.builder().id(SiteId.of("s")).build());
    assertMissing("state: must not be null", () -> Fixtures.site().state(null));
  }

  @Test
  void equalSitesHashAlike() {
    assertValueEquality(() -> Fixtures.site().build(),
        Fixtures.site().engagements(List.of(DIAGNOSTIC)).build());
  }

  @Test
  void reportsEveryTypingMistakeAtOnceWithPaths() {
    assertEquals(List.of("name", "state"),
        violationPaths(Fixtures.site().name("x".repeat(201)).state("Missouri").build()));
  }
}
