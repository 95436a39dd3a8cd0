package org.pcop.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.model.ValueAssertions.VALIDATOR;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.violationPaths;
import static org.pcop.model.ValueAssertions.violations;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pcop.model.Agency;
import org.pcop.model.BarAdmission;
import org.pcop.model.Fixtures;
import org.pcop.model.Member;
import org.pcop.model.MembershipStatus;
import org.pcop.model.Site;
import org.pcop.model.StatusChange;
import org.pcop.model.activity.ExchangeState;

/**
 * The validation entry point and pcop's own constraints. Each constraint is shown to produce a
 * violation on a real model accessor, so a constraint Hibernate Validator silently ignores fails
 * here.
 */
class ModelValidatorTest {
  private static Member memberWithPhone(String phone) {
    return Fixtures.member().phone(phone).build();
  }

  private static Member memberNamed(String name) {
    return Fixtures.member().name(name).build();
  }

  @Nested
  @DisplayName("@PhoneNumber")
  class PhoneNumbers {
    @ParameterizedTest(name = "accepts \"{0}\"")
    @ValueSource(strings = {"(816) 881-3555", "816-881-3555", "+1 816 881 3555",
        "+44 20 7946 0000", "(202) 307-2000", "+1 816 881 3555 x12", "(816) 881-3555 ext. 204",
        "(816) 555-0200", "(816) 555-0099"})
    void acceptsValidUsLocalAndInternationalNumbers(String phone) {
      assertValid(memberWithPhone(phone));
    }

    @ParameterizedTest(name = "refuses \"{0}\"")
    @ValueSource(strings = {"(202) 555-0143", "(816) 555-0100", "816-881-FLOW", "1-800-FLOWERS", "call me", "+1 816 881 3555 ext. two",
        "(816) 555-0199",
        "881-3555", "+1 816 881 3555 ext\u0000", "", "+44 20"})
    void refusesFictionalIncompleteOrLetteredNumbers(String phone) {
      assertEquals(List.of("phone: must be a valid phone number, for example +1 202 307 2000"),
          violations(memberWithPhone(phone)));
    }

    @Test
    void refusesInputOfMoreThan40Characters() {
      String forty = "+1 816 881 3555" + " ".repeat(25);
      assertEquals(40, forty.length());
      assertValid(memberWithPhone(forty));
      assertEquals(List.of("phone"), violationPaths(memberWithPhone(forty + " ")));
    }

    @Test
    void anAbsentPhoneIsValid() {
      assertValid(Fixtures.member().phone(Optional.empty()).build());
    }
  }

  @Nested
  @DisplayName("@PlainText")
  class PlainTexts {
    @ParameterizedTest(name = "refuses U+{0}")
    @ValueSource(strings = {"\u0000", "\u001b", "\u202e", "\u2066", "\u200f", "\ufeff",
        "\u007f", "\u0085", "\ud800", "\udc00"})
    void refusesControlFormatAndUnpairedSurrogateCharacters(String character) {
      assertEquals(List.of("name: must be plain text without control characters"),
          violations(memberNamed("Dana" + character + "Whitfield")));
    }

    @Test
    void refusesAnUnpairedSurrogateAtTheEnd() {
      assertEquals(List.of("name"), violationPaths(memberNamed("Dana\ud83d")));
    }

    @Test
    void acceptsLettersOfEveryScriptAndPairedSurrogates() {
      assertValid(memberNamed("Zoë Ngô-Đặng ☺ 𝔇𝔞𝔫𝔞 😀"));
    }

    @ParameterizedTest(name = "refuses a line break or tab in single-line text: U+{0}")
    @ValueSource(strings = {"\n", "\r", "\t"})
    void refusesLineBreaksInSingleLineText(String character) {
      assertEquals(List.of("name"), violationPaths(memberNamed("Dana" + character + "W")));
    }

    @Test
    void acceptsLineBreaksAndTabsInMultilineText() {
      assertValid(Fixtures.exchange().purpose("First line\r\nSecond line\n\tindented").build());
    }

    @Test
    void refusesOtherControlCharactersInMultilineText() {
      assertEquals(List.of("purpose: must be plain text without control characters"),
          violations(Fixtures.exchange().purpose("First line\n\u0000").build()));
    }
  }

