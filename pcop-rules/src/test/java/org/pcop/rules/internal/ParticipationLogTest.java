package org.pcop.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pcop.model.InvalidValueException;
import org.pcop.model.activity.ParticipationKind;

/** The compact per-member log keeps day order, recording order within a day, and versions. */
class ParticipationLogTest {
  @Test
  void appendsInDayOrderAndPacksActivityAndKind() {
    ParticipationLog log = new ParticipationLog();
    assertEquals(0, log.version());
    assertEquals(-1, log.lastPosition());
    for (int i = 0; i < 100; i++) {
      assertEquals(i, log.add(20_000 + i / 3, 1_000 + i, ParticipationKind.values()[i % 4]));
    }
    assertEquals(100, log.size());
    assertEquals(100, log.version());
    assertEquals(99, log.lastPosition());
    assertEquals(20_033, log.day(99));
    assertEquals(1_099, log.activity(99));
    assertEquals(ParticipationKind.HOSTED, log.kind(99));
    assertEquals(ParticipationKind.HOSTED.ordinal(), log.kindOrdinal(99));
  }

  @Test
  void aLateParticipationGoesToItsDayAfterThatDaysEarlierOnes() {
    ParticipationLog log = new ParticipationLog();
    log.add(10, 1, ParticipationKind.ATTENDED);
    log.add(12, 2, ParticipationKind.ATTENDED);
    log.add(12, 3, ParticipationKind.ATTENDED);
    log.add(14, 4, ParticipationKind.ATTENDED);
    assertEquals(3, log.add(12, 5, ParticipationKind.PRESENTED));
    assertEquals(3, log.lastPosition());
    assertEquals(0, log.add(9, 6, ParticipationKind.REGISTERED));
    int[] activities = new int[log.size()];
    int[] days = new int[log.size()];
    for (int i = 0; i < log.size(); i++) {
      activities[i] = log.activity(i);
      days[i] = log.day(i);
    }
    assertEquals("[6, 1, 2, 3, 5, 4]", java.util.Arrays.toString(activities));
    assertEquals("[9, 10, 12, 12, 12, 14]", java.util.Arrays.toString(days));
  }

  @Test
  void findsWindowBoundariesInclusively() {
    ParticipationLog log = new ParticipationLog();
    log.add(10, 1, ParticipationKind.ATTENDED);
    log.add(12, 2, ParticipationKind.ATTENDED);
    log.add(12, 3, ParticipationKind.ATTENDED);
    log.add(14, 4, ParticipationKind.ATTENDED);
    assertEquals(0, log.firstOnOrAfter(Integer.MIN_VALUE));
    assertEquals(0, log.firstOnOrAfter(10));
    assertEquals(1, log.firstOnOrAfter(11));
    assertEquals(1, log.firstOnOrAfter(12));
    assertEquals(3, log.firstOnOrAfter(13));
    assertEquals(4, log.firstOnOrAfter(15));
    assertEquals(0, log.endOnOrBefore(9));
    assertEquals(1, log.endOnOrBefore(10));
    assertEquals(3, log.endOnOrBefore(12));
    assertEquals(4, log.endOnOrBefore(14));
    assertEquals(4, log.endOnOrBefore(Integer.MAX_VALUE));
  }

  @Test
  void refusesAnImpossibleActivityIndexAndStaysUnchanged() {
    ParticipationLog log = new ParticipationLog();
    log.add(1, 1, ParticipationKind.ATTENDED);
    assertThrows(InvalidValueException.class, () -> log.add(2, -1, ParticipationKind.ATTENDED));
    assertThrows(InvalidValueException.class,
        () -> log.add(2, Integer.MAX_VALUE, ParticipationKind.ATTENDED));
    assertEquals(1, log.size());
    assertEquals(1, log.version());
    assertThrows(IndexOutOfBoundsException.class, () -> log.day(1));
  }
}
