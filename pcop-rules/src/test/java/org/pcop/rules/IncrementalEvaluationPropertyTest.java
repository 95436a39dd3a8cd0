package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.CoverageRule;
import org.pcop.rules.definition.DormancyRule;
import org.pcop.rules.definition.EligibilityRule;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.PointsRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.ServiceLevelKind;
import org.pcop.rules.definition.ServiceLevelRule;
import org.pcop.rules.definition.Window;

/**
 * Incremental evaluation, which re-evaluates only the subjects an event may affect, gives the
 * same evaluation as a full evaluation of the same events, over random valid histories.
 */
class IncrementalEvaluationPropertyTest {
  /** Rules tight enough that a short random history crosses their thresholds. */
  static final RuleSet RULES = RuleSet.builder().id("property").version(1)
      .addRule(EligibilityRule.builder().id(RuleId.of("eligibility"))
          .community(Scenario.PCOP).alumniYears(1).build())
      .addRule(EngagementLevelRule.builder().id(RuleId.of("levels")).community(Scenario.PCOP)
          .addLevel(Level.of("active",
              Measure.attendanceRatio(ActivityKind.MEETING, Window.lastDays(30), 0.5, 3),
              Measure.distinctDays(Window.lastDays(30), 2)))
          .addLevel(Level.of("mentor",
              Measure.participations(Window.lastDays(60), 2, ParticipationKind.PRESENTED),
              Measure.distinctSites(Window.allTime(), 2),
              Measure.distinctAgencies(Window.allTime(), 1),
              Measure.distinctActivities(Window.lastDays(60), 3),
              Measure.tenureDays(10),
              Measure.noUpheldConductFlag()))
          .demotionFraction(0.6).graceDays(5).build())
      .addRule(PointsRule.builder().id(RuleId.of("points")).community(Scenario.PCOP)
          .putPointsPerKind(ParticipationKind.ATTENDED, 1)
          .putPointsPerKind(ParticipationKind.PRESENTED, 5)
          .capPerPeriod(6).capPeriod(CalendarPeriod.WEEK).halfLifeDays(20)
          .leaderboardSize(3).build())
      .addRule(ServiceLevelRule.builder().id(RuleId.of("rfi")).community(Scenario.PCOP)
          .obligation(ServiceLevelKind.RFI_FIRST_RESPONSE).days(2).businessDays(true).build())
      .addRule(ServiceLevelRule.builder().id(RuleId.of("approval")).community(Scenario.PCOP)
          .obligation(ServiceLevelKind.EXCHANGE_APPROVAL).days(3).build())
      .addRule(ServiceLevelRule.builder().id(RuleId.of("report")).community(Scenario.PCOP)
          .obligation(ServiceLevelKind.FOLLOW_UP_REPORT).days(2).build())
      .addRule(ExchangePolicyRule.builder().id(RuleId.of("policy")).community(Scenario.PCOP)
          .hostCapacity(1).capacityPeriod(CalendarPeriod.MONTH)
          .travelFundingCap(new BigDecimal("10000")).build())
      .addRule(CoverageRule.builder().id(RuleId.of("coverage")).community(Scenario.PCOP)
          .minExperts(2).matrixWindow(Window.lastDays(20)).build())
      .addRule(DormancyRule.builder().id(RuleId.of("dormancy")).community(Scenario.PCOP)
          .days(7).build())
      .build();

  @Property(tries = 150)
  void incrementalEqualsFull(@ForAll @Size(max = 120) List<@IntRange(min = 0,
      max = 100_000) Integer> choices, @ForAll @IntRange(min = 0, max = 90) int asOfDays) {
    List<PcopEvent> log = RandomHistory.of(choices);
    Instant asOf = RandomHistory.START.plusSeconds(86_400L * asOfDays + 4321);
    IncrementalEvaluator incremental = IncrementalEvaluator.start(RULES,
        EngagementRecord.of(Scenario.COMMUNITY), asOf, UsFederalCalendar.instance());
    int half = log.size() / 2;
    for (int i = 0; i < log.size(); i++) {
      incremental.apply(log.get(i));
      if (i == half || i == log.size() - 1) {
        assertSame(full(log.subList(0, i + 1), asOf), incremental.evaluation(),
            "after " + (i + 1) + " of " + log.size() + " events");
      }
    }
  }

  @Property(tries = 30)
  void advancingTheClockEqualsAFreshFullEvaluation(@ForAll @Size(max = 80) List<@IntRange(
      min = 0, max = 100_000) Integer> choices, @ForAll @IntRange(min = 0, max = 90) int from,
      @ForAll @IntRange(min = 0, max = 90) int to) {
    List<PcopEvent> log = RandomHistory.of(choices);
    IncrementalEvaluator incremental = IncrementalEvaluator.start(RULES,
        EngagementRecord.of(Scenario.COMMUNITY), RandomHistory.START.plusSeconds(86_400L * from),
        UsFederalCalendar.instance());
    log.forEach(incremental::apply);
    Instant later = RandomHistory.START.plusSeconds(86_400L * to);
    incremental.advanceTo(later);
    assertSame(full(log, later), incremental.evaluation(), "after advancing the clock");
  }

  /** Equal evaluations, or a failure that shows the first result that differs. */
  private static void assertSame(Evaluation full, Evaluation incremental, String when) {
    List<RuleResult> expected = full.getResults();
    List<RuleResult> actual = incremental.getResults();
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), when + ": result " + i + " differs");
    }
    assertEquals(expected.size(), actual.size(), when + ": number of results");
    assertEquals(full, incremental, when);
  }

  private static Evaluation full(List<PcopEvent> log, Instant asOf) {
    EngagementRecord record = EngagementRecord.of(Scenario.COMMUNITY);
    log.forEach(record::apply);
    return RuleEngine.evaluate(RULES, record, asOf, UsFederalCalendar.instance());
  }
}
