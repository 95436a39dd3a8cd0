package org.pcop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pcop.model.ValueAssertions.assertMissing;
import static org.pcop.model.ValueAssertions.assertRefused;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.assertValueEquality;
import static org.pcop.model.ValueAssertions.violationPaths;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommunityTest {
  @Test
  void buildsAValidCommunity() {
    Community community = Fixtures.community().build();
    assertEquals(ZoneId.of("America/New_York"), community.getTimeZone());
    assertValid(community);
  }

  @Test
  void aDescriptionIsOptionalAndMayHoldLineBreaks() {
    assertValid(Fixtures.community().description(Optional.empty()).build());
    assertValid(Fixtures.community().description("Line one\nLine two\tindented").build());
  }

  @Test
  void refusesMissingRequiredFieldsNamingThem() {
    assertMissing("Community.program, Community.taxonomy, Community.timeZone: must be set",
        () -> Community.builder().id(CommunityId.of("c")).name("C").build());
  }

  @Test
  void refusesNullNamingTheField() {
    assertMissing("timeZone: must not be null", () -> Fixtures.community().timeZone(null));
  }

  @Test
  void equalCommunitiesHashAlike() {
    assertValueEquality(() -> Fixtures.community().build(),
        Fixtures.community().timeZone(ZoneId.of("America/Chicago")).build());
  }

  @Test
  void reportsEveryTypingMistakeAtOnceWithPaths() {
    Community community = Fixtures.community().name("").description("x\u001b[31m"
        + "y".repeat(4001)).build();
    assertEquals(List.of("description", "description", "name"), violationPaths(community));
  }
}
