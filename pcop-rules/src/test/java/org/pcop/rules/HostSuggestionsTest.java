package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pcop.model.AgencyId;
import org.pcop.model.EngagementKind;
import org.pcop.model.ExchangeId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.SiteId;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeMode;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.rules.definition.RuleId;

/**
 * Each factor of a host suggestion moves the ranking its way with everything else fixed: Kansas
 * City asks for an exchange on gun violence; Memphis ({@code s-mem}) and St. Louis
 * ({@code s-stl}) could host it, and since ties go to the lower site id, St. Louis ranks first
 * only if the fact given to it counts.
 */
class HostSuggestionsTest {
  private static final Instant START = Scenario.at("2025-01-06T09:00");
  private static final Instant NOW = Scenario.at("2026-03-10T09:00");
  private static final Instant LAST_YEAR = Scenario.at("2025-05-05T09:00");
  private static final Instant THIS_QUARTER = Scenario.at("2026-02-10T09:00");
  private static final String GUNS = "gun-violence";

  private static Scenario community() {
    Scenario s = new Scenario().twoSites(START).taxonomy(START)
        .site("s-stl", EngagementKind.OPERATIONS, LocalDate.of(2025, 1, 1), START)
        .localAgency("a-stl", "s-stl", START);
    for (String[] m : new String[][] {{"m-ask", "a-kc"}, {"m-mem", "a-mem"},
        {"m-stl", "a-stl"}, {"m-adv", "a-kc"}}) {
      s.member(m[0], m[1], START)
          .membership(m[0], MembershipRole.MEMBER, MembershipStatus.ACTIVE, START);
    }
    return s;
  }

  private static Scenario exchange(Scenario s, String id, String host, String visitor,
      Instant at, String funding, String... areas) {
    var builder = Exchange.builder().id(ExchangeId.of(id)).community(Scenario.PCOP)
        .hostAgency(AgencyId.of("a-" + host)).hostSite(SiteId.of("s-" + host))
        .addVisitingAgency(AgencyId.of("a-" + visitor)).purpose("Learn from the host.")
        .mode(ExchangeMode.IN_PERSON).requestedBy(MemberId.of("m-ask")).requestedAt(at)
        .travelFunding(Optional.ofNullable(funding).map(BigDecimal::new));
    for (String area : areas) {
      builder.addCoreArea(CoreAreaId.of(area));
    }
    return s.apply(ExchangeRequested.builder().eventId(s.nextId()).actor(MemberId.of("m-ask"))
        .occurredAt(at).exchange(builder.build()).build());
  }

  private static Scenario held(Scenario s, String id, String host, String visitor) {
    exchange(s, id, host, visitor, LAST_YEAR, null, GUNS);
    LocalDate day = LocalDate.of(2025, 6, 2);
    return s.approved(id, ApproverRole.PROGRAM_ADVISOR, "m-adv", LAST_YEAR)
        .approved(id, ApproverRole.HOST_SITE_LEAD, "m-" + host, LAST_YEAR)
        .scheduled(id, day, LAST_YEAR).held(id, day);
  }

  private static List<HostSuggestion> suggest(Scenario s, Optional<ExchangePolicyRule> policy,
      String funding) {
    exchange(s, "x-new", "mem", "kc", NOW.minus(Duration.ofHours(1)), funding, GUNS);
    return HostSuggestions.forExchange(s.record, ExchangeId.of("x-new"), NOW, policy,
        HostWeights.DEFAULTS, 10);
  }

  private static List<String> order(List<HostSuggestion> ranked) {
    return ranked.stream().map(x -> x.site().value()).collect(Collectors.toList());
  }

  private static void stlFirstBecauseOf(List<HostSuggestion> ranked, String factor) {
    assertEquals(List.of("s-stl", "s-mem"), order(ranked), ranked.toString());
    assertTrue(ranked.get(0).decidingFactors().contains(factor)
        || ranked.get(1).decidingFactors().contains(factor),
        factor + " is named: " + ranked.get(0).explanation() + " / "
            + ranked.get(1).explanation());
  }

  private static ExchangePolicyRule policy(Integer capacity, String fundingCap) {
    return ExchangePolicyRule.builder().id(RuleId.of("policy")).community(Scenario.PCOP)
        .hostCapacity(Optional.ofNullable(capacity))
        .travelFundingCap(Optional.ofNullable(fundingCap).map(BigDecimal::new)).build();
  }

  @Test
  void theVisitingSiteIsNeverSuggestedAndEqualSitesGoByTheirIds() {
    List<HostSuggestion> ranked = suggest(community(), Optional.empty(), null);
    assertEquals(List.of("s-mem", "s-stl"), order(ranked), ranked.toString());
    assertEquals(ranked.get(0).score(), ranked.get(1).score(), 1e-9);
  }

  @Test
  void practiceInTheCoreAreasCounts() {
    Scenario s = community();
    Instant at = NOW.minus(Duration.ofDays(20));
    s.activity("w-1", ActivityKind.WEBINAR, at, null, GUNS).attended("m-stl", "w-1", at);
    s.activity("w-2", ActivityKind.WEBINAR, at, null, "victim-services")
        .attended("m-mem", "w-2", at);
    List<HostSuggestion> ranked = suggest(s, Optional.empty(), null);
    stlFirstBecauseOf(ranked, "practice");
  }

