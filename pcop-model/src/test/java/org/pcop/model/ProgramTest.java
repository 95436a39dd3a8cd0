package org.pcop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pcop.model.ValueAssertions.assertMissing;
import static org.pcop.model.ValueAssertions.assertRefused;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.assertValueEquality;
import static org.pcop.model.ValueAssertions.violationPaths;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProgramTest {
  @Test
  void buildsAValidProgram() {
    Program program = Fixtures.program().build();
    assertEquals(Set.of(CommunityId.of("pcop")), program.getCommunities());
    assertValid(program);
  }

  @Test
  void refusesAProgramWithoutACommunity() {
    assertRefused("Program.communities: a program has at least one community",
        () -> Fixtures.program().communities(List.of()).build());
  }

  @Test
  void refusesMissingAndNullFieldsNamingThem() {
    assertMissing("Program.id, Program.name: must be set",
        () -> Program.builder().addCommunity(CommunityId.of("pcop")).build());
    assertMissing("name: must not be null", () -> Fixtures.program().name(null));
  }

  @Test
  void equalProgramsHashAlike() {
    assertValueEquality(() -> Fixtures.program().build(),
        Fixtures.program().addSite(SiteId.of("memphis-tn")).build());
  }

  @Test
  void reportsEveryTypingMistakeAtOnceWithPaths() {
    assertEquals(List.of("name", "name"),
        violationPaths(Fixtures.program().name("\u202e" + "x".repeat(200)).build()));
  }
}
