package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.ContributionKind;
import org.pcop.rules.definition.CoverageRule;
import org.pcop.rules.definition.DormancyRule;
import org.pcop.rules.definition.EligibilityRule;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.MeasureKind;
import org.pcop.rules.definition.PointsRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.ServiceLevelKind;
import org.pcop.rules.definition.ServiceLevelRule;
import org.pcop.rules.definition.Window;

/**
 * Incremental evaluation, which re-evaluates only the subjects an event may affect, gives the
 * same evaluation as a full evaluation of the same events, over random valid histories. The
 * histories come from seeded random choices; the first tries are the edge cases (no events, the
 * longest history, the first and last evaluation days), and every failure names its seed.
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
          .addLevel(Level.of("answerer",
              Measure.contributions(ContributionKind.ANSWER_GIVEN, Window.lastDays(30), 1),
              Measure.contributionDays(ContributionKind.REQUEST_ANSWERED, Window.lastDays(60),
                  1),
              Measure.contributionCounterparties(ContributionKind.ACCEPTED_ANSWER_RECEIVED,
                  Window.allTime(), 1),
              Measure.builder().kind(MeasureKind.CONTRIBUTIONS)
                  .contribution(ContributionKind.REQUEST_POSTED).window(Window.lastDays(45))
                  .addCoreAreas(CoreAreaId.of("gun-violence")).threshold(0).build(),
              Measure.builder().kind(MeasureKind.CONTRIBUTION_COUNTERPARTIES)
                  .contribution(ContributionKind.ACCEPTED_ANSWER_GIVEN)
                  .addTopics(TopicId.of("victim-services.notification")).threshold(0).build()))
          .addLevel(Level.builder().name("asker").addRequirements(
              Measure.contributions(ContributionKind.REQUEST_POSTED, Window.lastDays(20), 1),
              Measure.contributionCounterparties(ContributionKind.ACCEPTED_ANSWER_GIVEN,
                  Window.lastDays(40), 1),
              Measure.upheldConductFlags(Window.lastDays(50), 1),
              Measure.notSuspended()).demotionFraction(0.8).graceDays(3).build())
          .demotionFraction(0.6).graceDays(5).build())
      .addRule(EngagementLevelRule.builder().id(RuleId.of("ladder")).community(Scenario.PCOP)
          .cumulative(true)
          .addLevel(Level.builder().name("regular").neverDemoted(true).addRequirements(
              Measure.distinctDays(Window.lastDays(20), 1)).build())
          .addLevel(Level.of("helper",
              Measure.contributions(ContributionKind.ANSWER_GIVEN, Window.lastDays(25), 1),
              Measure.upheldConductFlags(Window.allTime(), 0)))
          .demotionFraction(0.5).graceDays(4).build())
      .addRule(EngagementLevelRule.builder().id(RuleId.of("series")).community(Scenario.PCOP)
          .addLevel(Level.of("caller",
              Measure.attendanceRatio(RandomHistory.SERIES, Window.lastDays(30), 0.5, 3),
              Measure.builder().kind(MeasureKind.DISTINCT_DAYS).window(Window.lastDays(30))
                  .activityKind(ActivityKind.MEETING).threshold(1).build()))
          .addLevel(Level.of("regular caller",
              Measure.builder().kind(MeasureKind.PARTICIPATIONS).window(Window.lastDays(40))
                  .series(RandomHistory.SERIES).threshold(2).build(),
              Measure.builder().kind(MeasureKind.DISTINCT_SITES).window(Window.allTime())
                  .series(RandomHistory.SERIES).activityKind(ActivityKind.WEBINAR)
                  .threshold(0).build()))
          .demotionFraction(0.5).graceDays(2).build())
      .addRule(EngagementLevelRule.builder().id(RuleId.of("exchanges"))
          .community(Scenario.PCOP)
          .addLevel(Level.of("visitor",
              Measure.contributions(ContributionKind.EXCHANGE_VISITED, Window.lastDays(60), 1),
              Measure.contributionCounterparties(ContributionKind.EXCHANGE_VISITED,
                  Window.allTime(), 1)))
          .addLevel(Level.of("host",
              Measure.contributionDays(ContributionKind.EXCHANGE_HOSTED, Window.lastDays(45), 1),
              Measure.contributionCounterparties(ContributionKind.EXCHANGE_HOSTED,
                  Window.lastDays(90), 1),
              Measure.builder().kind(MeasureKind.CONTRIBUTIONS)
                  .contribution(ContributionKind.EXCHANGE_HOSTED)
                  .addCoreAreas(CoreAreaId.of("gun-violence")).threshold(0).build()))
          .demotionFraction(0.7).graceDays(3).build())
      .addRule(EngagementLevelRule.builder().id(RuleId.of("shares")).community(Scenario.PCOP)
          .addLevel(Level.of("sharer",
              Measure.contributionShare(ContributionKind.ANSWER_GIVEN, Window.lastDays(30),
                  0.3, 2)))
          .addLevel(Level.of("partner",
              Measure.contributionShare(ContributionKind.EXCHANGE_VISITED,
                  Window.lastDays(60), 0.5, 3),
              Measure.builder().from(Measure.contributionShare(
                  ContributionKind.REQUEST_ANSWERED, Window.allTime(), 0.2, 4))
                  .addCoreAreas(CoreAreaId.of("victim-services")).build()))
          .demotionFraction(0.5).graceDays(2).build())
      .addRule(EngagementLevelRule.builder().id(RuleId.of("presenting"))
          .community(Scenario.PCOP)
          .addLevel(Level.of("speaker",
              Measure.contributions(ContributionKind.PRESENTATION_GIVEN, Window.lastDays(30), 1),
              Measure.contributionDays(ContributionKind.PRESENTATION_GIVEN, Window.lastDays(60),
                  1),
              Measure.contributionCounterparties(ContributionKind.PRESENTATION_GIVEN,
                  Window.allTime(), 1),
              Measure.builder().kind(MeasureKind.CONTRIBUTIONS)
                  .contribution(ContributionKind.PRESENTATION_GIVEN).window(Window.lastDays(90))
                  .addCoreAreas(CoreAreaId.of("gun-violence"))
                  .addTopics(TopicId.of("victim-services.notification")).threshold(0).build(),
              Measure.builder().kind(MeasureKind.CONTRIBUTIONS)
                  .contribution(ContributionKind.EXCHANGE_HOSTED).window(Window.lastDays(90))
                  .activityKind(ActivityKind.PEER_EXCHANGE).threshold(0).build()))
          .addLevel(Level.of("regular speaker",
              Measure.builder().kind(MeasureKind.CONTRIBUTION_DAYS)
                  .contribution(ContributionKind.PRESENTATION_GIVEN).window(Window.lastDays(45))
                  .series(RandomHistory.SERIES).threshold(1).build(),
              Measure.builder().from(Measure.contributionShare(
                  ContributionKind.PRESENTATION_GIVEN, Window.lastDays(40), 0.2, 2))
                  .activityKind(ActivityKind.MEETING).build(),
              Measure.builder().kind(MeasureKind.CONTRIBUTION_COUNTERPARTIES)
                  .contribution(ContributionKind.EXCHANGE_VISITED).window(Window.allTime())
                  .activityKind(ActivityKind.SITE_VISIT).series(RandomHistory.VISITS)
                  .threshold(0).build(),
              Measure.builder().from(Measure.contributionShare(
                  ContributionKind.EXCHANGE_HOSTED, Window.lastDays(60), 0.3, 3))
                  .activityKind(ActivityKind.SITE_VISIT).build()))
          .demotionFraction(0.5).graceDays(3).build())
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
      .addRule(ServiceLevelRule.builder().id(RuleId.of("rfi-warned")).community(Scenario.PCOP)
          .obligation(ServiceLevelKind.RFI_FIRST_RESPONSE).days(3).businessDays(true)
          .warnBusinessDays(2).build())
      .addRule(ServiceLevelRule.builder().id(RuleId.of("acceptance"))
          .community(Scenario.PCOP).obligation(ServiceLevelKind.RFI_ACCEPTANCE).days(2)
          .businessDays(true).warnBusinessDays(1).build())
      .addRule(ServiceLevelRule.builder().id(RuleId.of("closure")).community(Scenario.PCOP)
          .obligation(ServiceLevelKind.RFI_CLOSURE).days(6).warnBusinessDays(3).build())
      .addRule(ServiceLevelRule.builder().id(RuleId.of("approval-warned"))
          .community(Scenario.PCOP).obligation(ServiceLevelKind.EXCHANGE_APPROVAL).days(4)
          .warnBusinessDays(2).build())
      .addRule(ServiceLevelRule.builder().id(RuleId.of("report-warned"))
          .community(Scenario.PCOP).obligation(ServiceLevelKind.FOLLOW_UP_REPORT).days(20)
          .businessDays(true).warnBusinessDays(15).build())
      .addRule(ExchangePolicyRule.builder().id(RuleId.of("policy")).community(Scenario.PCOP)
          .hostCapacity(1).capacityPeriod(CalendarPeriod.MONTH)
          .travelFundingCap(new BigDecimal("10000")).build())
      .addRule(CoverageRule.builder().id(RuleId.of("coverage")).community(Scenario.PCOP)
          .minExperts(2).matrixWindow(Window.lastDays(20)).build())
      .addRule(DormancyRule.builder().id(RuleId.of("dormancy")).community(Scenario.PCOP)
          .days(7).build())
      .build();

  private static final long SEED = 20_190_601L;
  private static final int MAX_CHOICE = 100_000;
  private static final int MAX_DAY = 90;

  /**
   * Random choices for {@link RandomHistory}: none on the first try, the most on the second, and
   * otherwise a random number of them, with the smallest and largest choice mixed in.
   */
  private static List<Integer> choices(SplittableRandom random, int attempt, int max) {
    int size = attempt == 0 ? 0 : attempt == 1 ? max : random.nextInt(max + 1);
    List<Integer> choices = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      int edge = random.nextInt(20);
      choices.add(edge == 0 ? 0 : edge == 1 ? MAX_CHOICE : random.nextInt(MAX_CHOICE + 1));
    }
    return choices;
  }

  /** A day from 0 to {@link #MAX_DAY}: the first on the first try, the last on the second. */
  private static int day(SplittableRandom random, int attempt) {
    return attempt == 0 ? 0 : attempt == 1 ? MAX_DAY : random.nextInt(MAX_DAY + 1);
  }

  @Test
  void incrementalEqualsFull() {
    Set<RuleId> warned = new TreeSet<>();
    for (int attempt = 0; attempt < 150; attempt++) {
      SplittableRandom random = new SplittableRandom(SEED + attempt);
      List<PcopEvent> log = RandomHistory.of(choices(random, attempt, 120));
      int asOfDays = day(random, attempt);
      Instant asOf = RandomHistory.START.plusSeconds(86_400L * asOfDays + 4321);
      IncrementalEvaluator incremental = IncrementalEvaluator.start(RULES,
          EngagementRecord.of(Scenario.COMMUNITY), asOf, UsFederalCalendar.instance());
      int half = log.size() / 2;
      for (int i = 0; i < log.size(); i++) {
        incremental.apply(log.get(i));
        if (i == half || i == log.size() - 1) {
          Evaluation full = full(log.subList(0, i + 1), asOf);
          assertSame(full, incremental.evaluation(),
              "seed " + (SEED + attempt) + ", after " + (i + 1) + " of " + log.size()
                  + " events");
          full.findings(ServiceLevelWarning.class).forEach(w -> warned.add(w.getRule()));
        }
      }
    }
    assertEquals(Set.of(RuleId.of("rfi-warned"), RuleId.of("acceptance"), RuleId.of("closure"),
        RuleId.of("approval-warned"), RuleId.of("report-warned")), warned,
        "the histories reach a warning of every warned rule");
  }

  @Test
  void advancingTheClockEqualsAFreshFullEvaluation() {
    for (int attempt = 0; attempt < 30; attempt++) {
      SplittableRandom random = new SplittableRandom(SEED + attempt);
      List<PcopEvent> log = RandomHistory.of(choices(random, attempt, 80));
      int from = day(random, attempt);
      int to = attempt == 0 ? MAX_DAY : attempt == 1 ? 0 : random.nextInt(MAX_DAY + 1);
      IncrementalEvaluator incremental = IncrementalEvaluator.start(RULES,
          EngagementRecord.of(Scenario.COMMUNITY),
          RandomHistory.START.plusSeconds(86_400L * from), UsFederalCalendar.instance());
      log.forEach(incremental::apply);
      Instant later = RandomHistory.START.plusSeconds(86_400L * to);
      incremental.advanceTo(later);
      assertSame(full(log, later), incremental.evaluation(), "seed " + (SEED + attempt)
          + ", after advancing the clock from day " + from + " to day " + to);
    }
  }

  @Test
  void theHistoriesReachWhatTheNewMeasuresRead() {
    int suspensions = 0;
    int seriesActivities = 0;
    java.util.Set<String> exchangeLevels = new java.util.TreeSet<>();
    java.util.Set<String> seriesLevels = new java.util.TreeSet<>();
    java.util.Set<String> presentingLevels = new java.util.TreeSet<>();
    for (int attempt = 0; attempt < 150; attempt++) {
      SplittableRandom random = new SplittableRandom(SEED + attempt);
      List<PcopEvent> log = RandomHistory.of(choices(random, attempt, 120));
      for (PcopEvent event : log) {
        if (event instanceof org.pcop.model.event.MembershipChanged changed
            && changed.getStatus() == org.pcop.model.MembershipStatus.SUSPENDED) {
          suspensions++;
        }
        if (event instanceof org.pcop.model.event.ActivityRecorded recorded
            && recorded.getActivity().getSeries().isPresent()) {
          seriesActivities++;
        }
      }
      Evaluation evaluation = full(log, RandomHistory.START.plusSeconds(86_400L
          * day(random, attempt) + 4321));
      for (RuleResult result : evaluation.getResults()) {
        for (LevelChange change : result.findings(LevelChange.class)) {
          if (result.getRule().equals(RuleId.of("exchanges"))) {
            change.getTo().ifPresent(exchangeLevels::add);
            result.getExplanation().getFacts().stream()
                .filter(f -> f.getName().contains("exchanges visited over 60 days")
                    && !f.getValue().equals("0"))
                .forEach(f -> exchangeLevels.add("some visits"));
          } else if (result.getRule().equals(RuleId.of("series"))) {
            change.getTo().ifPresent(seriesLevels::add);
          } else if (result.getRule().equals(RuleId.of("presenting"))) {
            change.getTo().ifPresent(presentingLevels::add);
          }
        }
        if (result.getRule().equals(RuleId.of("presenting"))) {
          result.getExplanation().getFacts().stream()
              .filter(f -> f.getName().contains("site visits") && !f.getValue().equals("0")
                  && !f.getValue().startsWith("0 of"))
              .forEach(f -> presentingLevels.add(f.getName().contains("exchanges hosted")
                  ? "site visits hosted" : "site visits visited"));
        }
      }
    }
    assertTrue(suspensions > 0 && seriesActivities > 0, suspensions + " suspensions, "
        + seriesActivities + " activities in a series");
    // A member whose agency hosts is at "host"; visits show in the facts of the lower level.
    assertTrue(exchangeLevels.containsAll(java.util.Set.of("host", "some visits")),
        exchangeLevels.toString());
    assertEquals(java.util.Set.of("caller", "regular caller"), seriesLevels);
    // Presentations reach both levels; exchanges pass activity filters.
    assertEquals(java.util.Set.of("speaker", "regular speaker", "site visits hosted",
        "site visits visited"), presentingLevels);
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
