package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.MemberDeactivated;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.TaxonomyChanged;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.Topic;
import org.pcop.model.taxonomy.TopicId;

/**
 * Each factor of an answerer suggestion moves the ranking its way with everything else fixed:
 * two candidates, {@code m-a} and {@code m-b}, differ in one fact only, and since ties go to the
 * lower id, {@code m-b} ranks first only if that fact counts for it.
 */
class AnswererSuggestionsTest {
  private static final Instant START = Scenario.at("2025-06-02T09:00");
  private static final Instant NOW = Scenario.at("2026-03-10T09:00");
  private static final String NIBIN = "gun-violence.nibin";
  private static final String GHOST = "gun-violence.ghost-guns";
  private static final String NOTIFY = "victim-services.notification";
  private static final Taxonomy TAXONOMY = Taxonomy.builder().from(Scenario.TAXONOMY)
      .addTopic(Topic.of(TopicId.of(GHOST), "Ghost guns", CoreAreaId.of("gun-violence")))
      .build();

  /** The asker at Kansas City; candidates join at Memphis unless a test says otherwise. */
  private static Scenario community() {
    Scenario s = new Scenario().twoSites(START);
    s.apply(TaxonomyChanged.builder().eventId(s.nextId()).actor(Scenario.SYSTEM)
        .occurredAt(START).community(Scenario.PCOP).taxonomy(TAXONOMY).build());
    return active(s, "m-ask", "a-kc");
  }

  private static Scenario active(Scenario s, String id, String agency, String... expertise) {
    return s.member(id, agency, START, expertise)
        .membership(id, MembershipRole.MEMBER, MembershipStatus.ACTIVE, START);
  }

  /** Both candidates took part in a call a week ago, so neither is dormant. */
  private static Scenario recentCall(Scenario s, String... members) {
    Instant at = NOW.minus(Duration.ofDays(7));
    s.activity("call-recent", ActivityKind.MEETING, at, null);
    for (String member : members) {
      s.attended(member, "call-recent", at);
    }
    return s;
  }

  private static Scenario accept(Scenario s, String rfi, String response, Instant at) {
    return s.apply(RfiAccepted.builder().eventId(s.nextId()).actor(MemberId.of("m-ask"))
        .occurredAt(at).request(RfiId.of(rfi)).response(ResponseId.of(response)).build());
  }

  private static List<AnswererSuggestion> suggest(Scenario s) {
    s.rfi("r-now", "m-ask", NIBIN, NOW.minus(Duration.ofHours(1)));
    return AnswererSuggestions.forRequest(s.record, RfiId.of("r-now"), NOW,
        AnswererWeights.DEFAULTS, 10);
  }

  private static List<String> order(List<AnswererSuggestion> ranked) {
    return ranked.stream().map(x -> x.member().value()).collect(Collectors.toList());
  }

  private static void bFirstBecauseOf(List<AnswererSuggestion> ranked, String factor) {
    assertEquals(List.of("m-b", "m-a"), order(ranked), ranked.toString());
    AnswererSuggestion a = ranked.get(1);
    AnswererSuggestion b = ranked.get(0);
    assertTrue(b.decidingFactors().contains(factor) || a.decidingFactors().contains(factor),
        factor + " is named: " + b.explanation() + " / " + a.explanation());
  }

  @Test
  void expertiseOnTheTopicRanksFirst() {
    Scenario s = recentCall(active(active(community(), "m-a", "a-mem"), "m-b", "a-mem", NIBIN),
        "m-a", "m-b");
    List<AnswererSuggestion> ranked = suggest(s);
    bFirstBecauseOf(ranked, "topicExpertise");
    assertEquals("topicExpertise", ranked.get(0).decidingFactors().get(0));
  }

  @Test
  void expertiseInTheCoreAreaCountsButLessThanOnTheTopic() {
    Scenario s = recentCall(active(active(community(), "m-a", "a-mem", NOTIFY), "m-b", "a-mem",
        GHOST), "m-a", "m-b");
    bFirstBecauseOf(suggest(s), "areaExpertise");

    Scenario both = recentCall(active(active(community(), "m-a", "a-mem", GHOST), "m-b",
        "a-mem", NIBIN), "m-a", "m-b");
    assertEquals(List.of("m-b", "m-a"), order(suggest(both)));
  }

  @Test
  void acceptedAnswersOnTheTopicCount() {
    Scenario s = recentCall(active(active(community(), "m-a", "a-mem"), "m-b", "a-mem"),
        "m-a", "m-b");
    Instant posted = NOW.minus(Duration.ofDays(30));
    s.rfi("r-0", "m-ask", NIBIN, posted)
        .answered("r-0", "x-a", "m-a", posted.plus(Duration.ofHours(2)))
        .answered("r-0", "x-b", "m-b", posted.plus(Duration.ofHours(2)));
    accept(s, "r-0", "x-b", posted.plus(Duration.ofHours(3)));
    bFirstBecauseOf(suggest(s), "acceptedOnTopic");
  }

