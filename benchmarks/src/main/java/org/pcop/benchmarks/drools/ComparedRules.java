package org.pcop.benchmarks.drools;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.benchmarks.PeerRules;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.Evaluation;
import org.pcop.rules.LevelChange;
import org.pcop.rules.ServiceLevelBreach;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.ServiceLevelRule;

/**
 * The part of the rule set the peers restate ({@link PeerRules}) that the Drools rule file
 * restates (the engagement levels active, contributor and mentor, and the three service levels), and pcop's results in the terms {@link DroolsSession} gives
 * them, so that the two engines compare with {@code equals}.
 */
public final class ComparedRules {
  private ComparedRules() {}

  /**
   * The engagement-level and service-level rules of {@link PeerRules#forCommunity}, in its
   * order.
   *
   * @param community the community governed
   * @return the rule set
   */
  public static RuleSet forCommunity(CommunityId community) {
    RuleSet all = PeerRules.forCommunity(community);
    var subset = RuleSet.builder().id(all.getId() + "-levels-and-service-levels")
        .version(all.getVersion());
    for (Rule rule : all.getRules()) {
      if (rule.kind().equals(EngagementLevelRule.KIND)
          || rule.kind().equals(ServiceLevelRule.KIND)) {
        subset.addRule(rule);
      }
    }
    return subset.build();
  }

  /**
   * The level each member is at after pcop's evaluation: the level recorded in the history the
   * evaluation read, changed where the evaluation finds a level change.
   *
   * @param evaluation pcop's evaluation
   * @param record the record it evaluated, for the levels recorded before it
   * @return level name by member id
   */
  public static Map<String, String> levels(Evaluation evaluation, EngagementRecord record) {
    Map<String, String> levels = new TreeMap<>();
    CommunityId community = NationalCommunity.COMMUNITY.getId();
    for (MemberId member : record.membersWithLevels(community)) {
      record.level(member, community).level()
          .ifPresent(level -> levels.put(member.value(), level));
    }
    for (LevelChange change : evaluation.findings(LevelChange.class)) {
      if (change.getTo().isPresent()) {
        levels.put(change.getMember().value(), change.getTo().get());
      } else {
        levels.remove(change.getMember().value());
      }
    }
    return levels;
  }

  /**
   * The service-level breaches pcop reports.
   *
   * @param evaluation pcop's evaluation
   * @return the breaches
   */
  public static Set<Breach> breaches(Evaluation evaluation) {
    Set<Breach> breaches = new HashSet<>();
    for (ServiceLevelBreach breach : evaluation.findings(ServiceLevelBreach.class)) {
      breaches.add(new Breach(breach.getSubject().toString(), breach.getObligation(),
          breach.getDueAt(), breach.getLateness(), breach.isOutstanding()));
    }
    return breaches;
  }
}
