package org.pcop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pcop.model.ValueAssertions.assertMissing;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.assertValueEquality;
import static org.pcop.model.ValueAssertions.violationPaths;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CaseReferenceTest {
  @Test
  void buildsAValidReference() {
    CaseReference ref = CaseReference.of("cms:case/2026/000123", "CR-2026-000123");
    assertEquals("cms:case/2026/000123", ref.getHandle());
    assertEquals("CR-2026-000123", ref.getLabel());
    assertValid(ref);
  }

  @Test
  void holdsAHandleAndALabelAndNothingElse() {
    Set<String> accessors = Stream.of(CaseReference.class.getDeclaredMethods())
        .filter(m -> m.getParameterCount() == 0 && !m.isDefault()
            && !Modifier.isStatic(m.getModifiers()))
        .map(Method::getName)
        .collect(Collectors.toSet());
    assertEquals(Set.of("getHandle", "getLabel"), accessors);
  }

  @Test
  void refusesNullNamingTheField() {
    assertMissing("handle: must not be null", () -> CaseReference.of(null, "label"));
    assertMissing("label: must not be null", () -> CaseReference.of("h-1", null));
  }

  @Test
  void equalReferencesHashAlike() {
    assertValueEquality(() -> CaseReference.of("h-1", "CR-1"), CaseReference.of("h-2", "CR-1"));
    assertValueEquality(() -> CaseReference.of("h-1", "CR-1"), CaseReference.of("h-1", "CR-2"));
  }

  @Test
  void acceptsAHandleOf128CharactersAndRefuses129() {
    assertValid(CaseReference.of("h".repeat(128), "CR-1"));
    assertEquals(List.of("handle"), violationPaths(CaseReference.of("h".repeat(129), "CR-1")));
  }

  @Test
  void reportsEveryTypingMistakeAtOnceWithPaths() {
    assertEquals(List.of("handle", "label"),
        violationPaths(CaseReference.of("h\u0000", "x".repeat(201))));
  }
}
