package org.pcop.engine;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.pcop.model.Agency;
import org.pcop.model.CaseReference;
import org.pcop.model.Community;
import org.pcop.model.ExchangeId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.Site;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiState;
import org.pcop.model.activity.Schedule;
import org.pcop.model.event.CaseFactDecision;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EventId;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.validation.ModelValidator;
import org.pcop.rules.AnswererSuggestion;
import org.pcop.rules.AnswererSuggestions;
import org.pcop.rules.AnswererWeights;
import org.pcop.rules.Evaluation;
import org.pcop.rules.HostSuggestion;
import org.pcop.rules.HostSuggestions;
import org.pcop.rules.HostWeights;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.rules.definition.RecommendationRule;
import org.pcop.rules.definition.RuleSet;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.EventStore;
import org.pcop.spi.HostUserId;
import org.pcop.spi.IdentityMapping;
import org.pcop.spi.NotificationSink;
import org.pcop.spi.StreamId;
import java.time.LocalDate;

/**
 * The pcop engine for one community, embedded in a host: commands in, events to the host's
 * {@link EventStore}, queries over a projection kept current as events arrive.
 *
 * <p>Every command is, in this order: authorised (the {@link IdentityMapping} maps the user to the
 * acting member, the {@link AccessPolicy} allows the action), validated (every violation reported),
 * checked against the current state and the rule set (every unmet condition reported), audited,
 * appended to the community's stream with an expected version and event ids derived from the
 * request id, projected, and its notifications handed to the {@link NotificationSink}. A refusal is
 * a {@link CommandRefusedException} whose {@link CommandRefusedException.Reason} says why; nothing
 * is appended then.
 *
 * <p>Guarantees: commands are serialised within one engine and decided on the state it knows; if
 * another engine over the store appended first, the store refuses and the engine catches up and
 * decides again (five times at most, then a {@link Reason#CONFLICT}); it refuses a command only
 * on a state caught up with the store. A command that names the request id of a committed
 * command with the same input is acknowledged with the original events
 * ({@link CommandResult#retry()}); under that request id, another command or other input is
 * refused as {@link Reason#INVALID}, since a retry repeats its request exactly (events stored
 * before input digests were kept are acknowledged whatever the input). If the audit sink fails,
 * the command fails closed and nothing is appended. Texts, notifications and audit records carry
 * a case reference's opaque handle only, never its label; queries that take a viewer
 * ({@link #exchanges(HostUserId)}, {@link #history(MemberId, HostUserId)}, ...) show a label only
 * to a viewer the access policy lets resolve the reference, and {@link #resolveCaseReference}
 * follows a handle for a user, audited.
 * Thread-safe.
 *
 * <p><b>Notifications</b> are derived from stored events only (never for an event that was not
 * stored) and handed to the {@link NotificationSink} at least once, each with an id derived from
 * its event's id, so a sink that keeps each id once (as its contract requires) delivers it exactly
 * once. One the sink refuses stays in an outbox, retried by later commands, by
 * {@link #flushNotifications()} and by {@link #close()}. The outbox also holds across restarts:
 * every batch the engine appends records, in its metadata ({@value #NOTIFIED_KEY}), a store
 * position through which every notification is known to be handed over (none of this engine's
 * still waiting, and no event after the previous such position left that this engine did not
 * notify itself). A new engine over the store derives again the notifications of the events
 * after the highest recorded position, usually just those of the last command, and hands them
 * over when it is built. A log without any recorded position (written before this guarantee, or
 * imported) is taken as notified when the engine is built, and so is every event that no engine
 * wrote (one without {@code command} metadata, such as an event imported while engines run): it
 * gives no notification, now or at a restart, and holds no engine's recorded position back.
 *
 * <p><b>Invitations.</b> Under an enabled
 * {@link org.pcop.rules.definition.AnswererInvitationRule answerer-invitation policy} of the
 * community (none in the default rules), a posted request invites its best suggested answerers,
 * ranked as {@link #suggestAnswerers} ranks them when it is posted: each gets one notification of
 * kind {@code rfi.invited} naming the request, its topic and the factors behind the suggestion,
 * never the question. Invitations are derived like the other notifications, so they survive a
 * restart and a start from a snapshot, and a retried post invites no one twice. The builder
 * refuses a rule set with two such policies for the community.
 *
 * <p>{@link #close()} flushes the outbox once; the engine then refuses commands and queries.
 *
 * <p><b>State and memory.</b> The engine reads only its own community's stream
 * ({@code pcop-<community id>}), so engines of many communities share one store. It keeps the
 * rules' compact record, not the events: a member's {@link #history(MemberId) history} is read
 * back from the store when asked, and a retry is recognised by its request id and checked against
 * the events the store holds. Events the record refuses on replay (they do not fit the state
 * before them) are skipped the same way by every engine and listed by {@link #refusedEvents()}.
 *
 * <p><b>The first commands</b> of a new community come in this order, each needing the ones
 * before it: {@link #changeTaxonomy} (the community's core areas and topics), then
 * {@link #registerSite} and {@link #registerAgency} (an agency names its site), then
 * {@link #enrolMember} (a member names an agency), then {@link #appointStaff} for the program's
 * coordinators and advisors, and {@link #changeMembership} for everyone else; activities,
 * exchanges and requests for information follow. The host user of the first commands must be
 * mapped to a member, so a host usually enrols its first administrator through its own adapter
 * before it builds the engine, or maps that user to a member enrolled by the first command.
 *
 * <pre>{@code
 * Pcop pcop = Pcop.builder().store(store).community(community).identities(identities)
 *     .access(access).audit(audit).notifications(sink).build();
 * pcop.enrolMember(CommandContext.of(user, "req-1"), member);
 * pcop.roster();
 * }</pre>
 */