  @Nested
  @DisplayName("@HasText")
  class HasTexts {
    @ParameterizedTest(name = "a name of \"{0}\" is blank")
    @ValueSource(strings = {"", "   ", "\u00a0\u00a0", "\u2007", "\u202f", "\u3000",
        "\u200b\u2060", "\u2028"})
    void aNameWithNothingVisibleIsBlank(String name) {
      assertEquals(List.of("name: must not be blank"),
          violations(Fixtures.member().name(name).build()));
    }

    @ParameterizedTest(name = "a name of \"{0}\" has text")
    @ValueSource(strings = {"Dana", "\u00a0Dana\u00a0", "\u00e9", "\u5f20\u4f1f",
        "\ud83d\ude00"})
    void aNameWithSomethingVisibleHasText(String name) {
      assertValid(Fixtures.member().name(name).build());
    }
  }

  @Nested
  @DisplayName("@UsJurisdiction")
  class UsJurisdictions {
    @ParameterizedTest(name = "accepts {0}")
    @ValueSource(strings = {"MO", "AL", "WY", "DC", "PR", "GU", "VI", "AS", "MP"})
    void acceptsStatesDcAndTerritories(String code) {
      assertValid(Fixtures.site().state(code).build());
      assertValid(BarAdmission.of(code, "1"));
    }

    @ParameterizedTest(name = "refuses \"{0}\"")
    @ValueSource(strings = {"mo", "Mo", "XX", "MOO", "M", "", " MO", "Missouri"})
    void refusesAnythingElse(String code) {
      Site site = Fixtures.site().state(code).build();
      assertEquals(List.of("state: must be the two-letter code of a US state, DC or territory,"
          + " for example MO"), violations(site));
    }
  }

  @Nested
  @DisplayName("Optional fields")
  class OptionalFields {
    @Test
    void anAbsentTitleIsValid() {
      assertValid(Fixtures.member().title(Optional.empty()).build());
    }

    @ParameterizedTest(name = "a present title \"{0}\" is a violation")
    @ValueSource(strings = {"", " ", "    ", "\u00a0", "\u200b", "\u3000 \u2007\u202f"})
    void aPresentBlankTitleIsAViolation(String title) {
      assertEquals(List.of("title: must not be blank"),
          violations(Fixtures.member().title(title).build()));
    }

    @Test
    void everyPresentOptionalTextMustNotBeBlank() {
      assertEquals(List.of("description: must not be blank"),
          violations(Fixtures.community().description(" \n ").build()));
      assertEquals(List.of("history[2].reason: must not be blank"),
          violations(Fixtures.membership().addHistory(StatusChange.builder()
              .status(MembershipStatus.LEFT).at(Fixtures.T0.plusSeconds(7200)).reason("")
              .build()).build()));
      assertEquals(List.of("closingReason: must not be blank"),
          violations(Fixtures.exchange().state(ExchangeState.DECLINED).closingReason("  ")
              .build()));
    }

    @Test
    void anAbsentOriIsValidAndAPresentBadOneIsNot() {
      Agency agency = Fixtures.agency().build();
      assertValid(Agency.builder().from(agency).ori(Optional.empty()).build());
      assertEquals(List.of("ori"), violationPaths(Fixtures.agency().ori("MO048").build()));
    }
  }

  @Nested
  @DisplayName("Limits")
  class LimitBoundaries {
    @Test
    void aNameOf200CharactersIsValidAnd201IsNot() {
      assertValid(memberNamed("n".repeat(Limits.NAME_MAX)));
      assertEquals(List.of("name: size must be between 0 and 200"),
          violations(memberNamed("n".repeat(Limits.NAME_MAX + 1))));
    }

    @Test
    void aTitleOf200CharactersIsValidAnd201IsNot() {
      assertValid(Fixtures.member().title("t".repeat(Limits.TITLE_MAX)).build());
      assertEquals(List.of("title"),
          violationPaths(Fixtures.member().title("t".repeat(Limits.TITLE_MAX + 1)).build()));
    }

    @Test
    void anEmailOf254CharactersIsValidAnd255IsNot() {
      // The local part may have 64 characters and a domain label 63.
      String at254 = "x".repeat(64) + "@" + "d".repeat(63) + "." + "e".repeat(63) + "."
          + "f".repeat(57) + ".org";
      assertEquals(254, at254.length());
      assertValid(Fixtures.member().email(at254).build());
      assertEquals(List.of("email: size must be between 0 and 254"),
          violations(Fixtures.member().email(at254.replace(".org", "f.org")).build()));
    }

