package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.Window;

/**
 * A count of upheld conduct flags in a window held to a maximum, alone at its edges: the count
 * and the window's first day, a dismissal, and a demotion that applies in full (no hysteresis),
 * in full and incremental evaluation alike.
 */
class UpheldFlagMeasureTest {
  private static final Instant JOINED = Scenario.at("2025-06-02T09:00");
  /** Friday 2026-04-10; a 30-day window starts on 2026-03-12. */
  private static final Instant AS_OF = Scenario.at("2026-04-10T18:00");
  private static final MemberId DANA = MemberId.of("m-dana");
  private static final RuleSet RULES = RuleSet.builder().id("flags").version(1)
      .addRule(EngagementLevelRule.builder().id(RuleId.of("levels")).community(Scenario.PCOP)
          .addLevel(Level.of("trusted", Measure.upheldConductFlags(Window.lastDays(30), 1)))
          .demotionFraction(0.5).build())
      .build();

  private static RuleResult result(Consumer<Scenario> history) {
    Scenario s = new Scenario().localAgency("a-kc", null, JOINED)
        .member("m-dana", "a-kc", JOINED)
        .membership("m-dana", MembershipRole.MEMBER, MembershipStatus.ACTIVE, JOINED);
    history.accept(s);
    RuleResult full = RuleEngine.evaluate(RULES, s.record, AS_OF, UsFederalCalendar.instance())
        .results(Subject.membership(DANA, Scenario.PCOP)).get(0);
    Scenario replay = new Scenario();
    IncrementalEvaluator incremental = IncrementalEvaluator.start(RULES, replay.record, AS_OF,
        UsFederalCalendar.instance());
    s.log.forEach(incremental::apply);
    assertEquals(Optional.of(full), incremental.result(RuleId.of("levels"),
        Subject.membership(DANA, Scenario.PCOP)));
    return full;
  }

  private static Optional<String> level(Consumer<Scenario> history) {
    return result(history).findings(LevelChange.class).stream().findFirst()
        .flatMap(LevelChange::getTo);
  }

  private static Consumer<Scenario> upheld(String... days) {
    return s -> {
      for (String day : days) {
        s.flag("m-dana", ConductFlagStatus.UPHELD, Scenario.at(day + "T11:00"));
      }
    };
  }

  @Test
  void atMostTheThresholdHolds() {
    assertEquals(Optional.of("trusted"), level(upheld()));
    assertEquals(Optional.of("trusted"), level(upheld("2026-04-01")));
    assertEquals(Optional.empty(), level(upheld("2026-04-01", "2026-04-02")));
  }

  @Test
  void aFlagBeforeTheWindowsFirstDayDoesNotCount() {
    assertEquals(Optional.of("trusted"), level(upheld("2026-03-11", "2026-04-02")));
    assertEquals(Optional.empty(), level(upheld("2026-03-12", "2026-04-02")));
  }

  @Test
  void aDismissalWithdrawsTheLatestUpheldFlag() {
    assertEquals(Optional.of("trusted"), level(upheld("2026-04-01", "2026-04-02")
        .andThen(s -> s.flag("m-dana", ConductFlagStatus.DISMISSED,
            Scenario.at("2026-04-03T09:00")))));
    assertEquals(Optional.empty(), level(upheld("2026-04-01", "2026-04-02")
        .andThen(s -> s.flag("m-dana", ConductFlagStatus.RAISED,
            Scenario.at("2026-04-03T09:00")))));
  }

  @Test
  void aMemberOverTheLimitIsDemotedWithoutHysteresisAndTheReasonSaysWhy() {
    RuleResult result = result(s -> s.levelChanged("m-dana", null, "trusted",
        Scenario.at("2026-01-05T09:00"))
        .flag("m-dana", ConductFlagStatus.UPHELD, Scenario.at("2026-04-01T11:00"))
        .flag("m-dana", ConductFlagStatus.UPHELD, Scenario.at("2026-04-02T11:00")));
    LevelChange change = result.findings(LevelChange.class).get(0);
    assertEquals(Optional.empty(), change.getTo());
    assertTrue(change.getReason().contains("is 2, beyond at most 1 upheld conduct flags"),
        change.getReason());
  }
}
