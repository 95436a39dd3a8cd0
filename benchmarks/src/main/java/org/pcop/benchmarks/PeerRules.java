package org.pcop.benchmarks;

import java.util.List;
import org.pcop.model.CommunityId;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RuleSet;

/**
 * The rule set the peers restate: pcop's default rule set with its level rule cut to the levels
 * that the hand-written passes, the tight pass and the Drools rule file restate (active,
 * contributor and mentor, which read participations, tenure, conduct flags and suspension). The
 * default's steward level, which reads contributions (answers, accepted answers from distinct
 * askers, exchanges hosted), community-call attendance and an upheld-flag count, is not restated
 * by any peer, so every comparison with a peer evaluates this rule set, not the default.
 */
public final class PeerRules {
  /** The rule set's id. */
  public static final String ID = DefaultRules.ID + "-peer-levels";

  /** The levels the peers restate, lowest first. */
  public static final List<String> LEVELS = List.of("active", "contributor", "mentor");

  private PeerRules() {}

  /**
   * The default rule set with its level rule holding only {@link #LEVELS}.
   *
   * @param community the community governed
   * @return the rule set
   */
  public static RuleSet forCommunity(CommunityId community) {
    RuleSet defaults = DefaultRules.forCommunity(community);
    var rules = RuleSet.builder().id(ID).version(defaults.getVersion());
    for (Rule rule : defaults.getRules()) {
      if (rule instanceof EngagementLevelRule levels) {
        rules.addRule(EngagementLevelRule.builder().from(levels).levels(levels.getLevels()
            .stream().filter(level -> LEVELS.contains(level.getName())).toList()).build());
      } else {
        rules.addRule(rule);
      }
    }
    return rules.build();
  }
}
