package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pcop.model.InvalidValueException;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.RfiId;
import java.util.Map;
import org.pcop.rules.AnswererSuggestion;
import org.pcop.rules.AnswererWeights;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.definition.RecommendationRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;

/** The engine ranks who should answer an open request, from the state it holds. */
class PcopSuggestAnswerersTest {
  private static final MemberId M_EXPERT = MemberId.of("m-expert");

  private static Pcop community(World world) {
    Pcop pcop = world.engine();
    world.populate(pcop);
    Member expert = Member.builder().from(member(M_EXPERT, A_KC)).addExpertise(TOPIC).build();
    pcop.enrolMember(world.as(ADMIN), expert);
    pcop.changeMembership(world.as(ADMIN), M_EXPERT, MembershipRole.MEMBER,
        MembershipStatus.ACTIVE, Optional.empty());
    pcop.postRfi(world.as(PAT), rfi("q-1"));
    return pcop;
  }

  @Test
  void theTopicExpertComesFirstAndTheAskerIsLeftOut() {
    World world = new World();
    Pcop pcop = community(world);
    int audited = world.audit.getRecords().size();
    List<AnswererSuggestion> ranked = pcop.suggestAnswerers(RfiId.of("q-1"), LEAD, 5);
    List<MemberId> members = ranked.stream().map(AnswererSuggestion::member)
        .collect(Collectors.toList());
    assertEquals(M_EXPERT, members.get(0), ranked.toString());
    assertTrue(!members.contains(M_PAT), "the asker is not suggested: " + members);
    assertEquals(3, members.size(), "the advisor, the lead and the expert: " + members);
    assertTrue(ranked.get(0).explanation().contains("lists " + TOPIC + " as expertise"),
        ranked.get(0).explanation());
    assertEquals(List.of(M_EXPERT), pcop.suggestAnswerers(RfiId.of("q-1"), PAT, 1).stream()
        .map(AnswererSuggestion::member).collect(Collectors.toList()));
    assertEquals(audited, world.audit.getRecords().size(), "a query is not audited");
  }

  @Test
  void theRuleSetsRecommendationWeightsAreUsed() {
    World world = new World();
    RuleSet defaults = DefaultRules.forCommunity(PCOP);
    RecommendationRule tuned = RecommendationRule.builder().id(RuleId.of("suggestions"))
        .community(PCOP).answererWeights(AnswererWeights.DEFAULTS.with(Map.of(
            "topicExpertise", 0, "areaExpertise", 0)))
        .build();
    RuleSet rules = RuleSet.builder().from(defaults).addRule(tuned).build();
    Pcop pcop = Pcop.builder().store(world.store).community(COMMUNITY).clock(CLOCK)
        .identities(world.identities).access(world.access).audit(world.audit)
        .notifications(world.sink).directory(world.directory).rules(rules).build();
    world.populate(pcop);
    Member expert = Member.builder().from(member(M_EXPERT, A_KC)).addExpertise(TOPIC).build();
    pcop.enrolMember(world.as(ADMIN), expert);
    pcop.changeMembership(world.as(ADMIN), M_EXPERT, MembershipRole.MEMBER,
        MembershipStatus.ACTIVE, Optional.empty());
    pcop.postRfi(world.as(PAT), rfi("q-1"));
    List<AnswererSuggestion> ranked = pcop.suggestAnswerers(RfiId.of("q-1"), LEAD, 5);
    assertTrue(ranked.stream().noneMatch(s -> s.decidingFactors().contains("topicExpertise")),
        "expertise weighs nothing under this rule set: " + ranked);
    assertTrue(!ranked.get(0).member().equals(M_EXPERT), ranked.toString());
  }

  @Test
  void anUnknownRequestABadLimitAndAClosedEngineAreRefused() {
    World world = new World();
    Pcop pcop = community(world);
    InvalidValueException unknown = assertThrows(InvalidValueException.class,
        () -> pcop.suggestAnswerers(RfiId.of("q-none"), LEAD, 5));
    assertTrue(unknown.getMessage().contains("q-none"), unknown.getMessage());
    assertThrows(InvalidValueException.class, () -> pcop.suggestAnswerers(RfiId.of("q-1"),
        LEAD, 0));
    assertThrows(NullPointerException.class, () -> pcop.suggestAnswerers(RfiId.of("q-1"),
        null, 5));
    pcop.close();
    assertThrows(IllegalStateException.class, () -> pcop.suggestAnswerers(RfiId.of("q-1"),
        LEAD, 5));
  }

}
