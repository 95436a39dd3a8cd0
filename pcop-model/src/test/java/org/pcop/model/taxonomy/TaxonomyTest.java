package org.pcop.model.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pcop.model.ValueAssertions.assertMissing;
import static org.pcop.model.ValueAssertions.assertRefused;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.assertValueEquality;
import static org.pcop.model.ValueAssertions.violationPaths;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pcop.model.Fixtures;

class TaxonomyTest {
  private static final CoreAreaId GUNS = CoreAreaId.of("gun-violence");

  @Test
  void buildsAValidTaxonomy() {
    Taxonomy t = Fixtures.taxonomy().build();
    assertEquals(1, t.getVersion());
    assertValid(t);
  }

  @Test
  void refusesAVersionBelowOne() {
    assertRefused("Taxonomy.version: must be 1 or more, not 0",
        () -> Fixtures.taxonomy().version(0).build());
  }

  @Test
  void refusesDuplicateIds() {
    assertRefused("Taxonomy.coreAreas[1]: duplicate core area id gun-violence",
        () -> Fixtures.taxonomy().addCoreArea(CoreArea.of(GUNS, "Guns again")).build());
    assertRefused("Taxonomy.topics[1]: duplicate topic id gun-violence.nibin",
        () -> Fixtures.taxonomy().addTopic(Topic.of(TopicId.of("gun-violence.nibin"), "Again",
            GUNS)).build());
    assertRefused("Taxonomy.aims[1]: duplicate aim id problem-solving",
        () -> Fixtures.taxonomy().addAim(Aim.of(AimId.of("problem-solving"), "Again")).build());
  }

  @Test
  void refusesATopicOfACoreAreaTheVersionLacks() {
    assertRefused("Taxonomy.topics[1].coreArea: topic tech.x names core area technology, which"
            + " this version lacks",
        () -> Fixtures.taxonomy().addTopic(Topic.of(TopicId.of("tech.x"), "X",
            CoreAreaId.of("technology"))).build());
  }

  @Test
  void refusesMissingAndNullFieldsNamingThem() {
    assertMissing("Taxonomy.version, Taxonomy.name, Taxonomy.effective: must be set",
        () -> Taxonomy.builder().id(TaxonomyId.of("t")).build());
    assertMissing("effective: must not be null", () -> Fixtures.taxonomy().effective(null));
  }

  @Test
  void equalTaxonomiesHashAlike() {
    assertValueEquality(() -> Fixtures.taxonomy().build(), Fixtures.taxonomy().version(2).build());
  }

  @Test
  void reportsEveryTypingMistakeAtOnceWithPaths() {
    Taxonomy t = Fixtures.taxonomy().name("")
        .addCoreArea(CoreArea.of(CoreAreaId.of("tech"), "Tech\u0000"))
        .addTopic(Topic.of(TopicId.of("tech.a"), "a".repeat(201), CoreAreaId.of("tech")))
        .addAim(Aim.of(AimId.of("aim-2"), " "))
        .build();
    assertEquals(List.of("aims[1].name", "coreAreas[1].name", "name", "topics[1].name"),
        violationPaths(t));
  }

  @Nested
  @DisplayName("CoreArea, Topic and Aim")
  class Entries {
    @Test
    void buildValidEntries() {
      assertValid(CoreArea.of(GUNS, "Gun violence"));
      assertValid(Topic.of(TopicId.of("gun-violence.nibin"), "NIBIN", GUNS));
      assertValid(Aim.of(AimId.of("problem-solving"), "Problem solving"));
    }

    @Test
    void refuseNullNamingTheField() {
      assertMissing("name: must not be null", () -> CoreArea.of(GUNS, null));
      assertMissing("id: must not be null", () -> CoreArea.of(null, "Gun violence"));
      assertMissing("coreArea: must not be null", () -> Topic.of(TopicId.of("t"), "T", null));
      assertMissing("name: must not be null", () -> Aim.of(AimId.of("a"), null));
    }

    @Test
    void equalEntriesHashAlike() {
      assertValueEquality(() -> CoreArea.of(GUNS, "Gun violence"), CoreArea.of(GUNS, "Guns"));
      assertValueEquality(() -> Topic.of(TopicId.of("t"), "T", GUNS),
          Topic.of(TopicId.of("t"), "T", CoreAreaId.of("technology")));
      assertValueEquality(() -> Aim.of(AimId.of("a"), "A"), Aim.of(AimId.of("b"), "A"));
    }

    @Test
    void reportTheirTypingMistakes() {
      assertEquals(List.of("name"), violationPaths(CoreArea.of(GUNS, "")));
      assertEquals(List.of("name", "name"),
          violationPaths(Topic.of(TopicId.of("t"), "\u202e" + "t".repeat(200), GUNS)));
      assertEquals(List.of("name"), violationPaths(Aim.of(AimId.of("a"), "line\nbreak")));
    }
  }
}
