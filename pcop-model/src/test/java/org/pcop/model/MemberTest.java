package org.pcop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pcop.model.validation.ModelValidationException;
import org.pcop.model.validation.ModelValidator;
import org.pcop.model.validation.Violation;

class MemberTest {
  private static final ModelValidator VALIDATOR = ModelValidator.create();

  @Test
  void buildsAValidMember() {
    Member member = Fixtures.member().build();
    assertEquals("Dana Whitfield", member.getName());
    assertEquals(List.of(), VALIDATOR.validate(member));
  }

  @Test
  void refusesAMissingName() {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> Member.builder().id(MemberId.of("m-1")).agency(AgencyId.of("a-1")).email("a@b.org")
            .build());
    assertTrue(e.getMessage().contains("name"), e.getMessage());
  }

  @Test
  void refusesANullEmail() {
    MissingValueException e = assertThrows(MissingValueException.class,
        () -> Fixtures.member().email(null));
    assertEquals("email: must not be null", e.getMessage());
  }

  @Test
  void refusesTwoAdmissionsToTheSameBar() {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> Fixtures.member().addBarAdmission(BarAdmission.of("MO", "1234")).build());
    assertEquals("Member.barAdmissions[1]: a second admission to the MO bar; a member has one bar"
        + " number per jurisdiction", e.getMessage());
  }

  @Test
  void equalMembersHashAlike() {
    Member a = Fixtures.member().build();
    Member b = Fixtures.member().build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Fixtures.member().name("Dana W. Whitfield").build());
  }

  @Test
  void reportsEveryViolationAtOnceWithPaths() {
    Member member = Fixtures.member()
        .name(" ")
        .email("not an email")
        .phone("555-0100")
        .barAdmissions(List.of(BarAdmission.of("XX", "12 34")))
        .title("x".repeat(201))
        .build();
    List<Violation> violations = VALIDATOR.validate(member);
    assertEquals(List.of("barAdmissions[0].jurisdiction", "barAdmissions[0].number", "email",
            "name", "phone", "title"),
        violations.stream().map(Violation::path).collect(Collectors.toList()), violations::toString);
    ModelValidationException e = assertThrows(ModelValidationException.class,
        () -> VALIDATOR.requireValid(member));
    assertEquals(6, e.violations().size());
    assertTrue(e.getMessage().startsWith("Member is invalid: barAdmissions[0].jurisdiction: must be"
        + " the two-letter code"), e.getMessage());
  }
}
