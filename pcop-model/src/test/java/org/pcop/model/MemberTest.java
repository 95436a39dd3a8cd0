package org.pcop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.model.ValueAssertions.VALIDATOR;
import static org.pcop.model.ValueAssertions.assertMissing;
import static org.pcop.model.ValueAssertions.assertRefused;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.assertValueEquality;
import static org.pcop.model.ValueAssertions.violationPaths;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.model.validation.ModelValidationException;

class MemberTest {
  @Test
  void buildsAValidMember() {
    Member member = Fixtures.member().build();
    assertEquals("Dana Whitfield", member.getName());
    assertEquals(Set.of(TopicId.of("gun-violence.nibin")), member.getExpertise());
    assertValid(member);
  }

  @Test
  void needsNoTitlePhoneBarAdmissionOrExpertise() {
    Member member = Member.builder().id(MemberId.of("m-1")).name("Dana Whitfield")
        .agency(AgencyId.of("a-kc")).email("dana@jacksongov.example.org").build();
    assertEquals(Optional.empty(), member.getTitle());
    assertEquals(Optional.empty(), member.getPhone());
    assertEquals(List.of(), member.getBarAdmissions());
    assertValid(member);
  }

  @Test
  void refusesMissingFieldsNamingThem() {
    assertMissing("Member.name, Member.email: must be set",
        () -> Member.builder().id(MemberId.of("m-1")).agency(AgencyId.of("a-1")).build());
    // The README's member without agency and email: a MissingValueException, not a bare
    // InvalidValueException, naming the type and both fields.
    assertMissing("Member.agency, Member.email: must be set",
        () -> Member.builder().id(MemberId.of("m-17")).name("Jordan Reyes")
            .title("Assistant District Attorney").phone("+1 901 222 1300").build());
  }

  @Test
  void refusesNullNamingTheField() {
    assertMissing("email: must not be null", () -> Fixtures.member().email(null));
    assertMissing("agency: must not be null", () -> Fixtures.member().agency(null));
    assertMissing("phone: must not be null", () -> Fixtures.member().phone((String) null));
  }

  @Test
  void refusesTwoAdmissionsToTheSameBar() {
    assertRefused("Member.barAdmissions[1]: a second admission to the MO bar; a member has one bar"
            + " number per jurisdiction",
        () -> Fixtures.member().addBarAdmission(BarAdmission.of("MO", "1234")).build());
  }

  @Test
  void acceptsAdmissionsToSeveralBars() {
    Member member = Fixtures.member().addBarAdmission(BarAdmission.of("KS", "1234")).build();
    assertEquals(2, member.getBarAdmissions().size());
  }

  @Test
  void equalMembersHashAlike() {
    assertValueEquality(() -> Fixtures.member().build(),
        Fixtures.member().name("Dana W. Whitfield").build());
    assertValueEquality(() -> Fixtures.member().build(),
        Fixtures.member().addExpertise(TopicId.of("technology.digital-evidence")).build());
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
    assertEquals(List.of("barAdmissions[0].jurisdiction", "barAdmissions[0].number", "email",
        "name", "phone", "title"), violationPaths(member));
    ModelValidationException e = assertThrows(ModelValidationException.class,
        () -> VALIDATOR.requireValid(member));
    assertEquals(6, e.violations().size());
    assertTrue(e.getMessage().startsWith("Member is invalid: barAdmissions[0].jurisdiction: must be"
        + " the two-letter code"), e.getMessage());
  }
}
