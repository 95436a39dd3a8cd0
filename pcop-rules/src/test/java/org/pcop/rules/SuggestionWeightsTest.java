package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcop.model.InvalidValueException;

/**
 * The weights by name, as a recommendation rule carries them: every weight has a name, changing
 * some by name keeps the others, and a name that is not a weight, a negative weight or a
 * fractional count is refused naming it.
 */
class SuggestionWeightsTest {
  @Test
  void everyWeightHasANameAndTheNamesGiveTheWeightsBack() {
    assertEquals(AnswererWeights.NAMES, java.util.List.copyOf(
        AnswererWeights.DEFAULTS.byName().keySet()));
    assertEquals(HostWeights.NAMES, java.util.List.copyOf(HostWeights.DEFAULTS.byName().keySet()));
    assertEquals(AnswererWeights.class.getRecordComponents().length, AnswererWeights.NAMES.size());
    assertEquals(HostWeights.class.getRecordComponents().length, HostWeights.NAMES.size());
    for (int i = 0; i < AnswererWeights.NAMES.size(); i++) {
      assertEquals(AnswererWeights.class.getRecordComponents()[i].getName(),
          AnswererWeights.NAMES.get(i));
    }
    for (int i = 0; i < HostWeights.NAMES.size(); i++) {
      assertEquals(HostWeights.class.getRecordComponents()[i].getName(), HostWeights.NAMES.get(i));
    }
    assertEquals(AnswererWeights.DEFAULTS,
        AnswererWeights.DEFAULTS.with(AnswererWeights.DEFAULTS.byName()));
    assertEquals(HostWeights.DEFAULTS, HostWeights.DEFAULTS.with(HostWeights.DEFAULTS.byName()));
  }

  @Test
  void changingSomeByNameKeepsTheOthers() {
    AnswererWeights tuned = AnswererWeights.DEFAULTS.with(Map.of("diversity", 2.0,
        "acceptedCap", 7));
    assertEquals(2.0, tuned.diversity());
    assertEquals(7, tuned.acceptedCap());
    assertEquals(AnswererWeights.DEFAULTS.topicExpertise(), tuned.topicExpertise());
    HostWeights hosts = HostWeights.DEFAULTS.with(Map.of("hostedCap", 12));
    assertEquals(12, hosts.hostedCap());
    assertEquals(HostWeights.DEFAULTS.hosted(), hosts.hosted());
  }

  @Test
  void badNamesAndValuesAreRefusedNamingTheWeight() {
    InvalidValueException unknown = assertThrows(InvalidValueException.class,
        () -> AnswererWeights.DEFAULTS.with(Map.of("seniority", 1)));
    assertTrue(unknown.getMessage().startsWith("AnswererWeights.seniority: is not a weight"),
        unknown.getMessage());
    assertTrue(unknown.getMessage().contains("topicExpertise"), unknown.getMessage());
    InvalidValueException negative = assertThrows(InvalidValueException.class,
        () -> HostWeights.DEFAULTS.with(Map.of("newPairing", -0.5)));
    assertTrue(negative.getMessage().startsWith("HostWeights.newPairing:"),
        negative.getMessage());
    InvalidValueException fraction = assertThrows(InvalidValueException.class,
        () -> HostWeights.DEFAULTS.with(Map.of("practiceCap", 2.5)));
    assertTrue(fraction.getMessage().startsWith("HostWeights.practiceCap: must be a whole"),
        fraction.getMessage());
    InvalidValueException days = assertThrows(InvalidValueException.class,
        () -> AnswererWeights.DEFAULTS.with(Map.of("dormantAfterDays", 0)));
    assertTrue(days.getMessage().startsWith("AnswererWeights.dormantAfterDays:"),
        days.getMessage());
  }
}
