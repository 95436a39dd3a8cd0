package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pcop.model.MissingValueException;

/**
 * The explanation's builder and copy methods refuse a null fact by naming it, as the model's
 * builders do, and leave what they were given untouched.
 */
class ExplanationBuilderTest {
  private static final Fact CALLS = Fact.of("calls", 3);

  private static void assertNullFact(Executable call) {
    MissingValueException e = assertThrows(MissingValueException.class, call);
    assertEquals("facts element: must not be null", e.getMessage());
  }

  @Test
  void everyWayOfAddingFactsRefusesANullOne() {
    assertNullFact(() -> Explanation.builder().addFact(null));
    assertNullFact(() -> Explanation.builder().addFacts(CALLS, null));
    assertNullFact(() -> Explanation.builder().addAllFacts(Arrays.asList(CALLS, null)));
    assertNullFact(() -> Explanation.builder().facts(Arrays.asList(null, CALLS)));
  }

  @Test
  void copiesRefuseANullFactAndKeepTheOriginal() {
    ImmutableExplanation built = Explanation.builder().outcome(Outcome.PASSED).text("enough")
        .addFact(CALLS).build();
    assertNullFact(() -> built.withFacts(CALLS, null));
    assertNullFact(() -> built.withFacts(Arrays.asList(CALLS, null)));
    assertEquals(List.of(CALLS), built.getFacts());
    assertEquals(List.of(CALLS, Fact.of("days", 2)),
        built.withFacts(CALLS, Fact.of("days", 2)).getFacts());
  }

  @Test
  void aMissingOutcomeOrTextIsAMissingValueNamingTypeAndField() {
    MissingValueException e = assertThrows(MissingValueException.class,
        () -> Explanation.builder().addFact(CALLS).build());
    assertEquals("Explanation.outcome, Explanation.text: must be set", e.getMessage());
  }
}
