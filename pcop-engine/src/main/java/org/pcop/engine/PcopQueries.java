package org.pcop.engine;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.pcop.model.CaseReference;
import org.pcop.model.Community;
import org.pcop.model.ExchangeId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.RfiId;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiState;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.AnswererSuggestion;
import org.pcop.rules.AnswererSuggestions;
import org.pcop.rules.AnswererWeights;
import org.pcop.rules.HostSuggestion;
import org.pcop.rules.HostSuggestions;
import org.pcop.rules.HostWeights;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.rules.definition.RecommendationRule;
import org.pcop.rules.definition.RuleSet;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.HostUserId;

/**
 * The queries of {@link Pcop}: the roster and members, histories, exchanges and requests for
 * information (for trusted host code, and as a given host user may see them), suggested
 * answerers and hosts, and case references followed for a user. Declared here, by job, so that
 * each part of the entry point reads on its own; only {@link Pcop} extends it (through its
 * commands), and javadoc documents these methods as {@link Pcop}'s own.
 */
abstract class PcopQueries {
  private final EngineParts engine;
  private final Community community;
  private final RuleSet rules;
  private final Clock clock;
  private final Lifecycle lifecycle;
  private final Projection projection;
  private final CaseReferences caseReferences;

  PcopQueries(EngineParts engine) {
    this.engine = engine;
    this.community = engine.community;
    this.rules = engine.rules;
    this.clock = engine.clock;
    this.lifecycle = engine.lifecycle;
    this.projection = engine.projection;
    this.caseReferences = engine.caseReferences;
  }

  /**
   * The community's memberships (every status), after catching up with the store.
   *
   * @return the memberships
   * @throws IllegalStateException if the engine is closed
   */
  public List<Membership> roster() {
    return query("roster", () -> List.copyOf(projection.record().memberships(community.getId())));
  }

  /**
   * A member's record, if enrolled.
   *
   * @param member the member
   * @return the record
   * @throws IllegalStateException if the engine is closed
   */
  public Optional<Member> member(MemberId member) {
    return query("member", () -> projection.record().member(member));
  }

  /**
   * Whether a member was deactivated (their history is kept).
   *
   * @param member the member
   * @return true if deactivated
   * @throws IllegalStateException if the engine is closed
   */
  public boolean isDeactivated(MemberId member) {
    return query("isDeactivated", () -> projection.record().isDeactivated(member));
  }

  /**
   * Every event about a member or by them, in log order, with the labels of case references: for
   * trusted host code only. What a person sees comes from {@link #history(MemberId, HostUserId)}.
   *
   * @param member the member
   * @return the events
   * @throws IllegalStateException if the engine is closed
   */
  public List<PcopEvent> history(MemberId member) {
    return query("history", () -> projection.history(member));
  }

  /**
   * Exchanges that are neither closed nor documented, with the labels of case references: for
   * trusted host code only. What a person sees comes from {@link #openExchanges(HostUserId)}.
   *
   * @return the open exchanges
   * @throws IllegalStateException if the engine is closed
   */
  public List<Exchange> openExchanges() {
    return query("openExchanges", () -> projection.record().exchanges(community.getId()).stream()
        .filter(e -> !e.getState().isFinal()).map(projection.reviews()::redact)
        .collect(Collectors.toList()));
  }

  /**
   * An exchange in its current state, with the labels of case references: for trusted host code
   * only. What a person sees comes from {@link #exchange(ExchangeId, HostUserId)}.
   *
   * @param exchange the exchange
   * @return the exchange, if requested
   * @throws IllegalStateException if the engine is closed
   */
  public Optional<Exchange> exchange(ExchangeId exchange) {
    return query("exchange", () -> projection.record().exchange(exchange)
        .map(projection.reviews()::redact));
  }

  /**
   * Requests for information without an accepted answer that are not closed, with the labels of
   * case references: for trusted host code only. What a person sees comes from
   * {@link #openRfis(HostUserId)}.
   *
   * @return the open requests
   * @throws IllegalStateException if the engine is closed
   */
  public List<RequestForInformation> openRfis() {
    return query("openRfis", () -> projection.record().rfis(community.getId()).stream()
        .filter(r -> r.getState() == RfiState.OPEN || r.getState() == RfiState.ANSWERED)
        .map(projection.reviews()::redact).collect(Collectors.toList()));
  }

