package org.pcop.model.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.model.ValueAssertions.assertValid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped PSP taxonomy against the program's published core areas and PCoP aims. */
class PspTaxonomyTest {
  private static final List<String> CORE_AREAS_2019 = List.of("gun violence",
      "federal partnerships", "crime analysis", "technology", "criminal justice collaboration",
      "investigations", "community engagement");
  private static final List<String> PCOP_AIMS = List.of("problem solving",
      "requests for information", "seeking experienced opinions",
      "overcoming implementation challenges", "coordination and strategy", "building an argument",
      "growing confidence", "discussing developments", "documenting projects",
      "peer exchanges and site visits", "mapping knowledge and identifying gaps");

  private static List<String> names(List<String> list) {
    return list.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toList());
  }

  private static List<String> coreAreaNames(Taxonomy t) {
    return names(t.getCoreAreas().stream().map(CoreArea::getName).collect(Collectors.toList()));
  }

  private static List<String> aimNames(Taxonomy t) {
    return names(t.getAims().stream().map(Aim::getName).collect(Collectors.toList()));
  }

  private static Taxonomy version(int n) {
    return PspTaxonomy.version(n).orElseThrow();
  }

  @Test
  void shipsTwoVersionsOldestFirst() {
    assertEquals(List.of(1, 2), PspTaxonomy.versions().stream().map(Taxonomy::getVersion)
        .collect(Collectors.toList()));
    assertEquals(Optional.empty(), PspTaxonomy.version(3));
    assertEquals(Optional.empty(), PspTaxonomy.version(0));
  }

  @Test
  void version1HasTheSevenCoreAreasOf2019() {
    assertEquals(CORE_AREAS_2019, coreAreaNames(version(1)));
  }

  @Test
  void version2AddsConstitutionalPolicingAsTheEighth() {
    List<String> eight = new ArrayList<>(CORE_AREAS_2019);
    eight.add("constitutional policing");
    assertEquals(eight, coreAreaNames(version(2)));
  }

  @Test
  void version2KeepsTheIdentifiersOfVersion1() {
    Taxonomy v1 = version(1);
    Taxonomy v2 = version(2);
    assertEquals(v1.getCoreAreas(), v2.getCoreAreas().subList(0, 7));
    assertTrue(v2.getTopics().containsAll(v1.getTopics()));
    assertEquals(v1.getId(), v2.getId());
  }

  @Test
  void bothVersionsHaveTheElevenPcopAims() {
    assertEquals(PCOP_AIMS, aimNames(version(1)));
    assertEquals(PCOP_AIMS, aimNames(version(2)));
  }

  @Test
  void everyCoreAreaHasATopic() {
    for (Taxonomy t : PspTaxonomy.versions()) {
      for (CoreArea area : t.getCoreAreas()) {
        assertTrue(t.getTopics().stream().anyMatch(topic -> topic.getCoreArea()
            .equals(area.getId())), t.getVersion() + " " + area.getName());
      }
    }
  }

  @Test
  void everyVersionIsValid() {
    PspTaxonomy.versions().forEach(t -> assertValid(t));
  }

  @Test
  void knowsWhichVersionIsInEffectOnADay() {
    assertEquals(Optional.empty(), PspTaxonomy.inEffectOn(LocalDate.of(2018, 12, 31)));
    assertEquals(Optional.of(version(1)), PspTaxonomy.inEffectOn(LocalDate.of(2019, 1, 1)));
    assertEquals(Optional.of(version(1)), PspTaxonomy.inEffectOn(LocalDate.of(2023, 12, 31)));
    assertEquals(Optional.of(version(2)), PspTaxonomy.inEffectOn(LocalDate.of(2024, 1, 1)));
    assertEquals(Optional.of(version(2)), PspTaxonomy.inEffectOn(LocalDate.of(2030, 6, 1)));
  }

  @Test
  void theCurrentVersionIsTheNewest() {
    assertSame(PspTaxonomy.versions().get(PspTaxonomy.versions().size() - 1),
        PspTaxonomy.current());
    assertEquals(8, PspTaxonomy.current().getCoreAreas().size());
  }

  @Test
  void findsCoreAreasAndTopicsById() {
    Taxonomy v2 = version(2);
    assertEquals("Constitutional policing",
        v2.coreArea(CoreAreaId.of("constitutional-policing")).orElseThrow().getName());
    assertEquals(Optional.empty(), version(1).coreArea(CoreAreaId.of("constitutional-policing")));
    assertEquals(CoreAreaId.of("gun-violence"),
        v2.topic(TopicId.of("gun-violence.nibin")).orElseThrow().getCoreArea());
    assertEquals(Optional.empty(), v2.topic(TopicId.of("no-such-topic")));
  }
}
