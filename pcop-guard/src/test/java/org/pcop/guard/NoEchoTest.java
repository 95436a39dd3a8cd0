package org.pcop.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcop.guard.spi.CaseFactDetector;

/**
 * No finding, message or exception repeats the text found: they name the field, the kind and
 * the offsets only.
 */
class NoEchoTest {
  private static final String SECRET = "Victim Keisha Okafor, SSN 123-45-6789, DOB 04/12/1988,"
      + " lives at 1420 W Elm Street; State v. Marcus Reed, 2026-CR-0042.";

  private static void assertNoneHeld(String where, String said, String text, Finding f) {
    String found = text.substring(f.start(), f.end());
    assertFalse(said.contains(found), where + " repeats the text found: " + said);
  }

  @Test
  void findingsOfTheWholeCorpusNeverHoldTheTextFound() {
    CaseFactGuard guard = CaseFactGuard.standard();
    int checked = 0;
    for (Corpus.Text text : Corpus.load()) {
      for (Finding f : guard.scan("question", text.text())) {
        assertNoneHeld("describe()", f.describe(), text.text(), f);
        assertNoneHeld("toString()", f.toString(), text.text(), f);
        assertNoneHeld("kind()", f.kind(), text.text(), f);
        assertNoneHeld("kindDescription()", f.kindDescription(), text.text(), f);
        assertNoneHeld("field()", f.field(), text.text(), f);
        checked++;
      }
    }
    assertFalse(checked < 300, "only " + checked + " findings were checked");
  }

  @Test
  void aFailingDetectorsExceptionIsNotPassedOn() {
    CaseFactDetector leaky = new CaseFactDetector() {
      @Override
      public String kind() {
        return "leaky";
      }

      @Override
      public String description() {
        return "a leaky thing";
      }

      @Override
      public void detect(String text, Matches matches) {
        throw new IllegalStateException("cannot parse " + text);
      }
    };
    CaseFactGuard guard = CaseFactGuard.standard().with(leaky);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> guard.scan("purpose", SECRET));
    assertFalse(e.getMessage().contains("Okafor"), e.getMessage());
    assertNull(e.getCause(), "the cause would carry the text");
    assertEquals("case-fact detector " + leaky.getClass().getName() + " (kind leaky) failed on"
        + " field \"purpose\" with java.lang.IllegalStateException", e.getMessage());
  }

  @Test
  void aDetectorsOwnArgumentExceptionIsNotPassedOnEither() {
    CaseFactDetector sly = new CaseFactDetector() {
      @Override
      public String kind() {
        return "sly";
      }

      @Override
      public String description() {
        return "a sly thing";
      }

      @Override
      public void detect(String text, Matches matches) {
        throw new IllegalArgumentException("offsets of " + text);
      }
    };
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> CaseFactGuard.standard().with(sly).scan("notes", SECRET));
    assertFalse(e.getMessage().contains("Okafor"), e.getMessage());
    assertNull(e.getCause());
  }

  @Test
  void offsetsOutsideTheTextAreNamedWithoutTheText() {
    CaseFactDetector wrong = new CaseFactDetector() {
      @Override
      public String kind() {
        return "wrong-offsets";
      }

      @Override
      public String description() {
        return "a thing";
      }

      @Override
      public void detect(String text, Matches matches) {
        matches.add(5, text.length() + 3);
      }
    };
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> CaseFactGuard.standard().with(wrong).scan("notes", SECRET));
    assertEquals("case-fact detector " + wrong.getClass().getName() + " (kind wrong-offsets)"
        + " reported offsets 5 to " + (SECRET.length() + 3) + " are outside a text of "
        + SECRET.length() + " characters in field \"notes\"", e.getMessage());
    assertNull(e.getCause());
  }

  @Test
  void aBadFieldNameIsNotRepeatedEither() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CaseFactGuard.standard().scan("SSN 123-45-6789\n", SECRET));
    assertFalse(e.getMessage().contains("6789"), e.getMessage());
    assertEquals(List.of(), CaseFactGuard.standard().problems());
  }
}
