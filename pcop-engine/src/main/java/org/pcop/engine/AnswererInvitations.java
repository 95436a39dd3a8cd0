package org.pcop.engine;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiState;
import org.pcop.model.event.EventId;
import org.pcop.model.event.RfiPosted;
import org.pcop.rules.AnswererSuggestion;
import org.pcop.rules.AnswererSuggestions;
import org.pcop.rules.AnswererWeights;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.SuggestionFactor;
import org.pcop.rules.definition.AnswererInvitationRule;
import org.pcop.rules.definition.RecommendationRule;
import org.pcop.rules.definition.RuleSet;
import org.pcop.spi.Notification;

/**
 * The invitations a posted request gives under the community's answerer-invitation policy: one
 * notification to each of the best suggested answerers, ranked by {@link AnswererSuggestions}
 * (as {@link Pcop#suggestAnswerers} ranks them) from the record right after the request was
 * posted, as of the instant it was posted, so that a rebuild derives the same invitations: the
 * members {@code suggestAnswerers} would list with the policy's number as its limit. The text
 * names the request, its topic, the rank, the score and the factors behind it (as the
 * suggestion's explanation gives them), never the question, which may hold case facts.
 */
final class AnswererInvitations {
  /** The kind of an invitation notification. */
  static final String KIND = "rfi.invited";

  private final Projection projection;
  private final Optional<AnswererInvitationRule> policy;
  private final AnswererWeights weights;
  private final Clock clock;

  /**
   * Reads the community's policy.
   *
   * @throws org.pcop.model.InvalidValueException if the rule set holds two for the community
   */
  AnswererInvitations(Projection projection, RuleSet rules, CommunityId community, Clock clock) {
    this.projection = projection;
    this.policy = AnswererInvitationRule.of(rules, community)
        .filter(AnswererInvitationRule::isEnabled);
    // The weights Pcop.suggestAnswerers ranks by: the rule set's, or the defaults.
    this.weights = RecommendationRule.of(rules, community)
        .map(RecommendationRule::getAnswererWeights).orElse(AnswererWeights.DEFAULTS);
    this.clock = clock;
  }

  /** The invitations of a request just posted, best suggested first; none when off. */
  List<Notification> of(RfiPosted posted) {
    if (policy.isEmpty()) {
      return List.of();
    }
    EngagementRecord record = projection.record();
    RequestForInformation request = posted.getRequest();
    Optional<RequestForInformation> stored = record.rfi(request.getId());
    if (stored.isEmpty() || (stored.get().getState() != RfiState.OPEN
        && stored.get().getState() != RfiState.ANSWERED)) {
      return List.of();
    }
    List<AnswererSuggestion> ranked = AnswererSuggestions.forRequest(record, request.getId(),
        posted.getOccurredAt(), weights, policy.get().getAnswerers());
    List<Notification> invitations = new java.util.ArrayList<>(ranked.size());
    for (int i = 0; i < ranked.size(); i++) {
      AnswererSuggestion suggestion = ranked.get(i);
      invitations.add(Notification.builder().id(id(posted.getEventId(), suggestion.member()))
          .kind(KIND).addRecipients(suggestion.member())
          .text(text(request, suggestion, i + 1, ranked.size()))
          .addCausedBy(posted.getEventId()).createdAt(clock.instant()).build());
    }
    return invitations;
  }

  /**
   * The invitation's id, one per request and member, so that the sink keeps each once: the
   * event's notification id and the member's id, or the member's hash where both together would
   * pass the 128 characters of a notification id.
   */
  static String id(EventId posted, MemberId member) {
    String id = "n-" + posted.value() + ":" + member.value();
    if (id.length() <= 128) {
      return id;
    }
    return "n-" + posted.value() + ":" + Integer.toHexString(member.value().hashCode());
  }

  private static String text(RequestForInformation request, AnswererSuggestion suggestion,
      int rank, int of) {
    StringBuilder text = new StringBuilder("You are invited to answer request ")
        .append(request.getId()).append(" on topic ").append(request.getTopic())
        .append(": suggested answerer ").append(rank).append(" of ").append(of)
        .append(String.format(Locale.ROOT, ", score %.2f", suggestion.score()));
    List<SuggestionFactor> factors = suggestion.factors();
    for (int i = 0; i < factors.size(); i++) {
      text.append(i == 0 ? ": " : "; ").append(factors.get(i).render());
    }
    if (factors.isEmpty()) {
      text.append(": no factor applies");
    }
    return text.toString();
  }
}
