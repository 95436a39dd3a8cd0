package org.pcop.benchmarks.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.validation.ModelValidator;

/**
 * The import rows build valid members and the generated participations, so that the validation
 * benchmark measures checking good data, the common case of a bulk import.
 */
class ImportRowsTest {
  private static final NationalCommunity HISTORY = NationalCommunity.of(4, 30, 50, 60, 2_000);

  @Test
  void rows_build_valid_members_and_the_generated_events() {
    ImportRows rows = ImportRows.of(HISTORY, 40);
    assertEquals(40, rows.memberCount());
    assertEquals(40, rows.eventCount());
    List<ParticipationRecorded> generated = new ArrayList<>();
    for (PcopEvent event : HISTORY) {
      if (event instanceof ParticipationRecorded && generated.size() < 40) {
        generated.add((ParticipationRecorded) event);
      }
    }
    try (ModelValidator validator = ModelValidator.create()) {
      for (int i = 0; i < 40; i++) {
        assertEquals(List.of(), validator.validate(rows.member(i)), "member row " + i);
        assertTrue(rows.member(i).getPhone().isPresent());
        assertEquals(generated.get(i), rows.event(i));
        assertEquals(List.of(), validator.validate(rows.event(i)), "event row " + i);
      }
    }
  }

  @Test
  void the_validator_does_report_a_bad_member() {
    ImportRows rows = ImportRows.of(HISTORY, 1);
    var bad = org.pcop.model.Member.builder().from(rows.member(0)).email("not an email").build();
    try (ModelValidator validator = ModelValidator.create()) {
      assertEquals(1, validator.validate(bad).size());
    }
  }
}
