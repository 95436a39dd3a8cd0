package org.pcop.rules.definition;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;

/**
 * A community's policy of inviting answerers: when {@link #isEnabled() enabled}, each request for
 * information posted in the community invites the top {@link #getAnswerers()} members suggested
 * to answer it (ranked as {@code org.pcop.rules.AnswererSuggestions} ranks them when the request
 * is posted), each with one notification naming the request, its topic and the factors behind
 * the suggestion, never the question. A community without this rule, or with it disabled, invites
 * no one. A rule set holds at most one such rule per community.
 */
@Value.Immutable
public interface AnswererInvitationRule extends Rule {
  /** The kind name. */
  String KIND = "answerer-invitation";

  /** The most answerers one request may invite. */
  int MAX_ANSWERERS = 10;

  @Override
  RuleId getId();

  @Override
  CommunityId getCommunity();

  /**
   * Whether posting a request invites anyone.
   *
   * @return true when invitations are sent
   */
  boolean isEnabled();

  /**
   * How many of the best suggested answerers a posted request invites.
   *
   * @return 1 to {@link #MAX_ANSWERERS}
   */
  int getAnswerers();

  @Override
  default String kind() {
    return KIND;
  }

  /** Refuses fewer than 1 or more than {@link #MAX_ANSWERERS} answerers. */
  @Value.Check
  default void check() {
    InvalidValueException.check(getAnswerers() >= 1 && getAnswerers() <= MAX_ANSWERERS,
        "AnswererInvitationRule", "answerers", "must be 1 to %d, got %d", MAX_ANSWERERS,
        getAnswerers());
  }

  /**
   * The invitation policy a rule set gives a community, if it has one.
   *
   * @param rules the rule set
   * @param community the community
   * @return the rule, enabled or not
   * @throws InvalidValueException if the set holds more than one for the community, naming them
   */
  static Optional<AnswererInvitationRule> of(RuleSet rules, CommunityId community) {
    List<AnswererInvitationRule> found = rules.getRules().stream()
        .filter(AnswererInvitationRule.class::isInstance).map(AnswererInvitationRule.class::cast)
        .filter(r -> r.getCommunity().equals(community)).collect(Collectors.toList());
    InvalidValueException.check(found.size() <= 1, "RuleSet", "rules",
        "rule set %s holds %d answerer-invitation rules for community %s (%s); keep one",
        rules.getId(), found.size(), community, found.stream().map(r -> r.getId().value())
            .collect(Collectors.joining(", ")));
    return found.stream().findFirst();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableAnswererInvitationRule.Builder builder() {
    return ImmutableAnswererInvitationRule.builder();
  }
}