  /**
   * A request for information in its current state, with the labels of case references: for
   * trusted host code only. What a person sees comes from {@link #rfi(RfiId, HostUserId)}.
   *
   * @param request the request
   * @return the request, if posted
   * @throws IllegalStateException if the engine is closed
   */
  public Optional<RequestForInformation> rfi(RfiId request) {
    return query("rfi", () -> projection.record().rfi(request)
        .map(projection.reviews()::redact));
  }

  /**
   * The open exchanges as a given host user may see them: the label of every case reference the
   * access policy does not let the user resolve is replaced by its opaque handle.
   *
   * @param viewer the host user who will see the result
   * @return the open exchanges
   * @throws IllegalStateException if the engine is closed
   */
  public List<Exchange> openExchanges(HostUserId viewer) {
    lifecycle.ensureOpen("openExchanges");
    Objects.requireNonNull(viewer, "viewer");
    return openExchanges().stream().map(x -> caseReferences.redact(x, viewer))
        .collect(Collectors.toList());
  }

  /**
   * The open requests for information as a given host user may see them: the label of every case
   * reference the access policy does not let the user resolve is replaced by its opaque handle.
   *
   * @param viewer the host user who will see the result
   * @return the open requests
   * @throws IllegalStateException if the engine is closed
   */
  public List<RequestForInformation> openRfis(HostUserId viewer) {
    lifecycle.ensureOpen("openRfis");
    Objects.requireNonNull(viewer, "viewer");
    return openRfis().stream().map(r -> caseReferences.redact(r, viewer))
        .collect(Collectors.toList());
  }

  /**
   * An exchange in its current state as a given host user may see it: the label of every case
   * reference the access policy does not let the user resolve is replaced by its opaque handle.
   *
   * @param exchange the exchange
   * @param viewer the host user who will see the result
   * @return the exchange, if requested
   * @throws IllegalStateException if the engine is closed
   */
  public Optional<Exchange> exchange(ExchangeId exchange, HostUserId viewer) {
    Objects.requireNonNull(viewer, "viewer");
    return exchange(exchange).map(x -> caseReferences.redact(x, viewer));
  }

  /**
   * Every exchange of the community in any state (requested through documented, declined and
   * cancelled), in the order requested, as a given host user may see them: the label of every
   * case reference the access policy does not let the user resolve is replaced by its handle.
   *
   * @param viewer the host user who will see the result
   * @return the exchanges
   * @throws IllegalStateException if the engine is closed
   */
  public List<Exchange> exchanges(HostUserId viewer) {
    Objects.requireNonNull(viewer, "viewer");
    return query("exchanges", () -> projection.record().exchanges(community.getId()).stream()
        .map(projection.reviews()::redact).collect(Collectors.toList())).stream()
        .map(x -> caseReferences.redact(x, viewer)).collect(Collectors.toList());
  }

  /**
   * A request for information in its current state as a given host user may see it: the label of
   * every case reference the access policy does not let the user resolve is replaced by its
   * handle.
   *
   * @param request the request
   * @param viewer the host user who will see the result
   * @return the request, if posted
   * @throws IllegalStateException if the engine is closed
   */
  public Optional<RequestForInformation> rfi(RfiId request, HostUserId viewer) {
    Objects.requireNonNull(viewer, "viewer");
    return rfi(request).map(r -> caseReferences.redact(r, viewer));
  }

  /**
   * Every request for information of the community in any state (open, answered, resolved,
   * expired), as a given host user may see them: the label of every case reference the access
   * policy does not let the user resolve is replaced by its handle.
   *
   * @param viewer the host user who will see the result
   * @return the requests
   * @throws IllegalStateException if the engine is closed
   */
  public List<RequestForInformation> rfis(HostUserId viewer) {
    Objects.requireNonNull(viewer, "viewer");
    return query("rfis", () -> projection.record().rfis(community.getId()).stream()
        .map(projection.reviews()::redact).collect(Collectors.toList())).stream()
        .map(r -> caseReferences.redact(r, viewer)).collect(Collectors.toList());
  }

