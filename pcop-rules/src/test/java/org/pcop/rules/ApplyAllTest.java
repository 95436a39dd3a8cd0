package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.RuleSet;

/** Loading a history at once leaves the record as applying its events one at a time does. */
class ApplyAllTest {
  private static final RuleSet RULES = DefaultRules.forCommunity(Scenario.PCOP);

  private static List<PcopEvent> history(long seed) {
    Random random = new Random(seed);
    List<Integer> choices = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      choices.add(random.nextInt(100_000));
    }
    return RandomHistory.of(choices);
  }

  @Test
  void theRecordEqualsOneBuiltEventByEvent() {
    for (long seed = 1; seed <= 5; seed++) {
      List<PcopEvent> log = history(seed);
      EngagementRecord one = EngagementRecord.of(Scenario.COMMUNITY);
      log.forEach(one::apply);
      EngagementRecord all = EngagementRecord.of(Scenario.COMMUNITY);
      assertEquals(log.size(), all.applyAll(log));
      assertEquals(one.eventCount(), all.eventCount());
      Instant asOf = log.get(log.size() - 1).getOccurredAt();
      assertEquals(RuleEngine.evaluate(RULES, one, asOf, UsFederalCalendar.instance()),
          RuleEngine.evaluate(RULES, all, asOf, UsFederalCalendar.instance()), "seed " + seed);
      for (int m = 0; m < 8; m++) {
        MemberId member = MemberId.of("m-" + m);
        assertEquals(one.memberVersion(member), all.memberVersion(member), member + "");
      }
    }
  }

  @Test
  void anEventThatDoesNotFitIsNamedAndStopsTheLoadWhereItIs() {
    List<PcopEvent> log = history(3);
    // The same events twice: the first repeat of a registration does not fit.
    List<PcopEvent> twice = new ArrayList<>(log);
    twice.addAll(log);
    EngagementRecord record = EngagementRecord.of(Scenario.COMMUNITY);
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> record.applyAll(twice));
    assertTrue(e.getMessage().startsWith("EngagementRecord.applyAll: event "), e.getMessage());
    long stoppedAt = record.eventCount();
    assertTrue(stoppedAt >= log.size(), "everything before it stayed applied: " + stoppedAt);
    assertTrue(e.getMessage().contains("event " + stoppedAt + " ("
        + twice.get((int) stoppedAt).getEventId() + "): "), e.getMessage());
    assertEquals(InvalidValueException.class, e.getCause().getClass());
  }

  @Test
  void nullsAreRefusedByPosition() {
    EngagementRecord record = EngagementRecord.of(Scenario.COMMUNITY);
    List<PcopEvent> withNull = new ArrayList<>(history(2).subList(0, 3));
    withNull.add(null);
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> record.applyAll(withNull));
    assertEquals("EngagementRecord.applyAll: event 3 is null", e.getMessage());
    assertEquals(3, record.eventCount());
    assertThrows(InvalidValueException.class, () -> record.applyAll(null));
    assertEquals(0, EngagementRecord.of(Scenario.COMMUNITY).applyAll(Arrays.asList()));
  }
}