public final class Pcop implements AutoCloseable {
  /**
   * The metadata key, on each batch the engine appends, of the store position through which every
   * notification was handed to the sink when the batch was appended.
   */
  public static final String NOTIFIED_KEY = "notifiedThrough";

  /**
   * The metadata key, on each event the engine appends, of a digest of the command's input
   * (its arguments, sets in any order), by which a command under a stored request id is told
   * apart from a retry.
   */
  public static final String INPUT_KEY = "inputDigest";

  /**
   * The command name audit records carry for {@link #resolveCaseReference}. It is not in
   * {@link #ACTIONS}: following a case reference is decided by
   * {@link AccessPolicy#mayResolve}, case by case, not by an action grant.
   */
  public static final String RESOLVE_COMMAND = "case.resolve";

  /**
   * Every action name the engine asks the {@link AccessPolicy} about, one per command; queries
   * are not checked (the host decides who reaches them). {@link #resolveCaseReference} has no
   * action name here: whether a user may follow a case reference is the host's decision for that
   * case ({@link AccessPolicy#mayResolve}), so an action grant could only widen it.
   */
  public static final List<String> ACTIONS = List.of("site.register", "agency.register",
      "member.enrol", "membership.change", "activity.record", "participation.record",
      "exchange.request", "exchange.approve", "exchange.decline", "exchange.schedule",
      "exchange.hold", "exchange.document", "exchange.cancel", "rfi.post", "rfi.answer",
      "rfi.accept", "directory.sync", "dormancy.apply", "taxonomy.change", "rfi.close",
      "rules.apply", "membership.appoint", "level.lock", "level.unlock", "conduct.raised",
      "conduct.upheld", "conduct.dismissed", "casefacts.review", "membership.suspend",
      "membership.reinstate");

  private final Community community;
  private final RuleSet rules;
  private final Clock clock;
  private final Lifecycle lifecycle;
  private final Projection projection;
  private final Outbox outbox;
  private final CaseReferences caseReferences;
  private final MembershipCommands membershipCommands;
  private final ActivityCommands activityCommands;
  private final ExchangeCommands exchangeCommands;
  private final RequestCommands requestCommands;
  private final DirectoryCommands directoryCommands;
  private final RuleResultCommands ruleResultCommands;
  private final CaseFactCommands caseFactCommands;

