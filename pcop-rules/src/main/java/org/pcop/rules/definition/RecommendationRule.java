package org.pcop.rules.definition;

import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.rules.AnswererSuggestions;
import org.pcop.rules.AnswererWeights;
import org.pcop.rules.HostSuggestions;
import org.pcop.rules.HostWeights;

/**
 * How a community's suggestions are scored: the weights {@link AnswererSuggestions} ranks
 * members with for a request, and those {@link HostSuggestions} ranks sites with for an
 * exchange. A weight left out keeps its default ({@link AnswererWeights#DEFAULTS},
 * {@link HostWeights#DEFAULTS}), so an office tunes only what it means to. The rule judges no
 * one: it yields no results, only the weights the suggestion queries read.
 */
@Value.Immutable
public interface RecommendationRule extends Rule {
  /** The kind name. */
  String KIND = "recommendation";

  @Override
  RuleId getId();

  @Override
  CommunityId getCommunity();

  /**
   * The weights of answerer suggestions.
   *
   * @return the weights, the defaults unless set
   */
  @Value.Default
  default AnswererWeights getAnswererWeights() {
    return AnswererWeights.DEFAULTS;
  }

  /**
   * The weights of host suggestions.
   *
   * @return the weights, the defaults unless set
   */
  @Value.Default
  default HostWeights getHostWeights() {
    return HostWeights.DEFAULTS;
  }

  @Override
  default String kind() {
    return KIND;
  }

  /**
   * The recommendation rule a rule set holds for a community, if any (the first, in the set's
   * order).
   *
   * @param rules the rule set
   * @param community the community
   * @return the rule
   */
  static Optional<RecommendationRule> of(RuleSet rules, CommunityId community) {
    return rules.getRules().stream().filter(RecommendationRule.class::isInstance)
        .map(RecommendationRule.class::cast).filter(r -> r.getCommunity().equals(community))
        .findFirst();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableRecommendationRule.Builder builder() {
    return ImmutableRecommendationRule.builder();
  }
}