    @Test
    void aPurposeOf4000CharactersIsValidAnd4001IsNot() {
      assertValid(Fixtures.exchange().purpose("p".repeat(Limits.LONG_TEXT_MAX)).build());
      assertEquals(List.of("purpose"), violationPaths(
          Fixtures.exchange().purpose("p".repeat(Limits.LONG_TEXT_MAX + 1)).build()));
    }
  }

  @Nested
  @DisplayName("Constraints sit where the validator sees them")
  class ConstraintPlacement {
    /**
     * Hibernate Validator ignores, without a word, constraints on accessors that are not named
     * like getters; this fails if any model accessor with a constraint is named otherwise.
     */
    @Test
    void everyConstrainedAccessorOfTheModelIsAGetter() {
      List<String> constrained = new ArrayList<>();
      List<String> misnamed = new ArrayList<>();
      for (JavaClass type : new ClassFileImporter().importPath(Path.of("target", "classes"))) {
        Class<?> c = type.reflect();
        if (!c.isInterface() || c.isAnnotation()) {
          continue;
        }
        for (Method m : c.getDeclaredMethods()) {
          if (hasConstraint(m)) {
            String name = c.getSimpleName() + "." + m.getName();
            constrained.add(name);
            if (!m.getName().matches("(get|is)[A-Z].*") || m.getParameterCount() > 0) {
              misnamed.add(name);
            }
          }
        }
      }
      assertEquals(List.of(), misnamed);
      assertTrue(constrained.size() > 40, constrained::toString);
    }

    private boolean hasConstraint(Method m) {
      return isConstraint(m.getAnnotations()) || hasConstraint(m.getAnnotatedReturnType());
    }

    private boolean hasConstraint(AnnotatedType type) {
      if (isConstraint(type.getAnnotations()) || type.isAnnotationPresent(Valid.class)) {
        return true;
      }
      if (type instanceof AnnotatedParameterizedType) {
        for (AnnotatedType arg
            : ((AnnotatedParameterizedType) type).getAnnotatedActualTypeArguments()) {
          if (hasConstraint(arg)) {
            return true;
          }
        }
      }
      return false;
    }

    private boolean isConstraint(Annotation[] annotations) {
      return Stream.of(annotations).anyMatch(a -> a instanceof Valid
          || a.annotationType().isAnnotationPresent(Constraint.class));
    }
  }

  @Nested
  @DisplayName("The entry point")
  class EntryPoint {
    @Test
    void returnsTheValueWhenItIsValid() {
      Member member = Fixtures.member().build();
      assertSame(member, VALIDATOR.requireValid(member));
    }

    @Test
    void listsEveryViolationOrderedByPathWithMessagesAndConstraintNames() {
      Member member = Fixtures.member().name("").email("dana@").phone("12").build();
      assertEquals(List.of(
              new Violation("email", "must be a well-formed email address", "Email"),
              new Violation("name", "must not be blank", "HasText"),
              new Violation("phone",
                  "must be a valid phone number, for example +1 202 307 2000", "PhoneNumber")),
          VALIDATOR.validate(member));
    }

    @Test
    void throwsWithEveryViolationNamingTheType() {
      Member member = Fixtures.member().name("").email("dana@").build();
      ModelValidationException e = assertThrows(ModelValidationException.class,
          () -> VALIDATOR.requireValid(member));
      assertEquals("Member is invalid: email: must be a well-formed email address; name: must not"
          + " be blank", e.getMessage());
      assertEquals(VALIDATOR.validate(member), e.violations());
    }

    @Test
    void refusesNull() {
      NullPointerException e = assertThrows(NullPointerException.class,
          () -> VALIDATOR.validate(null));
      assertEquals("value", e.getMessage());
    }

    @Test
    void aViolationLeavesTheTypedValueOutOfItsText() {
      Member member = Fixtures.member().email("secret-typo@").build();
      assertEquals("[email: must be a well-formed email address]",
          VALIDATOR.validate(member).toString());
    }

    @Test
    void aViolationWithoutPathNamesTheValue() {
      assertEquals("(value): broken", new Violation("", "broken", "Check").toString());
      assertThrows(NullPointerException.class, () -> new Violation(null, "m", "c"));
    }
  }
}