  /**
   * Who should be asked to answer an open request for information, best first, as of the clock's
   * current instant: each suggestion has a score and the factors behind it (expertise on the
   * topic and its core area, accepted answers on related topics, response times, this week's
   * load, engagement level, dormancy, diversity), ranked by
   * {@link AnswererSuggestions#forRequest} with the answerer weights of the rule set's
   * {@link RecommendationRule} for the community, or the {@link AnswererWeights#DEFAULTS default
   * weights} when it has none. The asker and members whose membership is not active are left
   * out. A suggestion names members and facts about them, never the question's text nor a case
   * reference, so every viewer sees the same list; like the other queries it is not audited and
   * not checked against the access policy (the host decides who reaches it).
   *
   * @param request the request
   * @param viewer the host user who will see the result
   * @param limit the most suggestions to return, 1 or more
   * @return the suggestions, best first
   * @throws org.pcop.model.InvalidValueException if the request is unknown or no longer open
   *     (resolved or expired), or the limit is below 1
   * @throws IllegalStateException if the engine is closed
   */
  public List<AnswererSuggestion> suggestAnswerers(RfiId request, HostUserId viewer,
      int limit) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(viewer, "viewer");
    return query("suggestAnswerers", () -> AnswererSuggestions.forRequest(projection.record(),
        request, clock.instant(), RecommendationRule.of(rules, community.getId())
            .map(RecommendationRule::getAnswererWeights).orElse(AnswererWeights.DEFAULTS),
        limit));
  }

  /**
   * Which sites should host a requested exchange, best first, as of the clock's current instant:
   * each suggestion has a score and the factors behind it (practice in the exchange's core areas,
   * exchanges hosted and reported, host capacity and travel funding left under the rule set's
   * exchange policy for the community, past pairings), ranked by
   * {@link HostSuggestions#forExchange} with the host weights of the rule set's
   * {@link RecommendationRule} for the community, or the {@link HostWeights#DEFAULTS default
   * weights} when it has none.
   * The sites of the visiting agencies are left out. A suggestion names sites and facts about
   * them, never the exchange's purpose nor a case reference, so every viewer sees the same list;
   * like the other queries it is not audited and not checked against the access policy.
   *
   * @param exchange the exchange, still requested
   * @param viewer the host user who will see the result
   * @param limit the most suggestions to return, 1 or more
   * @return the suggestions, best first
   * @throws org.pcop.model.InvalidValueException if the exchange is unknown or past its request,
   *     or the limit is below 1
   * @throws IllegalStateException if the engine is closed
   */
  public List<HostSuggestion> suggestHosts(ExchangeId exchange, HostUserId viewer, int limit) {
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(viewer, "viewer");
    Optional<ExchangePolicyRule> policy = rules.getRules().stream()
        .filter(ExchangePolicyRule.class::isInstance).map(ExchangePolicyRule.class::cast)
        .filter(r -> r.getCommunity().equals(community.getId())).findFirst();
    return query("suggestHosts", () -> HostSuggestions.forExchange(projection.record(),
        exchange, clock.instant(), policy, RecommendationRule.of(rules, community.getId())
            .map(RecommendationRule::getHostWeights).orElse(HostWeights.DEFAULTS), limit));
  }

  /**
   * Every event about a member or by them, in log order, as a given host user may see them: in
   * an exchange requested or a request posted, the label of every case reference the access
   * policy does not let the user resolve is replaced by its handle.
   *
   * @param member the member
   * @param viewer the host user who will see the result
   * @return the events
   * @throws IllegalStateException if the engine is closed
   */
  public List<PcopEvent> history(MemberId member, HostUserId viewer) {
    Objects.requireNonNull(viewer, "viewer");
    return history(member).stream().map(e -> caseReferences.redact(e, viewer))
        .collect(Collectors.toList());
  }

  /**
   * Follows a case reference for a host user: finds the reference, with its label, that an
   * exchange or request for information of the community (open or closed) carries under the
   * handle, if the {@link AccessPolicy#mayResolve access policy} lets the user resolve it. The
   * user must be mapped to a member. Every attempt is audited as command
   * {@value Pcop#RESOLVE_COMMAND} ({@code COMMITTED} with no events when allowed, {@code DENIED}
   * otherwise), naming the reference by its handle only. The policy is asked before the handle
   * is looked up, so a user it refuses learns nothing of whether pcop knows the handle. There is
   * no action name in {@link Pcop#ACTIONS} for this: the policy decides case by case.
   *
   * @param context who asks, and the request id of the audit record
   * @param handle the case reference's opaque handle
   * @return the reference with its label, or empty if no exchange or request carries the handle
   * @throws CommandRefusedException {@code DENIED} if the user is not mapped to a member or may
   *     not resolve the reference; {@code INVALID} if the handle does not have a handle's shape;
   *     {@code STORE_FAILURE} if the audit sink fails (nothing is
   *     returned then)
   * @throws IllegalStateException if the engine is closed
   */
  public Optional<CaseReference> resolveCaseReference(CommandContext context, String handle) {
    return caseReferences.resolve(context, handle);
  }

  /** Runs a query on the state caught up with the store ({@link EngineParts#query}). */
  private <T> T query(String what, Supplier<T> read) {
    return engine.query(what, read);
  }
}