  @Test
  void exchangesHostedAndHeldCountAndAFollowUpReportMore() {
    Scenario s = community();
    held(s, "x-old-stl", "stl", "mem");
    stlFirstBecauseOf(suggest(s, Optional.empty(), null), "hosted");

    Scenario reported = community();
    held(reported, "x-old-mem", "mem", "stl");
    held(reported, "x-old-stl", "stl", "mem");
    reported.documented("x-old-stl", "m-stl", Scenario.at("2025-06-20T09:00"));
    stlFirstBecauseOf(suggest(reported, Optional.empty(), null), "reported");
  }

  @Test
  void exchangesInTheCoreAreasAskedOfASiteCountBeforeTheyAreHeld() {
    Scenario s = community();
    exchange(s, "x-asked-stl", "stl", "mem", LAST_YEAR, null, GUNS);
    exchange(s, "x-asked-mem", "mem", "stl", LAST_YEAR, null, "victim-services");
    List<HostSuggestion> ranked = suggest(s, Optional.empty(), null);
    stlFirstBecauseOf(ranked, "asked");
    assertTrue(ranked.get(0).explanation().contains(
        "1 more exchange(s) in [gun-violence] asked of the site, not yet held"),
        ranked.get(0).explanation());

    Scenario declined = community();
    exchange(declined, "x-asked-stl", "stl", "mem", LAST_YEAR, null, GUNS);
    declined.apply(org.pcop.model.event.ExchangeDeclined.builder().eventId(declined.nextId())
        .actor(MemberId.of("m-adv")).occurredAt(LAST_YEAR).exchange(ExchangeId.of("x-asked-stl"))
        .role(ApproverRole.PROGRAM_ADVISOR).reason("Outside this year's priorities.").build());
    assertEquals(List.of("s-mem", "s-stl"), order(suggest(declined, Optional.empty(), null)));
  }

  @Test
  void aSiteAtItsHostCapacityRanksLower() {
    Scenario s = community();
    exchange(s, "x-other", "mem", "stl", THIS_QUARTER, null);
    List<HostSuggestion> ranked = suggest(s, Optional.of(policy(1, null)), null);
    stlFirstBecauseOf(ranked, "capacity");
    assertTrue(ranked.get(1).explanation().contains("already hosts 1 of 1"),
        ranked.get(1).explanation());
  }

  @Test
  void aSiteWhoseFundingCapTheExchangeWouldPassRanksLower() {
    Scenario s = community();
    exchange(s, "x-other", "mem", "stl", THIS_QUARTER, "1000");
    List<HostSuggestion> ranked = suggest(s, Optional.of(policy(null, "1500")), "1000");
    stlFirstBecauseOf(ranked, "funding");
    assertTrue(ranked.get(1).explanation().contains("would reach 2000"),
        ranked.get(1).explanation());
  }

  @Test
  void newPairingsArePreferred() {
    Scenario s = community();
    exchange(s, "x-before", "mem", "kc", LAST_YEAR, null);
    List<HostSuggestion> ranked = suggest(s, Optional.empty(), null);
    stlFirstBecauseOf(ranked, "pairing");
    assertTrue(ranked.get(1).explanation().contains("1 earlier exchange(s) with [a-kc]"),
        ranked.get(1).explanation());
  }

  @Test
  void declinedAndCancelledExchangesDoNotCount() {
    Scenario s = community();
    exchange(s, "x-before", "mem", "kc", LAST_YEAR, null);
    s.apply(org.pcop.model.event.ExchangeCancelled.builder().eventId(s.nextId())
        .actor(MemberId.of("m-ask")).occurredAt(LAST_YEAR).exchange(ExchangeId.of("x-before"))
        .reason("Travel cancelled.").build());
    assertEquals(List.of("s-mem", "s-stl"), order(suggest(s, Optional.empty(), null)));
  }

  @Test
  void onlyARequestedExchangeIsRankedAndBadArgumentsAreRefused() {
    Scenario s = community();
    held(s, "x-old-stl", "stl", "mem");
    InvalidValueException held = assertThrows(InvalidValueException.class,
        () -> HostSuggestions.forExchange(s.record, ExchangeId.of("x-old-stl"), NOW,
            Optional.empty(), HostWeights.DEFAULTS, 3));
    assertTrue(held.getMessage().contains("HELD"), held.getMessage());
    InvalidValueException unknown = assertThrows(InvalidValueException.class,
        () -> HostSuggestions.forExchange(s.record, ExchangeId.of("x-none"), NOW,
            Optional.empty(), HostWeights.DEFAULTS, 3));
    assertTrue(unknown.getMessage().contains("x-none"), unknown.getMessage());
    suggest(s, Optional.empty(), null);
    assertEquals(List.of("s-stl"), order(HostSuggestions.forExchange(s.record,
        ExchangeId.of("x-new"), NOW, Optional.empty(), HostWeights.DEFAULTS, 1)));
    assertThrows(InvalidValueException.class, () -> HostSuggestions.forExchange(s.record,
        ExchangeId.of("x-new"), NOW, Optional.empty(), HostWeights.DEFAULTS, 0));
  }

  @Test
  void theExplanationNamesTheDecidingFactorsLargestFirst() {
    Scenario s = community();
    held(s, "x-old-stl", "stl", "mem");
    HostSuggestion best = suggest(s, Optional.of(policy(2, null)), null).get(0);
    assertEquals(List.of("hosted", "pairing", "capacity"), best.decidingFactors());
    assertEquals("s-stl: score 1.10: 1 exchange(s) hosted and held in [gun-violence] (+0.50);"
        + " no earlier exchange with [a-kc] (+0.50); 2 of 2 hosting places left in the quarter"
        + " from 2026-01-01 (+0.10)", best.explanation());
  }
}
