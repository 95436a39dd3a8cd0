package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pcop.io.document.CommunityDocument;
import org.pcop.io.document.CommunityDocumentFormat;
import org.pcop.io.ruleset.RuleSetFormat;
import org.pcop.model.AgencyKind;
import org.pcop.model.CommunityId;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.MembershipRole;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.CoverageRule;
import org.pcop.rules.definition.CustomRule;
import org.pcop.rules.definition.DormancyRule;
import org.pcop.rules.definition.EligibilityRule;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.MeasureKind;
import org.pcop.rules.definition.PointsRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.ServiceLevelKind;
import org.pcop.rules.definition.ServiceLevelRule;
import org.pcop.rules.definition.Window;

/** Write then read gives an equal rule set, alone and inside a community document. */
class RuleSetRoundTripPropertiesTest {
  private static final CommunityId PCOP = CommunityId.of("c-pcop");

  private static Arbitrary<String> names() {
    return Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '-', 'é', '漢', '"',
        '\\', '/').ofMinLength(1).ofMaxLength(30).filter(s -> !s.isBlank());
  }

  private static Arbitrary<Window> windows() {
    return Arbitraries.integers().between(1, 3_650).optional()
        .map(days -> days.map(Window::lastDays).orElse(Window.allTime()));
  }

  /** Thresholds as people write them (steps of 0.05) and as doubles arrive (any in [0, 1]). */
  private static Arbitrary<Double> thresholds() {
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 2_000).map(n -> n * 0.05),
        Arbitraries.doubles().between(0, 1));
  }

  private static Arbitrary<Measure> measures() {
    Arbitrary<Measure> counted = Combinators.combine(Arbitraries.of(MeasureKind.class)
            .filter(k -> k != MeasureKind.ATTENDANCE_RATIO), windows(), thresholds(),
        Arbitraries.subsetOf(ParticipationKind.values()))
        .as((kind, window, threshold, kinds) -> Measure.builder().kind(kind).window(window)
            .threshold(threshold).participationKinds(kinds).build());
    Arbitrary<Measure> ratio = Combinators.combine(Arbitraries.of(ActivityKind.class), windows(),
        Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(1, 100).optional())
        .as((kind, window, ratioValue, cap) -> Measure.builder()
            .kind(MeasureKind.ATTENDANCE_RATIO).activityKind(kind).window(window)
            .threshold(ratioValue).cap(cap).build());
    return Arbitraries.oneOf(counted, ratio);
  }

  private static Arbitrary<Rule> rules(RuleId id) {
    Arbitrary<Rule> eligibility = Combinators.combine(
        Arbitraries.subsetOf(MembershipRole.values()), Arbitraries.subsetOf(AgencyKind.values()),
        Arbitraries.subsetOf(JurisdictionLevel.values()),
        Arbitraries.integers().between(0, 10).optional(), Arbitraries.of(true, false))
        .as((roles, kinds, levels, years, outside) -> EligibilityRule.builder().id(id)
            .community(PCOP).allowedRoles(roles).allowedAgencyKinds(kinds)
            .allowedJurisdictionLevels(levels).alumniYears(years).outsideExpertsAllowed(outside)
            .build());
    Arbitrary<Rule> levels = Combinators.combine(
        Combinators.combine(names(), measures().list().ofMaxSize(4))
            .as((name, requirements) -> Level.of(name, requirements.toArray(new Measure[0])))
            .list().ofMinSize(1).ofMaxSize(4).uniqueElements(Level::getName),
        Arbitraries.integers().between(1, 100).map(n -> n / 100.0),
        Arbitraries.integers().between(0, 365))
        .as((list, fraction, grace) -> EngagementLevelRule.builder().id(id).community(PCOP)
            .levels(list).demotionFraction(fraction).graceDays(grace).build());
    Arbitrary<Rule> points = Combinators.combine(
        Arbitraries.maps(Arbitraries.of(ParticipationKind.class),
            Arbitraries.integers().between(0, 100)).ofMaxSize(4),
        Arbitraries.integers().between(1, 500).optional(), Arbitraries.of(CalendarPeriod.class),
        Arbitraries.integers().between(1, 1_000).optional(), Arbitraries.integers().between(1, 50))
        .as((perKind, cap, period, halfLife, size) -> PointsRule.builder().id(id)
            .community(PCOP).pointsPerKind(perKind).capPerPeriod(cap).capPeriod(period)
            .halfLifeDays(halfLife).leaderboardSize(size).build());
    Arbitrary<Rule> serviceLevel = Combinators.combine(Arbitraries.of(ServiceLevelKind.class),
        Arbitraries.integers().between(0, 90), Arbitraries.of(true, false))
        .as((obligation, days, business) -> ServiceLevelRule.builder().id(id).community(PCOP)
            .obligation(obligation).days(days).businessDays(business).build());
    Arbitrary<Rule> exchangePolicy = Combinators.combine(
        Arbitraries.integers().between(1, 20).optional(), Arbitraries.of(CalendarPeriod.class),
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("9999999"))
            .ofScale(2).optional())
        .as((capacity, period, cap) -> ExchangePolicyRule.builder().id(id).community(PCOP)
            .hostCapacity(capacity).capacityPeriod(period).travelFundingCap(cap).build());
    Arbitrary<Rule> coverage = Combinators.combine(Arbitraries.integers().between(0, 10),
        windows()).as((min, window) -> CoverageRule.builder().id(id).community(PCOP)
            .minExperts(min).matrixWindow(window).build());
    Arbitrary<Rule> dormancy = Arbitraries.integers().between(1, 1_000)
        .map(days -> DormancyRule.builder().id(id).community(PCOP).days(days).build());
    Arbitrary<Rule> plugin = Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'z')
            .ofMinLength(1).ofMaxLength(12), names().map(s -> s.replace('-', '\n')))
        .ofMaxSize(4).map(parameters -> CustomRule.builder().id(id).community(PCOP)
            .kind(Samples.ExchangeDiversityKind.NAME).parameters(parameters).build());
    return Arbitraries.oneOf(eligibility, levels, points, serviceLevel, exchangePolicy, coverage,
        dormancy, plugin);
  }

  @Provide
  Arbitrary<RuleSet> ruleSets() {
    return Combinators.combine(names(), Arbitraries.integers().between(1, 1_000),
        Arbitraries.integers().between(0, 10)).flatAs((id, version, count) -> {
          List<Arbitrary<Rule>> each = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            each.add(rules(RuleId.of("r-" + i)));
          }
          return Combinators.combine(each).as(list -> RuleSet.builder().id(id)
              .version(version).rules(list).build());
        });
  }

  @Property(tries = 200)
  void ruleSetsRoundTrip(@ForAll("ruleSets") RuleSet set) {
    RuleSetFormat format = RuleSetFormat.with(ReadLimits.defaults(), Samples.registry());
    assertEquals(set, format.read(format.write(set)).orElseThrow());
  }

  @Property(tries = 50)
  void documentsWithRuleSetsRoundTrip(@ForAll("ruleSets") RuleSet set) {
    CommunityDocumentFormat format = CommunityDocumentFormat.with(ReadLimits.defaults(),
        Samples.registry());
    CommunityDocument document = CommunityDocument.builder().from(Samples.document())
        .ruleSet(set).build();
    assertEquals(document, format.read(format.write(document)).orElseThrow());
  }
}