  Pcop(PcopBuilder b) {
    this.community = b.community;
    this.rules = b.rules;
    this.clock = b.clock;
    StreamId stream = StreamId.of("pcop-" + b.community.getId());
    EventCodec codec = new EventCodec();
    this.lifecycle = new Lifecycle(b.community.getId());
    this.projection = new Projection(b.store, stream, b.community, codec, b.rules, b.kinds,
        b.calendar, b.clock);
    NotificationRules notices = new NotificationRules(projection, b.community.getId(), b.clock,
        new AnswererInvitations(projection, b.rules, b.community.getId(), b.clock));
    this.outbox = new Outbox(b.notifications, notices::derive);
    Checks checks = new Checks(b.community, b.rules, projection, ModelValidator.create());
    CommandPipeline pipeline = new CommandPipeline(b.store, stream, b.community.getId(),
        b.clock, b.identities, b.access, b.audit, lifecycle, projection, outbox, checks, codec,
        new CaseFactScreen(b.caseFacts, b.guard));
    this.caseFactCommands = new CaseFactCommands(pipeline, projection, community);
    this.caseReferences = new CaseReferences(b.community.getId(), b.clock, b.identities,
        b.access, b.audit, lifecycle, projection, checks, pipeline);
    this.membershipCommands = new MembershipCommands(pipeline, checks, projection, community);
    this.activityCommands = new ActivityCommands(pipeline, checks, projection, community);
    this.exchangeCommands = new ExchangeCommands(pipeline, checks, projection, community);
    this.requestCommands = new RequestCommands(pipeline, checks, projection, community);
    this.directoryCommands = new DirectoryCommands(pipeline, checks, projection, community,
        Optional.ofNullable(b.directory));
    this.ruleResultCommands = new RuleResultCommands(pipeline, checks, projection, community,
        b.rules);
    Snapshots snapshots = b.snapshots == null ? Snapshots.NONE
        : new Snapshots(b.snapshots, stream, b.snapshotEvery, Snapshots.fingerprint(b.rules),
            b.snapshotLogger);
    synchronized (lifecycle.lock()) {
      projection.rebuild(outbox, snapshots);
    }
    outbox.flush();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static PcopBuilder builder() {
    return new PcopBuilder();
  }

  // ---------------------------------------------------------------- commands

  /**
   * Registers a site of the program, or updates its record (engagement history).
   *
   * @param context who asks
   * @param site the site
   * @return what was appended
   * @throws CommandRefusedException if denied or invalid
   */
  public CommandResult registerSite(CommandContext context, Site site) {
    return directoryCommands.registerSite(context, site);
  }

  /**
   * Registers a prosecuting agency (an office), or updates its record.
   *
   * @param context who asks
   * @param agency the agency
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid, or its site is not registered
   */
  public CommandResult registerAgency(CommandContext context, Agency agency) {
    return directoryCommands.registerAgency(context, agency);
  }

  /**
   * Enrols a member, or updates the record of a member already enrolled.
   *
   * @param context who asks
   * @param member the member record
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid, or ({@code RULE}) the member's agency is
   *     not registered
   */
  public CommandResult enrolMember(CommandContext context, Member member) {
    return membershipCommands.enrolMember(context, member);
  }

  /**
   * Sets a member's role and status in the community. Joining (invited or active) applies the
   * rule set's eligibility rule; a refusal lists every unmet condition.
   *
   * @param context who asks
   * @param member the member
   * @param role the role
   * @param status the new status
   * @param sponsor the sponsor of an invited expert, if any
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid, ineligible or unchanged
   */
  public CommandResult changeMembership(CommandContext context, MemberId member,
      MembershipRole role, MembershipStatus status, Optional<MemberId> sponsor) {
    return membershipCommands.changeMembership(context, member, role, status, sponsor);
  }

  /**
   * Suspends a member's membership, with a reason, until an end date (inclusive): while it is in
   * force the eligibility and exchange-policy rules refuse the member and a level requirement
   * "not suspended" fails. The member keeps their role; {@link #reinstateMember} ends it early.
   *
   * @param context who asks (action {@code membership.suspend})
   * @param member the member, taking part (active or dormant)
   * @param reason why, in plain words (no case facts)
   * @param until the last day of the suspension, today or later
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid (no reason, no end date or one in the
   *     past), or the member has no membership taking part
   */
  public CommandResult suspendMember(CommandContext context, MemberId member, String reason,
      java.time.LocalDate until) {
    return membershipCommands.suspend(context, member, reason, until);
  }

  /**
   * Ends a member's suspension: the membership is active again, in the same role.
   *
   * @param context who asks (action {@code membership.reinstate})
   * @param member the suspended member
   * @param reason why, or null
   * @return what was appended
   * @throws CommandRefusedException if denied or the member is not suspended
   */
  public CommandResult reinstateMember(CommandContext context, MemberId member, String reason) {
    return membershipCommands.reinstate(context, member, reason);
  }

  /**
   * Appoints a member of the program's own staff to a program role (coordinator or program
   * advisor), active from the clock's instant. Program staff are appointed by the program rather
   * than admitted, so the eligibility rule (which decides who from the field may join: their
   * office's site, its engagement, a sponsor for outside experts) does not apply; the access
   * policy's {@code membership.appoint} decides who may appoint, and the appointment is audited
   * like every command. Every other role joins through {@link #changeMembership}.
   *
   * @param context who asks (action {@code membership.appoint})
   * @param member the member appointed, enrolled and not deactivated
   * @param role {@link MembershipRole#COORDINATOR} or {@link MembershipRole#PROGRAM_ADVISOR}
   * @return what was appended
   * @throws CommandRefusedException if denied, the role is not a program role ({@code INVALID}),
   *     or the member is not enrolled, deactivated or already active in that role
   */
  public CommandResult appointStaff(CommandContext context, MemberId member,
      MembershipRole role) {
    return membershipCommands.appointStaff(context, member, role);
  }

  /**
   * Records an activity (webinar, meeting, site visit...).
   *
   * @param context who asks
   * @param activity the activity, in this engine's community
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid or already recorded
   */
  public CommandResult recordActivity(CommandContext context, Activity activity) {
    return activityCommands.recordActivity(context, activity);
  }

  /**
   * Records a member's participation in an activity. The user must be allowed to act as the
   * participating member.
   *
   * @param context who asks
   * @param participation the participation
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid or the activity or member is unknown
   */
  public CommandResult recordParticipation(CommandContext context, Participation participation) {
    return activityCommands.recordParticipation(context, participation);
  }

  /**
   * Requests an exchange; it then awaits approval by a program advisor and the host site lead,
   * who are notified.
   *
   * @param context who asks
   * @param exchange the exchange as requested (no approvals, schedule or holding yet), requested
   *     by the acting member
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid or against the exchange policy
   */
  public CommandResult requestExchange(CommandContext context, Exchange exchange) {
    return exchangeCommands.requestExchange(context, exchange);
  }

  /**
   * Approves a requested exchange in one of the two approving roles. The acting member must hold
   * that role: a program advisor of the community, or a site lead at the host site.
   *
   * @param context who asks
   * @param exchange the exchange
   * @param role the role approved in
   * @return what was appended
   * @throws CommandRefusedException if denied, the actor lacks the role, or the exchange is not
   *     awaiting that approval
   */
  public CommandResult approveExchange(CommandContext context, ExchangeId exchange,
      ApproverRole role) {
    return exchangeCommands.approveExchange(context, exchange, role);
  }

  /**
   * Declines a requested exchange in one of the two approving roles.
   *
   * @param context who asks
   * @param exchange the exchange
   * @param role the role declined in
   * @param reason why, for the requester
   * @return what was appended
   * @throws CommandRefusedException if denied, the actor lacks the role, or the exchange is not
   *     awaiting approval
   */
  public CommandResult declineExchange(CommandContext context, ExchangeId exchange,
      ApproverRole role, String reason) {
    return exchangeCommands.declineExchange(context, exchange, role, reason);
  }

  /**
   * Schedules an approved exchange.
   *
   * @param context who asks
   * @param exchange the exchange
   * @param schedule the days
   * @return what was appended
   * @throws CommandRefusedException if denied or the exchange is not fully approved
   */
  public CommandResult scheduleExchange(CommandContext context, ExchangeId exchange,
      Schedule schedule) {
    return exchangeCommands.scheduleExchange(context, exchange, schedule);
  }

  /**
   * Records that a scheduled exchange was held; its follow-up report is then due.
   *
   * @param context who asks
   * @param exchange the exchange
   * @param heldOn the day it was held
   * @return what was appended
   * @throws CommandRefusedException if denied or the exchange is not scheduled
   */
  public CommandResult holdExchange(CommandContext context, ExchangeId exchange,
      LocalDate heldOn) {
    return exchangeCommands.holdExchange(context, exchange, heldOn);
  }

  /**
   * Files the follow-up report of a held exchange.
   *
   * @param context who asks
   * @param exchange the exchange
   * @param summary the report's summary
   * @return what was appended
   * @throws CommandRefusedException if denied, the summary is invalid or the exchange not held
   */
  public CommandResult documentExchange(CommandContext context, ExchangeId exchange,
      String summary) {
    return exchangeCommands.documentExchange(context, exchange, summary);
  }

  /**
   * Cancels an exchange that is not yet held or closed.
   *
   * @param context who asks
   * @param exchange the exchange
   * @param reason why
   * @return what was appended
   * @throws CommandRefusedException if denied or the exchange cannot be cancelled
   */
  public CommandResult cancelExchange(CommandContext context, ExchangeId exchange,
      String reason) {
    return exchangeCommands.cancelExchange(context, exchange, reason);
  }

  /**
   * Posts a request for information to the community.
   *
   * @param context who asks
   * @param request the request, asked by the acting member, with no responses yet
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid or already posted
   */
  public CommandResult postRfi(CommandContext context, RequestForInformation request) {
    return requestCommands.postRfi(context, request);
  }

  /**
   * Answers an open request for information as the acting member; the asker is notified.
   *
   * @param context who asks
   * @param request the request
   * @param response the new response's id
   * @param text the answer
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid, or the request is closed or unknown
   */
  public CommandResult answerRfi(CommandContext context, RfiId request, ResponseId response,
      String text) {
    return requestCommands.answerRfi(context, request, response, text);
  }

  /**
   * Accepts one of a request's responses; only the asker may. The respondent is notified.
   *
   * @param context who asks
   * @param request the request
   * @param response the response accepted
   * @return what was appended
   * @throws CommandRefusedException if denied, the actor did not ask, or the response is unknown
   */
  public CommandResult acceptAnswer(CommandContext context, RfiId request,
      ResponseId response) {
    return requestCommands.acceptAnswer(context, request, response);
  }

  /**
   * Pulls the changes of the {@link MemberDirectory} since the last sync: new and changed people
   * are enrolled (their record updated), people reported inactive are deactivated with their
   * history kept. The directory's change marker is stored with the events, so a restarted engine
   * continues where the last sync ended.
   *
   * @param context who asks
   * @return what was appended (nothing if nobody changed)
   * @throws CommandRefusedException if denied, or no directory was configured
   */
  public CommandResult syncDirectory(CommandContext context) {
    return directoryCommands.syncDirectory(context);
  }

  /**
   * Applies the rule set's dormancy rule as of the clock's instant: every active membership the
   * rule finds dormant is changed to dormant (same role), and the site leads of the member's site
   * are notified.
   *
   * @param context who asks
   * @return what was appended (nothing if nobody became dormant)
   * @throws CommandRefusedException if denied
   */
  public CommandResult applyDormancy(CommandContext context) {
    return ruleResultCommands.applyDormancy(context);
  }

  /**
   * Records the rule set's results as of the clock's instant: every level change the engagement
   * level rules find (promotion, or demotion below the hysteresis fraction) becomes an
   * {@code EngagementLevelChanged}, and every active membership the dormancy rule finds dormant
   * is changed to dormant (same role, with the last participation as the reason), as
   * {@link ResultEvents} derives them; the site leads of a member who became dormant are
   * notified. Every service-level warning the rules hold ({@code warnBusinessDays} ahead of a due
   * time) that was not recorded yet becomes a {@code ServiceLevelWarned}, once per rule, subject
   * and due instant, and the members who owe the action are notified (kind
   * {@code service-level.due-soon}); a warning nobody owes is recorded once someone does. Run it
   * periodically (for example each business day, or at least at each month end); a run that
   * finds nothing appends nothing.
   *
   * @param context who asks (action {@code rules.apply})
   * @return what was appended (nothing if no level changed, nobody became dormant and no new
   *     warning is due)
   * @throws CommandRefusedException if denied
   */
  public CommandResult applyRuleResults(CommandContext context) {
    return ruleResultCommands.applyRuleResults(context);
  }

  /**
   * Adopts a version of the community's taxonomy (core areas, topics and aims), against which
   * expertise, coverage and knowledge gaps are then measured.
   *
   * @param context who asks (action {@code taxonomy.change})
   * @param taxonomy the taxonomy; its id must be the community's taxonomy id, and its version
   *     must not be older than the version in use
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid, of another taxonomy or an older version
   */
  public CommandResult changeTaxonomy(CommandContext context, Taxonomy taxonomy) {
    return directoryCommands.changeTaxonomy(context, taxonomy);
  }

  /**
   * Closes an open request for information without an accepted answer, for example when it has
   * gone unanswered for too long; it then counts as expired.
   *
   * @param context who asks (action {@code rfi.close})
   * @param request the request
   * @param reason why it is closed, for the record
   * @return what was appended
   * @throws CommandRefusedException if denied, the reason is invalid, or the request is unknown
   *     or already closed
   */
  public CommandResult closeRfi(CommandContext context, RfiId request, String reason) {
    return requestCommands.closeRfi(context, request, reason);
  }

  /**
   * Locks a member's engagement level in the community at a level of its engagement level rules:
   * the rules then keep the member at that level, whatever the measures say, until it is unlocked.
   *
   * @param context who asks (action {@code level.lock})
   * @param member the member, enrolled and not deactivated
   * @param level the name of a level of the community's engagement level rules
   * @return what was appended
   * @throws CommandRefusedException if denied, the level is not one of the rules' levels, the
   *     member is not enrolled, or already locked at that level
   */
  public CommandResult lockLevel(CommandContext context, MemberId member, String level) {
    return ruleResultCommands.lockLevel(context, member, level);
  }

  /**
   * Releases a member's locked engagement level; the rules decide the level again.
   *
   * @param context who asks (action {@code level.unlock})
   * @param member the member
   * @return what was appended
   * @throws CommandRefusedException if denied, or the member's level is not locked
   */
  public CommandResult unlockLevel(CommandContext context, MemberId member) {
    return ruleResultCommands.unlockLevel(context, member);
  }

  /**
   * Raises a conduct concern about a member, for a coordinator's decision; it changes no rule
   * result until it is upheld.
   *
   * @param context who asks (action {@code conduct.raised})
   * @param member the member, enrolled
   * @param reason what the concern is, in plain words (no case facts), or null
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid, the member is not enrolled, or a flag
   *     already awaits a decision
   */
  public CommandResult raiseConductFlag(CommandContext context, MemberId member, String reason) {
    return ruleResultCommands.recordConductFlag(context, member, ConductFlagStatus.RAISED,
        reason);
  }

  /**
   * Upholds the raised conduct flag of a member: engagement rules that require no upheld flag
   * then fail for the member.
   *
   * @param context who asks (action {@code conduct.upheld})
   * @param member the member
   * @param reason the decision's reason, or null
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid, or no flag awaits a decision
   */
  public CommandResult upholdConductFlag(CommandContext context, MemberId member,
      String reason) {
    return ruleResultCommands.recordConductFlag(context, member, ConductFlagStatus.UPHELD,
        reason);
  }

  /**
   * Dismisses a member's raised or upheld conduct flag: rules that require no upheld flag pass
   * again for the member.
   *
   * @param context who asks (action {@code conduct.dismissed})
   * @param member the member
   * @param reason the decision's reason, or null
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid, or the member has no raised or upheld
   *     flag
   */
  public CommandResult dismissConductFlag(CommandContext context, MemberId member,
      String reason) {
    return ruleResultCommands.recordConductFlag(context, member, ConductFlagStatus.DISMISSED,
        reason);
  }

  /**
   * Records a coordinator's review of an event stored under the
   * {@link org.pcop.guard.CaseFactPolicy#FLAG FLAG} case-fact policy (one of
   * {@link #caseFactFlags()}): {@link CaseFactDecision#CLEARED CLEARED} leaves the text as
   * written; {@link CaseFactDecision#REDACTED REDACTED} makes every read this engine (and any
   * engine over the same store) serves of it show each span the guard found as
   * {@code [redacted]}: the exchange and request queries, member histories and case references.
   * Either way the event leaves {@link #caseFactFlags()}. The review event names the flagged
   * event and the spans by field and offsets, never the text. The store's own copy of the
   * original event is not rewritten: a host that must purge it does so in its store.
   *
   * @param context who asks (action {@code casefacts.review})
   * @param event the flagged event's id
   * @param decision clear or redact
   * @return what was appended
   * @throws CommandRefusedException if denied, the event was not flagged, or was already
   *     reviewed
   */
  public CommandResult reviewCaseFacts(CommandContext context, EventId event,
      CaseFactDecision decision) {
    return caseFactCommands.review(context, event, decision);
  }

  // ---------------------------------------------------------------- queries


  /**
   * The community this engine keeps.
   *
   * @return the community
   * @throws IllegalStateException if the engine is closed
   */
  public Community community() {
    lifecycle.ensureOpen("community");
    return community;
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
   * weights} when it has none. The asker and members whose membership is not active are left out. A suggestion
   * names members and facts about them, never the question's text nor a case reference, so every
   * viewer sees the same list; like the other queries it is not audited and not checked against
   * the access policy (the host decides who reaches it).
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
   * {@value #RESOLVE_COMMAND} ({@code COMMITTED} with no events when allowed, {@code DENIED}
   * otherwise), naming the reference by its handle only. The policy is asked before the handle
   * is looked up, so a user it refuses learns nothing of whether pcop knows the handle. There is
   * no action name in {@link #ACTIONS} for this: the policy decides case by case.
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

  /**
   * Writes a snapshot of the projection if a snapshot store is set and events were applied since
   * the last one (see {@link PcopBuilder#snapshots}), flushes the outbox once (notifications the
   * sink still refuses are derived again by the next engine built over the store), then closes
   * the engine: every later command, query or flush throws an {@link IllegalStateException}.
   * Closing again does nothing. The providers are the host's and are not closed.
   */
  @Override
  public void close() {
    synchronized (lifecycle.lock()) {
      if (!lifecycle.close()) {
        return;
      }
      // The state as of the last applied event, so that the next start replays nothing.
      projection.snapshotOnClose();
    }
    outbox.flush();
  }

  /**
   * Runs a query, under the lock, on the state caught up with the store; refused once the engine
   * is closed. Queries that hand out collections copy them inside {@code read}, so that what they
   * return never changes under the caller.
   */
  private <T> T query(String what, Supplier<T> read) {
    synchronized (lifecycle.lock()) {
      lifecycle.ensureOpen(what);
      projection.catchUp();
      return read.get();
    }
  }

  /**
   * The rule set's results (levels, points, service-level breaches, coverage gaps, dormancy) as of
   * the clock's current instant, kept current incrementally as events arrive.
   *
   * @return the evaluation
   * @throws IllegalStateException if the engine is closed
   */
  public Evaluation evaluation() {
    return query("evaluation", () -> {
      projection.evaluator().advanceTo(clock.instant());
      return projection.evaluator().evaluation();
    });
  }

  /**
   * The store's global position of the last event this engine has applied.
   *
   * @return the position, 0 before any event
   * @throws IllegalStateException if the engine is closed
   */
  public long position() {
    lifecycle.ensureOpen("position");
    synchronized (lifecycle.lock()) {
      return projection.position();
    }
  }

  /**
   * Hands every notification waiting in the outbox to the sink, each tried a bounded number of
   * times; those still refused stay for the next flush (and, should the engine stop first, are
   * derived again by the next engine built over the store).
   *
   * @return how many notifications are still waiting
   * @throws IllegalStateException if the engine is closed
   */
  public int flushNotifications() {
    lifecycle.ensureOpen("flushNotifications");
    return outbox.flush();
  }

  /**
   * The events stored under the {@link org.pcop.guard.CaseFactPolicy#FLAG FLAG} case-fact policy
   * (see {@link PcopBuilder#caseFacts}) whose free text the guard found case facts in and that
   * no coordinator has reviewed yet ({@link #reviewCaseFacts}), in log order: each names the
   * event, the command that stored it and where the findings lie (field, kind, character
   * offsets), never the text found, so the list needs no viewer. Kept from the store's history
   * (by any engine over it, whatever its own policy); the text itself is read through the
   * viewer-aware queries.
   *
   * @return the flagged events awaiting review, empty when none awaits
   * @throws IllegalStateException if the engine is closed
   */
  public List<CaseFactFlag> caseFactFlags() {
    return query("caseFactFlags", () -> projection.reviews().pending());
  }

  /**
   * The events of the stream the rules' record refused on replay (each did not fit the state
   * before it, for example a participation of a member never enrolled), with their positions and
   * why; every engine skips them the same way. The first hundred are described, the rest counted.
   *
   * @return the descriptions, empty for a sound log
   * @throws IllegalStateException if the engine is closed
   */
  public List<String> refusedEvents() {
    return query("refusedEvents", projection::refusedEvents);
  }
}
