package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pcop.io.document.CommunityDocument;
import org.pcop.io.document.CommunityDocumentFormat;
import org.pcop.io.ruleset.RuleSetFormat;
import org.pcop.model.AgencyKind;
import org.pcop.model.CommunityId;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.MembershipRole;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.rules.AnswererWeights;
import org.pcop.rules.HostWeights;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.CoverageRule;
import org.pcop.rules.definition.CustomRule;
import org.pcop.rules.definition.DormancyRule;
import org.pcop.rules.definition.EligibilityRule;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.rules.definition.Level;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.rules.definition.ContributionKind;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.MeasureKind;
import org.pcop.rules.definition.PointsRule;
import org.pcop.rules.definition.RecommendationRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.ServiceLevelKind;
import org.pcop.rules.definition.ServiceLevelRule;
import org.pcop.rules.definition.Window;

/**
 * Write then read gives an equal rule set, alone and inside a community document, for seeded
 * random rule sets (the first tries are the edge cases: the smallest and the largest of every
 * choice).
 */
class RuleSetRoundTripPropertiesTest {
  private static final long SEED = 20_240_505L;
  private static final long DOCUMENT_SEED = 20_240_506L;
  private static final CommunityId PCOP = CommunityId.of("c-pcop");
  private static final List<MeasureKind> COUNTED = Arrays.stream(MeasureKind.values())
      .filter(k -> k != MeasureKind.ATTENDANCE_RATIO && !k.name().startsWith("CONTRIBUTION"))
      .toList();
  private static final List<MeasureKind> CONTRIBUTIONS = List.of(MeasureKind.CONTRIBUTIONS,
      MeasureKind.CONTRIBUTION_DAYS, MeasureKind.CONTRIBUTION_COUNTERPARTIES);
  private static final List<String> NAME = List.of(Generated.chars('a', 'z'),
      " -\u00e9\u6f22\"\\/");

  private static String name(Generated g) {
    return g.filtered(() -> g.string(NAME, 1, 30), s -> !s.isBlank());
  }

  private static Window window(Generated g) {
    return g.optional(() -> g.between(1, 3_650)).map(Window::lastDays).orElse(Window.allTime());
  }

  /** A ratio in [0, 1]: half the time in hundredths, as people write them, else any double. */
  private static double ratio(Generated g) {
    return g.nextBoolean() ? g.between(0, 100) / 100.0 : g.between(0.0, 1.0);
  }

  /** Thresholds as people write them (steps of 0.05) and as doubles arrive (any in [0, 1]). */
  private static double threshold(Generated g) {
    return g.from(() -> g.between(0, 2_000) * 0.05, () -> ratio(g));
  }

  private static Measure measure(Generated g) {
    return g.from(() -> Measure.builder().kind(g.oneOf(COUNTED)).window(window(g))
        .threshold(threshold(g))
        .participationKinds(g.subsetOf(ParticipationKind.values())).build(),
        () -> Measure.builder().kind(MeasureKind.ATTENDANCE_RATIO)
            .activityKind(g.oneOf(ActivityKind.class)).window(window(g)).threshold(ratio(g))
            .cap(g.optional(() -> g.between(1, 100))).build(),
        () -> Measure.builder().kind(MeasureKind.ATTENDANCE_RATIO)
            .activityKind(g.optional(() -> g.oneOf(ActivityKind.class)))
            .series("series " + g.between(0, 3)).window(window(g)).threshold(ratio(g))
            .cap(g.optional(() -> g.between(1, 100))).build(),
        () -> Measure.builder().kind(g.oneOf(MeasureKind.PARTICIPATIONS,
                MeasureKind.DISTINCT_ACTIVITIES, MeasureKind.DISTINCT_SITES,
                MeasureKind.DISTINCT_AGENCIES, MeasureKind.DISTINCT_DAYS)).window(window(g))
            .threshold(threshold(g))
            .participationKinds(g.subsetOf(ParticipationKind.values()))
            .activityKind(g.optional(() -> g.oneOf(ActivityKind.class)))
            .series(g.optional(() -> "community call " + g.between(0, 3))).build(),
        () -> Measure.builder().kind(g.oneOf(CONTRIBUTIONS))
            .contribution(g.oneOf(ContributionKind.ANSWER_GIVEN,
                ContributionKind.REQUEST_ANSWERED, ContributionKind.ACCEPTED_ANSWER_RECEIVED,
                ContributionKind.ACCEPTED_ANSWER_GIVEN))
            .window(window(g)).threshold(threshold(g))
            .topics(g.list(0, 3, () -> TopicId.of("t-" + g.between(0, 9))))
            .coreAreas(g.list(0, 2, () -> CoreAreaId.of("ca-" + g.between(0, 4)))).build(),
        () -> Measure.builder().kind(g.oneOf(CONTRIBUTIONS))
            .contribution(g.oneOf(ContributionKind.EXCHANGE_HOSTED,
                ContributionKind.EXCHANGE_VISITED))
            .window(window(g)).threshold(threshold(g))
            .coreAreas(g.list(0, 2, () -> CoreAreaId.of("ca-" + g.between(0, 4))))
            .activityKind(g.optional(() -> g.oneOf(ActivityKind.PEER_EXCHANGE,
                ActivityKind.SITE_VISIT)))
            .series(g.optional(() -> "regional visits " + g.between(0, 3))).build(),
        () -> Measure.builder().kind(g.oneOf(CONTRIBUTIONS))
            .contribution(ContributionKind.PRESENTATION_GIVEN)
            .window(window(g)).threshold(threshold(g))
            .topics(g.list(0, 2, () -> TopicId.of("t-" + g.between(0, 9))))
            .coreAreas(g.list(0, 2, () -> CoreAreaId.of("ca-" + g.between(0, 4))))
            .activityKind(g.optional(() -> g.oneOf(ActivityKind.class)))
            .series(g.optional(() -> "community call " + g.between(0, 3))).build(),
        () -> Measure.builder().kind(MeasureKind.CONTRIBUTION_SHARE)
            .contribution(g.oneOf(ContributionKind.class)).window(window(g))
            .threshold(ratio(g)).cap(g.optional(() -> g.between(1, 100)))
            .coreAreas(g.list(0, 2, () -> CoreAreaId.of("ca-" + g.between(0, 4)))).build());
  }

