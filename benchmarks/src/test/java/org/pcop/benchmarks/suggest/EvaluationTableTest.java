package org.pcop.benchmarks.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table reads back what it writes, and refuses a broken row naming its line. */
class EvaluationTableTest {
  private static final EvaluationTable TABLE = new EvaluationTable(List.of(
      new EvaluationTable.Row("who answers", "pcop", 12, 0.25, 0.5, 0.583, 0.401),
      new EvaluationTable.Row("which site hosts", "random", 3, 0, 0.333, 1, 0.5)));

  @Test
  void whatIsRenderedParsesBackAmidOtherText() {
    List<String> text = new ArrayList<>(List.of("# Figures", ""));
    text.addAll(TABLE.render());
    text.addAll(List.of("", "After the table."));
    assertEquals(TABLE, EvaluationTable.parse(text));
    assertEquals("| who answers | pcop | 12 | 0.250 | 0.500 | 0.583 | 0.401 |",
        TABLE.render().get(2));
  }

  @Test
  void aBrokenRowOrAMissingHeaderIsRefused() {
    List<String> text = new ArrayList<>(TABLE.render());
    text.set(3, "| which site hosts | random | 3 | 0.000 | many | 1.000 | 0.500 |");
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> EvaluationTable.parse(text));
    assertTrue(bad.getMessage().contains("line 4"), bad.getMessage());
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> EvaluationTable.parse(List.of("no table")));
    assertTrue(none.getMessage().contains("header"), none.getMessage());
  }
}
