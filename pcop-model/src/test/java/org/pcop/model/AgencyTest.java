package org.pcop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.model.ValueAssertions.assertMissing;
import static org.pcop.model.ValueAssertions.assertRefused;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.assertValueEquality;
import static org.pcop.model.ValueAssertions.violationPaths;
import static org.pcop.model.ValueAssertions.violations;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgencyTest {
  /** The levels each kind of office can prosecute at. */
  private static final Map<AgencyKind, Set<JurisdictionLevel>> LEVELS = Map.of(
      AgencyKind.DISTRICT_OR_COUNTY_ATTORNEY,
      EnumSet.of(JurisdictionLevel.LOCAL, JurisdictionLevel.STATE),
      AgencyKind.CITY_ATTORNEY, EnumSet.of(JurisdictionLevel.LOCAL),
      AgencyKind.ATTORNEY_GENERAL, EnumSet.of(JurisdictionLevel.STATE),
      AgencyKind.US_ATTORNEYS_OFFICE, EnumSet.of(JurisdictionLevel.FEDERAL),
      AgencyKind.TRIBAL_PROSECUTOR, EnumSet.of(JurisdictionLevel.TRIBAL));

  static Stream<Arguments> everyKindAndLevel() {
    return Stream.of(AgencyKind.values()).flatMap(
        k -> Stream.of(JurisdictionLevel.values()).map(l -> Arguments.of(k, l)));
  }

  @Test
  void buildsAValidAgency() {
    Agency agency = Fixtures.agency().build();
    assertEquals(Optional.of("MO0480000"), agency.getOri());
    assertEquals(Optional.of(SiteId.of("kansas-city-mo")), agency.getSite());
    assertValid(agency);
  }

  @Test
  void anOfficeWithoutOriOrSiteIsValid() {
    Agency agency = Agency.builder().from(Fixtures.agency().build())
        .ori(Optional.empty()).site(Optional.empty()).build();
    assertEquals(Optional.empty(), agency.getOri());
    assertValid(agency);
  }

  @Test
  void refusesMissingRequiredFieldsNamingThem() {
    assertMissing("Agency.name, Agency.kind, Agency.jurisdictionLevel, Agency.state: must be set",
        () -> Agency.builder().id(AgencyId.of("a-1")).build());
  }

  @Test
  void refusesNullFieldsNamingThem() {
    assertMissing("name: must not be null", () -> Fixtures.agency().name(null));
    assertMissing("kind: must not be null", () -> Fixtures.agency().kind(null));
    assertMissing("ori: must not be null", () -> Fixtures.agency().ori((String) null));
  }

  @ParameterizedTest(name = "{0} at the {1} level")
  @MethodSource("everyKindAndLevel")
  void refusesAKindThatContradictsTheJurisdictionLevel(AgencyKind kind, JurisdictionLevel level) {
    if (LEVELS.get(kind).contains(level)) {
      Agency agency = Fixtures.agency().kind(kind).jurisdictionLevel(level).build();
      assertEquals(level, agency.getJurisdictionLevel());
    } else {
      InvalidValueException e = assertThrows(InvalidValueException.class,
          () -> Fixtures.agency().kind(kind).jurisdictionLevel(level).build());
      assertTrue(e.getMessage().startsWith("Agency.jurisdictionLevel: " + level
          + " contradicts the kind " + kind + ": "), e.getMessage());
    }
  }

  @Test
  void explainsWhyAUsAttorneysOfficeMustBeFederal() {
    assertRefused("Agency.jurisdictionLevel: STATE contradicts the kind US_ATTORNEYS_OFFICE:"
            + " a US Attorney's Office is federal and only it is",
        () -> Fixtures.agency().kind(AgencyKind.US_ATTORNEYS_OFFICE)
            .jurisdictionLevel(JurisdictionLevel.STATE).build());
    assertRefused("Agency.jurisdictionLevel: FEDERAL contradicts the kind"
            + " DISTRICT_OR_COUNTY_ATTORNEY: a US Attorney's Office is federal and only it is",
        () -> Fixtures.agency().jurisdictionLevel(JurisdictionLevel.FEDERAL).build());
    assertRefused("Agency.jurisdictionLevel: LOCAL contradicts the kind TRIBAL_PROSECUTOR:"
            + " a tribal prosecutor is tribal",
        () -> Fixtures.agency().kind(AgencyKind.TRIBAL_PROSECUTOR).build());
  }

  @Test
  void acceptsANineCharacterOri() {
    assertValid(Fixtures.agency().ori("MO0480000").build());
    assertValid(Fixtures.agency().ori("DCMPD0000").build());
  }

  @ParameterizedTest(name = "refuses the ORI \"{0}\"")
  @ValueSource(strings = {"MO048000", "MO04800000", "mo0480000", "M00480000", "MO048000-", ""})
  void refusesAnOriOfAnotherShape(String ori) {
    assertEquals(List.of("ori: must be an ORI: 9 characters, a two-letter state code then 7 letters"
        + " or digits"), violations(Fixtures.agency().ori(ori).build()));
  }

  @Test
  void equalAgenciesHashAlike() {
    assertValueEquality(() -> Fixtures.agency().build(), Fixtures.agency().ori("MO0480100").build());
    assertValueEquality(() -> Fixtures.agency().build(),
        Fixtures.agency().site(Optional.empty()).build());
  }

  @Test
  void reportsEveryTypingMistakeAtOnceWithPaths() {
    Agency agency = Fixtures.agency().name(" ").state("Mo").ori("MO-48").build();
    assertEquals(List.of("name", "ori", "state"), violationPaths(agency));
  }
}