  private static Rule rule(Generated g, RuleId id) {
    return g.from(
        () -> EligibilityRule.builder().id(id).community(PCOP)
            .allowedRoles(g.subsetOf(MembershipRole.values()))
            .allowedAgencyKinds(g.subsetOf(AgencyKind.values()))
            .allowedJurisdictionLevels(g.subsetOf(JurisdictionLevel.values()))
            .alumniYears(g.optional(() -> g.between(0, 10)))
            .outsideExpertsAllowed(g.nextBoolean()).build(),
        () -> EngagementLevelRule.builder().id(id).community(PCOP)
            .levels(g.uniqueList(1, 4, () -> Level.of(name(g),
                g.list(0, 4, () -> measure(g)).toArray(new Measure[0])), Level::getName))
            .demotionFraction(g.between(1, 100) / 100.0).graceDays(g.between(0, 365)).build(),
        () -> PointsRule.builder().id(id).community(PCOP)
            .pointsPerKind(g.map(4, () -> g.oneOf(ParticipationKind.class),
                () -> g.between(0, 100)))
            .capPerPeriod(g.optional(() -> g.between(1, 500)))
            .capPeriod(g.oneOf(CalendarPeriod.class))
            .halfLifeDays(g.optional(() -> g.between(1, 1_000)))
            .leaderboardSize(g.between(1, 50)).build(),
        () -> ServiceLevelRule.builder().id(id).community(PCOP)
            .obligation(g.oneOf(ServiceLevelKind.class)).days(g.between(0, 90))
            .businessDays(g.nextBoolean())
            .warnBusinessDays(g.optional(() -> g.between(1, 30))).build(),
        () -> ExchangePolicyRule.builder().id(id).community(PCOP)
            .hostCapacity(g.optional(() -> g.between(1, 20)))
            .capacityPeriod(g.oneOf(CalendarPeriod.class))
            .travelFundingCap(g.optional(() -> BigDecimal.valueOf(g.between(0L, 999_999_900L),
                2)))
            .build(),
        () -> CoverageRule.builder().id(id).community(PCOP).minExperts(g.between(0, 10))
            .matrixWindow(window(g)).build(),
        () -> DormancyRule.builder().id(id).community(PCOP).days(g.between(1, 1_000)).build(),
        () -> RecommendationRule.builder().id(id).community(PCOP)
            .answererWeights(AnswererWeights.DEFAULTS.with(weights(g, AnswererWeights.NAMES)))
            .hostWeights(HostWeights.DEFAULTS.with(weights(g, HostWeights.NAMES))).build(),
        () -> CustomRule.builder().id(id).community(PCOP)
            .kind(Samples.ExchangeDiversityKind.NAME)
            .parameters(g.map(4, () -> g.string(Generated.chars('a', 'z'), 1, 12),
                () -> name(g).replace('-', '\n')))
            .build());
  }

  /** Some of the weights, counts whole and at least 1, points with up to three decimals. */
  private static Map<String, Double> weights(Generated g, List<String> names) {
    Map<String, Double> weights = new HashMap<>();
    for (String name : names) {
      if (g.nextBoolean()) {
        weights.put(name, COUNTS.contains(name) ? (double) g.between(1, 50)
            : g.between(0, 8_000) / 1000.0);
      }
    }
    return weights;
  }

  private static final Set<String> COUNTS = Set.of("acceptedCap", "dormantAfterDays",
      "practiceCap", "hostedCap");

  /** Up to ten rules, each of any kind. */
  private static RuleSet ruleSet(Generated g) {
    String id = name(g);
    int version = g.between(1, 1_000);
    int count = g.between(0, 10);
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rules.add(rule(g, RuleId.of("r-" + i)));
    }
    return RuleSet.builder().id(id).version(version).rules(rules).build();
  }

  @Test
  void ruleSetsRoundTrip() {
    RuleSetFormat format = RuleSetFormat.with(ReadLimits.defaults(), Samples.registry());
    Generated.forEachTry(SEED, 200, g -> {
      RuleSet set = ruleSet(g);
      assertEquals(set, format.read(format.write(set)).orElseThrow(), g.toString());
    });
  }

  @Test
  void documentsWithRuleSetsRoundTrip() {
    CommunityDocumentFormat format = CommunityDocumentFormat.with(ReadLimits.defaults(),
        Samples.registry());
    Generated.forEachTry(DOCUMENT_SEED, 50, g -> {
      CommunityDocument document = CommunityDocument.builder().from(Samples.document())
          .ruleSet(ruleSet(g)).build();
      assertEquals(document, format.read(format.write(document)).orElseThrow(), g.toString());
    });
  }
}
