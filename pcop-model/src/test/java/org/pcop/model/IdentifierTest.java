package org.pcop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.model.ValueAssertions.assertRefused;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcop.model.event.EventId;
import org.pcop.model.taxonomy.AimId;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TaxonomyId;
import org.pcop.model.taxonomy.TopicId;

/** Every typed identifier follows one rule: 1 to 64 of a small alphabet, starting alphanumeric. */
@DisplayName("Identifiers")
class IdentifierTest {
  /** One identifier type: its class and its factory. */
  record IdType(Class<?> type, Function<String, Object> of) {
    String name() {
      return type.getSimpleName();
    }

    @Override
    public String toString() {
      return name();
    }
  }

  static final List<IdType> TYPES = List.of(
      new IdType(ActivityId.class, ActivityId::of),
      new IdType(AgencyId.class, AgencyId::of),
      new IdType(CommunityId.class, CommunityId::of),
      new IdType(ExchangeId.class, ExchangeId::of),
      new IdType(MemberId.class, MemberId::of),
      new IdType(ProgramId.class, ProgramId::of),
      new IdType(ResponseId.class, ResponseId::of),
      new IdType(RfiId.class, RfiId::of),
      new IdType(SiteId.class, SiteId::of),
      new IdType(AimId.class, AimId::of),
      new IdType(CoreAreaId.class, CoreAreaId::of),
      new IdType(TaxonomyId.class, TaxonomyId::of),
      new IdType(TopicId.class, TopicId::of),
      new IdType(EventId.class, EventId::of));

  static Stream<IdType> types() {
    return TYPES.stream();
  }

  /** Impossible values with how the message shows them. */
  static Stream<Arguments> impossibleValues() {
    List<String[]> values = List.of(
        new String[] {"", ""},
        new String[] {"a".repeat(65), "a".repeat(65)},
        new String[] {"-leading-dash", "-leading-dash"},
        new String[] {"has space", "has space"},
        new String[] {"bell\u0007", "bell\\u0007"},
        new String[] {"line\nfeed", "line\\u000afeed"},
        new String[] {"slash/inside", "slash/inside"});
    return TYPES.stream().flatMap(t -> values.stream().map(v -> Arguments.of(t, v[0], v[1])));
  }

  @Test
  void theTestCoversEveryIdentifierRecordOfTheModel() {
    Set<String> records = new ClassFileImporter().importPath(Path.of("target", "classes"))
        .stream()
        .filter(c -> c.getSimpleName().endsWith("Id"))
        .map(JavaClass::reflect)
        .filter(Class::isRecord)
        .map(Class::getSimpleName)
        .collect(Collectors.toSet());
    assertEquals(records, TYPES.stream().map(IdType::name).collect(Collectors.toSet()));
    assertEquals(14, records.size());
  }

  @ParameterizedTest(name = "{0} accepts letters, digits and . _ : - up to 64 characters")
  @MethodSource("types")
  void acceptsWellFormedValuesUpTo64Characters(IdType id) {
    for (String value : List.of("a", "9", "psp.kansas-city_mo:2019", "x".repeat(64))) {
      Object made = id.of().apply(value);
      assertEquals(value, made.toString());
      assertEquals(value, componentValue(made));
    }
  }

  @ParameterizedTest(name = "{0} refuses null naming the type and field")
  @MethodSource("types")
  void refusesNull(IdType id) {
    assertRefused(id.name() + ".value: must not be null", () -> id.of().apply(null));
  }

  @ParameterizedTest(name = "{0} refuses \"{2}\"")
  @MethodSource("impossibleValues")
  void refusesImpossibleValuesShowingThem(IdType id, String value, String shown) {
    assertRefused(id.name() + ".value: must be 1 to 64 letters, digits, '.', '_', ':' or '-',"
        + " starting with a letter or digit; got \"" + shown + "\"", () -> id.of().apply(value));
  }

  @Test
  void aVeryLongValueIsShownCutShort() {
    String value = "b".repeat(1000);
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> MemberId.of(value));
    assertTrue(e.getMessage().endsWith("got \"" + "b".repeat(72) + "...\""), e.getMessage());
  }

  @ParameterizedTest(name = "{0} is equal, hashes alike and orders by its text")
  @MethodSource("types")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void equalsHashesAndOrdersByValue(IdType id) {
    Object a = id.of().apply("alpha");
    assertEquals(a, id.of().apply("alpha"));
    assertEquals(a.hashCode(), id.of().apply("alpha").hashCode());
    assertNotEquals(a, id.of().apply("beta"));
    assertTrue(((Comparable) a).compareTo(id.of().apply("beta")) < 0);
    assertTrue(((Comparable) id.of().apply("beta")).compareTo(a) > 0);
    assertEquals(0, ((Comparable) a).compareTo(id.of().apply("alpha")));
  }

  @ParameterizedTest(name = "{0} is never equal to another identifier type with the same text")
  @MethodSource("types")
  void isDistinctFromEveryOtherIdentifierType(IdType id) {
    Object mine = id.of().apply("same");
    for (IdType other : TYPES) {
      if (other != id) {
        assertNotEquals(mine, other.of().apply("same"), other.name());
      }
    }
  }

  @Test
  void randomEventIdsAreWellFormedAndDistinct() {
    EventId a = EventId.random();
    EventId b = EventId.random();
    assertNotEquals(a, b);
    assertEquals(a, EventId.of(a.value()));
  }

  private static Object componentValue(Object record) {
    try {
      return record.getClass().getRecordComponents()[0].getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theCharacterLoopAcceptsExactlyWhatTheDocumentedShapeMatches() {
    // The neighbours of every range boundary, separators, and characters that are letters or
    // digits outside ASCII, which the shape does not accept.
    char[] alphabet = "aAzZ09.-_:`@[{/ \u00e9\u0660\uff21".toCharArray();
    java.util.regex.Pattern shape = java.util.regex.Pattern.compile(
        org.pcop.model.internal.Identifiers.SHAPE);
    List<String> candidates = new java.util.ArrayList<>(List.of("", "a".repeat(63),
        "a".repeat(64), "a".repeat(65), "-" + "a".repeat(63), "a".repeat(63) + "/"));
    for (char a : alphabet) {
      candidates.add("" + a);
      for (char b : alphabet) {
        candidates.add("" + a + b);
        for (char c : alphabet) {
          candidates.add("" + a + b + c);
        }
      }
    }
    int accepted = 0;
    for (String candidate : candidates) {
      boolean matches = shape.matcher(candidate).matches();
      assertEquals(matches, org.pcop.model.internal.Identifiers.wellFormed(candidate),
          () -> "\"" + candidate + "\"");
      accepted += matches ? 1 : 0;
    }
    assertTrue(accepted > 500 && accepted < candidates.size() / 2, "both answers are tried");
  }
}