  @Test
  void acceptedAnswersOnAnotherTopicOfTheCoreAreaCount() {
    Scenario s = recentCall(active(active(community(), "m-a", "a-mem"), "m-b", "a-mem"),
        "m-a", "m-b");
    Instant posted = NOW.minus(Duration.ofDays(30));
    s.rfi("r-0", "m-ask", GHOST, posted)
        .answered("r-0", "x-a", "m-a", posted.plus(Duration.ofHours(2)))
        .answered("r-0", "x-b", "m-b", posted.plus(Duration.ofHours(2)));
    accept(s, "r-0", "x-b", posted.plus(Duration.ofHours(3)));
    bFirstBecauseOf(suggest(s), "acceptedInArea");
  }

  @Test
  void acceptedAnswersInAnotherCoreAreaDoNotCount() {
    Scenario s = recentCall(active(active(community(), "m-a", "a-mem"), "m-b", "a-mem"),
        "m-a", "m-b");
    Instant posted = NOW.minus(Duration.ofDays(30));
    s.rfi("r-0", "m-ask", NOTIFY, posted)
        .answered("r-0", "x-a", "m-a", posted.plus(Duration.ofHours(2)))
        .answered("r-0", "x-b", "m-b", posted.plus(Duration.ofHours(2)));
    accept(s, "r-0", "x-b", posted.plus(Duration.ofHours(3)));
    List<AnswererSuggestion> ranked = suggest(s);
    assertEquals(List.of("m-a", "m-b"), order(ranked), ranked.toString());
    assertEquals(ranked.get(0).score(), ranked.get(1).score(), 1e-9);
  }

  @Test
  void fasterAnswerersRankHigher() {
    Scenario s = recentCall(active(active(community(), "m-a", "a-mem"), "m-b", "a-mem"),
        "m-a", "m-b");
    Instant posted = NOW.minus(Duration.ofDays(30));
    s.rfi("r-0", "m-ask", NOTIFY, posted)
        .answered("r-0", "x-b", "m-b", posted.plus(Duration.ofHours(1)))
        .answered("r-0", "x-a", "m-a", posted.plus(Duration.ofHours(30)));
    List<AnswererSuggestion> ranked = suggest(s);
    bFirstBecauseOf(ranked, "responseSpeed");
    assertTrue(ranked.get(1).explanation().contains("median of 30.0 hours"),
        ranked.get(1).explanation());
  }

  @Test
  void membersBusyWithOpenRequestsThisWeekRankLower() {
    Scenario s = recentCall(active(active(community(), "m-a", "a-mem"), "m-b", "a-mem"),
        "m-a", "m-b");
    s.rfi("r-busy", "m-a", NOTIFY, NOW.minus(Duration.ofDays(2)));
    List<AnswererSuggestion> ranked = suggest(s);
    bFirstBecauseOf(ranked, "load");
    assertTrue(ranked.get(1).explanation().contains("1 open request(s)"),
        ranked.get(1).explanation());
  }

  @Test
  void openRequestsOlderThanAWeekAreNotLoad() {
    Scenario s = recentCall(active(active(community(), "m-a", "a-mem"), "m-b", "a-mem"),
        "m-a", "m-b");
    s.rfi("r-old", "m-b", NOTIFY, NOW.minus(Duration.ofDays(8)));
    assertEquals(List.of("m-a", "m-b"), order(suggest(s)));
  }

  @Test
  void aRecordedEngagementLevelCounts() {
    Scenario s = recentCall(active(active(community(), "m-a", "a-mem"), "m-b", "a-mem"),
        "m-a", "m-b");
    s.levelChanged("m-b", null, "mentor", NOW.minus(Duration.ofDays(3)));
    List<AnswererSuggestion> ranked = suggest(s);
    bFirstBecauseOf(ranked, "engagementLevel");
    assertTrue(ranked.get(0).explanation().contains("engagement level mentor"));
  }

  @Test
  void dormantMembersRankLower() {
    Scenario s = active(active(community(), "m-a", "a-mem"), "m-b", "a-mem");
    Instant old = NOW.minus(Duration.ofDays(200));
    s.activity("call-old", ActivityKind.MEETING, old, null).attended("m-a", "call-old", old);
    recentCall(s, "m-b");
    List<AnswererSuggestion> ranked = suggest(s);
    bFirstBecauseOf(ranked, "dormancy");
    assertTrue(ranked.get(1).explanation().contains("(200 days)"), ranked.get(1).explanation());
  }

  @Test
  void anotherSiteThanTheAskersCounts() {
    Scenario s = recentCall(active(active(community(), "m-a", "a-kc"), "m-b", "a-mem"),
        "m-a", "m-b");
    bFirstBecauseOf(suggest(s), "diversity");
  }

  @Test
  void anotherAgencyAtTheAskersSiteCountsForLess() {
    Scenario s = community().localAgency("a-kc-city", "s-kc", START);
    s = recentCall(active(active(active(s, "m-a", "a-kc"), "m-b", "a-kc-city"), "m-c",
        "a-mem"), "m-a", "m-b", "m-c");
    List<AnswererSuggestion> ranked = suggest(s);
    assertEquals(List.of("m-c", "m-b", "m-a"), order(ranked), ranked.toString());
  }

