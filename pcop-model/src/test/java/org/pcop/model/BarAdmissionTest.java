package org.pcop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pcop.model.ValueAssertions.assertMissing;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.assertValueEquality;
import static org.pcop.model.ValueAssertions.violationPaths;
import static org.pcop.model.ValueAssertions.violations;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BarAdmissionTest {
  @Test
  void buildsAValidAdmission() {
    BarAdmission admission = BarAdmission.of("MO", "58213");
    assertEquals("MO", admission.getJurisdiction());
    assertEquals("58213", admission.getNumber());
    assertValid(admission);
  }

  @ParameterizedTest(name = "accepts the bar number \"{0}\"")
  @ValueSource(strings = {"1", "A-1234", "P12345", "12345678901234567890"})
  void acceptsBarNumbersOfUpTo20LettersDigitsAndInnerHyphens(String number) {
    assertValid(BarAdmission.of("NY", number));
  }

  @ParameterizedTest(name = "refuses the bar number \"{0}\"")
  @ValueSource(strings = {"", "-123", "123-", "12 34", "123456789012345678901", "12/34"})
  void refusesBarNumbersOfAnotherShape(String number) {
    assertEquals(List.of("number: must be a bar number: 1 to 20 letters, digits and inner"
        + " hyphens"), violations(BarAdmission.of("NY", number)));
  }

  @Test
  void refusesNullNamingTheField() {
    assertMissing("jurisdiction: must not be null", () -> BarAdmission.of(null, "1"));
    assertMissing("number: must not be null", () -> BarAdmission.of("MO", null));
  }

  @Test
  void equalAdmissionsHashAlike() {
    assertValueEquality(() -> BarAdmission.of("MO", "58213"), BarAdmission.of("KS", "58213"));
    assertValueEquality(() -> BarAdmission.of("MO", "58213"), BarAdmission.of("MO", "58214"));
  }

  @Test
  void reportsEveryTypingMistakeAtOnceWithPaths() {
    assertEquals(List.of("jurisdiction", "number"), violationPaths(BarAdmission.of("ZZ", "1 2")));
  }
}
