package org.pcop.benchmarks;

import org.pcop.model.CommunityId;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.definition.ContributionKind;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.Window;

/**
 * pcop's default rule set with a capped share in its steward level: requests answered for at
 * least 5% of the requests posted in the community in the last 100 days, never more than 5 (the
 * share the steward level left out). A request posted changes what the share requires of every
 * member, so under this rule set incremental evaluation re-evaluates the whole community's levels
 * on each request posted and each exchange held; {@link IncrementalBenchmark} measures that cost
 * against the default rule set.
 */
public final class ShareRules {
  /** The rule set's id. */
  public static final String ID = DefaultRules.ID + "-capped-share";

  /** The share the steward level gets. */
  public static final Measure SHARE = Measure.contributionShare(
      ContributionKind.REQUEST_ANSWERED, Window.lastDays(100), 0.05, 5);

  private ShareRules() {}

  /**
   * The default rule set with {@link #SHARE} added to its steward level.
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
            .stream().map(level -> !level.getName().equals("steward") ? level
                : Level.builder().from(level).addRequirements(SHARE).build()).toList())
            .build());
      } else {
        rules.addRule(rule);
      }
    }
    return rules.build();
  }
}