  @Test
  void theAskerAndMembersWhoAreNotActiveAreLeftOut() {
    Scenario s = community();
    s.member("m-no-membership", "a-mem", START, NIBIN)
        .member("m-invited", "a-mem", START, NIBIN);
    for (String id : List.of("m-dormant", "m-left", "m-gone", "m-flagged", "m-ok")) {
      active(s, id, "a-mem", NIBIN);
    }
    Instant later = START.plusSeconds(60);
    s.membership("m-dormant", MembershipRole.MEMBER, MembershipStatus.DORMANT, later)
        .membership("m-left", MembershipRole.MEMBER, MembershipStatus.LEFT, later)
        .invited("m-invited", MembershipRole.MEMBER, "m-ok", START)
        .flag("m-flagged", ConductFlagStatus.UPHELD, START.plusSeconds(60));
    s.apply(MemberDeactivated.builder().eventId(s.nextId()).actor(Scenario.SYSTEM)
        .occurredAt(START.plusSeconds(60)).member(MemberId.of("m-gone")).build());
    assertEquals(List.of("m-ok"), order(suggest(s)));
  }

  @Test
  void suspendedMembersAreLeftOutUntilReinstatedEvenOnceTheSuspensionLapsed() {
    Scenario s = active(active(community(), "m-a", "a-mem"), "m-b", "a-mem", NIBIN)
        .suspended("m-b", MembershipRole.MEMBER, "2026-01-31", START.plusSeconds(60));
    recentCall(s, "m-a");
    assertEquals(List.of("m-a"), order(suggest(s)), "suspended until 2026-01-31, not reinstated");
  }

  @Test
  void theExplanationNamesTheDecidingFactorsLargestFirst() {
    Scenario s = active(active(community(), "m-a", "a-kc"), "m-b", "a-mem", NIBIN);
    s.levelChanged("m-b", null, "mentor", NOW.minus(Duration.ofDays(3)));
    recentCall(s, "m-b");
    AnswererSuggestion best = suggest(s).get(0);
    assertEquals(List.of("topicExpertise", "engagementLevel", "diversity"),
        best.decidingFactors());
    assertEquals("m-b: score 3.50: lists gun-violence.nibin as expertise (+2.00); engagement"
        + " level mentor (+1.00); site s-mem, not the asker's s-kc (+0.50)", best.explanation());
  }

  @Test
  void weightsOfZeroTurnAFactorOff() {
    Scenario s = recentCall(active(active(community(), "m-a", "a-mem"), "m-b", "a-mem", NIBIN),
        "m-a", "m-b");
    s.rfi("r-now", "m-ask", NIBIN, NOW.minus(Duration.ofHours(1)));
    AnswererWeights off = new AnswererWeights(0, 1, 1, 0.5, 3, 1, 0.75, 0.5, 1.5, 90, 0.5);
    assertEquals(List.of("m-a", "m-b"), order(AnswererSuggestions.forRequest(s.record,
        RfiId.of("r-now"), NOW, off, 10)));
  }

  @Test
  void theLimitCutsTheListAndBadArgumentsAreRefused() {
    Scenario s = recentCall(active(active(community(), "m-a", "a-mem"), "m-b", "a-mem", NIBIN),
        "m-a", "m-b");
    assertEquals(List.of("m-b"), order(suggestLimited(s, 1)));
    InvalidValueException limit = assertThrows(InvalidValueException.class,
        () -> AnswererSuggestions.forRequest(s.record, RfiId.of("r-now"), NOW,
            AnswererWeights.DEFAULTS, 0));
    assertTrue(limit.getMessage().contains("limit"), limit.getMessage());
    InvalidValueException unknown = assertThrows(InvalidValueException.class,
        () -> AnswererSuggestions.forRequest(s.record, RfiId.of("r-none"), NOW,
            AnswererWeights.DEFAULTS, 3));
    assertTrue(unknown.getMessage().contains("r-none"), unknown.getMessage());
    s.answered("r-now", "x-1", "m-b", NOW.minus(Duration.ofMinutes(30)));
    accept(s, "r-now", "x-1", NOW.minus(Duration.ofMinutes(20)));
    InvalidValueException resolved = assertThrows(InvalidValueException.class,
        () -> AnswererSuggestions.forRequest(s.record, RfiId.of("r-now"), NOW,
            AnswererWeights.DEFAULTS, 3));
    assertTrue(resolved.getMessage().contains("RESOLVED"), resolved.getMessage());
    InvalidValueException weight = assertThrows(InvalidValueException.class,
        () -> new AnswererWeights(-1, 1, 1, 0.5, 3, 1, 0.75, 0.5, 1.5, 90, 0.5));
    assertTrue(weight.getMessage().contains("topicExpertise"), weight.getMessage());
  }

  private static List<AnswererSuggestion> suggestLimited(Scenario s, int limit) {
    s.rfi("r-now", "m-ask", NIBIN, NOW.minus(Duration.ofHours(1)));
    return AnswererSuggestions.forRequest(s.record, RfiId.of("r-now"), NOW,
        AnswererWeights.DEFAULTS, limit);
  }
}
