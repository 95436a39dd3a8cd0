package org.pcop.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pcop.io.ReadLimits;
import org.pcop.io.json.EventTypes;
import org.pcop.io.json.PcopJsonModule;
import org.pcop.model.Agency;
import org.pcop.model.CaseReference;
import org.pcop.model.Community;
import org.pcop.model.Site;
import org.pcop.model.SiteId;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.ExchangeId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.FollowUpReport;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.activity.RfiState;
import org.pcop.model.activity.Schedule;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.AgencyRegistered;
import org.pcop.model.event.SiteRegistered;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ExchangeApproved;
import org.pcop.model.event.ExchangeCancelled;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.ExchangeDocumented;
import org.pcop.model.event.ExchangeHeld;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.ExchangeScheduled;
import org.pcop.model.event.MemberDeactivated;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.TaxonomyChanged;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.ImmutableEngagementLevelChanged;
import org.pcop.model.event.ImmutableMembershipChanged;
import org.pcop.model.event.ImmutableExchangeRequested;
import org.pcop.model.event.ImmutableRfiPosted;
import org.pcop.model.event.RfiPosted;
import org.pcop.model.validation.ModelValidator;
import org.pcop.model.validation.Violation;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.DormancyNotice;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.Evaluation;
import org.pcop.rules.IncrementalEvaluator;
import org.pcop.rules.Outcome;
import org.pcop.rules.Refusal;
import org.pcop.rules.RuleEngine;
import org.pcop.rules.ResultEvents;
import org.pcop.rules.RuleResult;
import org.pcop.rules.calendar.BusinessCalendar;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.EligibilityRule;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.rules.definition.RuleSet;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.AppendResult;
import org.pcop.spi.AuditOutcome;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.AuditSink;
import org.pcop.spi.ChangeMarker;
import org.pcop.spi.DirectoryChanges;
import org.pcop.spi.DirectoryEntry;
import org.pcop.spi.EventData;
import org.pcop.spi.EventIdConflictException;
import org.pcop.spi.EventStore;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.HostAdapter;
import org.pcop.spi.HostAdapters;
import org.pcop.spi.HostUserId;
import org.pcop.spi.IdentityMapping;
import org.pcop.spi.MemberDirectory;
import org.pcop.spi.Notification;
import org.pcop.spi.NotificationSink;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StoreFailureException;
import org.pcop.spi.StreamId;
import org.pcop.spi.VersionConflictException;
import org.pcop.engine.CommandRefusedException.Reason;

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
 * <p>Guarantees: commands are serialised within one engine, and before deciding the engine
 * catches up with events other engines appended to the same store, so several engines over one
 * store stay consistent; a race between them is a {@link Reason#CONFLICT}. A command that names
 * the request id of a committed command with the same input is acknowledged with the original
 * events ({@link CommandResult#retry()}); under that request id, another command or other input
 * is refused as {@link Reason#INVALID}, since a retry repeats its request exactly (events stored
 * before input digests were kept are acknowledged whatever the input). If the audit sink fails,
 * the command fails closed and nothing is appended. Texts, notifications and audit records carry
 * a case reference's opaque handle only,
 * never its label; queries that take a viewer ({@link #exchanges(HostUserId)},
 * {@link #history(MemberId, HostUserId)}, ...) show a label only to a viewer the access policy lets
 * resolve the reference, and {@link #resolveCaseReference} follows a handle for a user, audited.
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
 * <p>{@link #close()} flushes the outbox once; the engine then refuses commands and queries.
 *
 * <pre>{@code
 * Pcop pcop = Pcop.builder().store(store).community(community).identities(identities)
 *     .access(access).audit(audit).notifications(sink).build();
 * pcop.enrolMember(CommandContext.of(user, "req-1"), member);
 * pcop.roster();
 * }</pre>
 */
public final class Pcop implements AutoCloseable {
  private static final int PAGE = 1000;
  private static final int DELIVERY_ATTEMPTS = 3;
  private static final String MARKER_KEY = "directoryMarker";

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
      "rules.apply", "membership.appoint");

  private final EventStore store;
  private final Community community;
  private final StreamId stream;
  private final RuleSet rules;
  private final BusinessCalendar calendar;
  private final Clock clock;
  private final IdentityMapping identities;
  private final AccessPolicy access;
  private final AuditSink audit;
  private final NotificationSink notifications;
  private final Optional<MemberDirectory> directory;
  private final ObjectMapper mapper = PcopJsonModule.strictMapper(ReadLimits.defaults());
  // Thread-safe and costly to build (a validator factory), so one serves every command; it holds
  // only caches, so it needs no closing.
  private final ModelValidator validator = ModelValidator.create();

  private final Object lock = new Object();
  private final Object outboxLock = new Object();
  private EngagementRecord record;
  private IncrementalEvaluator evaluator;
  private long position;
  private long version;
  private final Set<EventId> stored = new HashSet<>();
  private final Map<MemberId, List<PcopEvent>> histories = new HashMap<>();
  private final Set<EventId> notified = new HashSet<>();
  private final Deque<Pending> outbox = new ArrayDeque<>();
  private final Map<EventId, Long> positionOf = new HashMap<>();
  // The highest notified-through position recorded in the store (-1 when none), the stream's
  // events after it, and while rebuilding the notifications derived for them.
  private long checkpoint = -1;
  private final NavigableMap<Long, EventId> sinceCheckpoint = new TreeMap<>();
  private NavigableMap<Long, Notification> recovered;
  private boolean closed;

  /** A notification waiting for the sink, with the store position of its event. */
  private static final class Pending {
    final Notification notification;
    final long position;

    Pending(Notification notification, long position) {
      this.notification = notification;
      this.position = position;
    }
  }
  private Optional<ChangeMarker> marker = Optional.empty();

  private Pcop(Builder b) {
    this.store = b.store;
    this.community = b.community;
    this.stream = StreamId.of("pcop-" + b.community.getId());
    this.rules = b.rules != null ? b.rules : DefaultRules.forCommunity(b.community.getId());
    this.calendar = b.calendar;
    this.clock = b.clock;
    this.identities = b.identities;
    this.access = b.access;
    this.audit = b.audit;
    this.notifications = b.notifications;
    this.directory = Optional.ofNullable(b.directory);
    synchronized (lock) {
      rebuild();
    }
    flushOutbox();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
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
    return run(context, "site.register", input(site), Optional.empty(), site, (actor, ids, now) ->
        List.of(SiteRegistered.builder().eventId(ids.next()).actor(actor).occurredAt(now)
            .site(site).build()));
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
    return run(context, "agency.register", input(agency),
        Optional.empty(), agency, (actor, ids, now) -> {
      refuseIf(agency.getSite().filter(s -> record.site(s).isEmpty())
          .map(s -> List.of("agency.site: site " + s + " is not registered"))
          .orElse(List.of()));
      return List.of(AgencyRegistered.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).agency(agency).build());
    });
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
    return run(context, "member.enrol", input(member),
        Optional.empty(), member, (actor, ids, now) -> {
      refuseIf(record.agency(member.getAgency()).isPresent() ? List.of()
          : List.of("member.agency: agency " + member.getAgency() + " is not registered"));
      return List.of(MemberEnrolled.builder().eventId(ids.next()).actor(actor).occurredAt(now)
          .member(member).build());
    });
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
    Objects.requireNonNull(sponsor, "sponsor");
    return run(context, "membership.change", input(member, role, status, sponsor),
        Optional.empty(), null, (actor, ids, now) -> {
      List<String> problems = new ArrayList<>();
      if (record.member(member).isEmpty()) {
        problems.add("member " + member + " is not enrolled");
      } else if (record.isDeactivated(member)) {
        problems.add("member " + member + " is deactivated");
      }
      Optional<Membership> current = record.membership(member, community.getId());
      if (current.isPresent() && current.get().getStatus() == status
          && current.get().getRole() == role) {
        problems.add("member " + member + " is already " + status + " as " + role);
      }
      if (problems.isEmpty()
          && (status == MembershipStatus.ACTIVE || status == MembershipStatus.INVITED)) {
        for (EligibilityRule rule : eligibilityRules()) {
          RuleResult result = RuleEngine.checkEligibility(rule, record, member, role, sponsor,
              now);
          if (result.getOutcome() == Outcome.FAILED) {
            result.findings(Refusal.class).forEach(r -> problems.addAll(r.getUnmetConditions()));
            if (problems.isEmpty()) {
              problems.add("not eligible under rule " + rule.getId());
            }
          } else if (result.getOutcome() == Outcome.INDETERMINATE) {
            problems.add("eligibility under rule " + rule.getId() + " cannot be decided: "
                + result.getExplanation());
          }
        }
      }
      refuseIf(problems);
      return List.of(MembershipChanged.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).member(member).community(community.getId()).role(role)
          .status(status).sponsor(sponsor).build());
    });
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
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(role, "role");
    return run(context, "membership.appoint", input(member, role),
        Optional.empty(), null, (actor, ids, now) -> {
      if (role != MembershipRole.COORDINATOR && role != MembershipRole.PROGRAM_ADVISOR) {
        throw new CommandRefusedException(Reason.INVALID, "membership.appoint",
            List.of("role: " + role + " is not a program role (COORDINATOR or"
                + " PROGRAM_ADVISOR); members in other roles join through changeMembership"),
            null);
      }
      List<String> problems = new ArrayList<>();
      requireActiveMember(member, problems);
      record.membership(member, community.getId())
          .filter(m -> m.getStatus() == MembershipStatus.ACTIVE && m.getRole() == role)
          .ifPresent(m -> problems.add("member " + member + " is already ACTIVE as " + role));
      refuseIf(problems);
      return List.of(MembershipChanged.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).member(member).community(community.getId()).role(role)
          .status(MembershipStatus.ACTIVE).reason("appointed by the program").build());
    });
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
    return run(context, "activity.record", input(activity),
        Optional.empty(), activity, (actor, ids, now) -> {
      List<String> problems = new ArrayList<>();
      sameCommunity(activity.getCommunity(), "activity.community", problems);
      if (record.activity(activity.getId()).isPresent()) {
        problems.add("activity " + activity.getId() + " is already recorded");
      }
      refuseIf(problems);
      return List.of(ActivityRecorded.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).activity(activity).build());
    });
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
    return run(context, "participation.record", input(participation),
        Optional.of(participation.getMember()),
        participation, (actor, ids, now) -> {
          List<String> problems = new ArrayList<>();
          if (record.activity(participation.getActivity()).isEmpty()) {
            problems.add("activity " + participation.getActivity() + " is not recorded");
          }
          requireActiveMember(participation.getMember(), problems);
          refuseIf(problems);
          return List.of(ParticipationRecorded.builder().eventId(ids.next()).actor(actor)
              .occurredAt(now).participation(participation).build());
        });
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
    return run(context, "exchange.request", input(exchange),
        Optional.of(exchange.getRequestedBy()), exchange,
        (actor, ids, now) -> {
          List<String> problems = new ArrayList<>();
          sameCommunity(exchange.getCommunity(), "exchange.community", problems);
          if (record.exchange(exchange.getId()).isPresent()) {
            problems.add("exchange " + exchange.getId() + " is already requested");
          }
          if (exchange.getState() != ExchangeState.REQUESTED) {
            problems.add("exchange " + exchange.getId() + " must be new (requested), not "
                + exchange.getState());
          }
          if (exchange.getVisitingAgencies().contains(exchange.getHostAgency())) {
            problems.add("exchange.visitingAgencies: the host agency "
                + exchange.getHostAgency() + " cannot also visit");
          }
          requireActiveMember(exchange.getRequestedBy(), problems);
          problems.addAll(exchangePolicyProblems(exchange, Optional.empty()));
          refuseIf(problems);
          return List.of(ExchangeRequested.builder().eventId(ids.next()).actor(actor)
              .occurredAt(now).exchange(exchange).build());
        });
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
    return run(context, "exchange.approve", input(exchange, role),
        Optional.empty(), null, (actor, ids, now) -> {
      Exchange current = requireExchange(exchange, ExchangeState.REQUESTED);
      List<String> problems = new ArrayList<>();
      requireApprover(actor, current, role, problems);
      if (current.getApprovals().stream().anyMatch(a -> a.getRole() == role)) {
        problems.add("exchange " + exchange + " is already approved as " + role);
      }
      refuseIf(problems);
      return List.of(ExchangeApproved.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).exchange(exchange).role(role).build());
    });
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
    return run(context, "exchange.decline", input(exchange, role, reason),
        Optional.empty(), null, (actor, ids, now) -> {
      Exchange current = requireExchange(exchange, ExchangeState.REQUESTED);
      List<String> problems = new ArrayList<>();
      requireApprover(actor, current, role, problems);
      refuseIf(problems);
      return List.of(ExchangeDeclined.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).exchange(exchange).role(role).reason(reason).build());
    });
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
    return run(context, "exchange.schedule", input(exchange, schedule),
        Optional.empty(), schedule, (actor, ids, now) -> {
      Exchange current = requireExchange(exchange, ExchangeState.APPROVED);
      refuseIf(exchangePolicyProblems(current, Optional.of(schedule.getFirstDay())));
      return List.of(ExchangeScheduled.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).exchange(exchange).schedule(schedule).build());
    });
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
    Objects.requireNonNull(heldOn, "heldOn");
    return run(context, "exchange.hold", input(exchange, heldOn),
        Optional.empty(), null, (actor, ids, now) -> {
      requireExchange(exchange, ExchangeState.SCHEDULED);
      return List.of(ExchangeHeld.builder().eventId(ids.next()).actor(actor).occurredAt(now)
          .exchange(exchange).heldOn(heldOn).build());
    });
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
    return run(context, "exchange.document", input(exchange, summary),
        Optional.empty(), null, (actor, ids, now) -> {
      requireExchange(exchange, ExchangeState.HELD);
      FollowUpReport report = FollowUpReport.builder().submittedBy(actor).submittedAt(now)
          .summary(summary).build();
      validate(report);
      return List.of(ExchangeDocumented.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).exchange(exchange).report(report).build());
    });
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
    return run(context, "exchange.cancel", input(exchange, reason),
        Optional.empty(), null, (actor, ids, now) -> {
      Exchange current = requireExchange(exchange, null);
      refuseIf(current.getState().canMoveTo(ExchangeState.CANCELLED) ? List.of()
          : List.of("exchange " + exchange + " is " + current.getState()
              + " and cannot be cancelled"));
      return List.of(ExchangeCancelled.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).exchange(exchange).reason(reason).build());
    });
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
    return run(context, "rfi.post", input(request), Optional.of(request.getAskedBy()), request,
        (actor, ids, now) -> {
          List<String> problems = new ArrayList<>();
          sameCommunity(request.getCommunity(), "request.community", problems);
          if (record.rfi(request.getId()).isPresent()) {
            problems.add("request " + request.getId() + " is already posted");
          }
          if (!request.getResponses().isEmpty()) {
            problems.add("request.responses: a new request has no responses");
          }
          requireActiveMember(request.getAskedBy(), problems);
          refuseIf(problems);
          return List.of(RfiPosted.builder().eventId(ids.next()).actor(actor).occurredAt(now)
              .request(request).build());
        });
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
    return run(context, "rfi.answer", input(request, response, text),
        Optional.empty(), null, (actor, ids, now) -> {
      RequestForInformation current = requireOpenRfi(request);
      RfiResponse answer = RfiResponse.builder().id(response).respondent(actor).at(now)
          .text(text).build();
      validate(answer);
      refuseIf(current.getResponses().stream().anyMatch(r -> r.getId().equals(response))
          ? List.of("response " + response + " already exists on request " + request)
          : List.of());
      return List.of(RfiAnswered.builder().eventId(ids.next()).actor(actor).occurredAt(now)
          .request(request).response(answer).build());
    });
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
    return run(context, "rfi.accept", input(request, response),
        Optional.empty(), null, (actor, ids, now) -> {
      RequestForInformation current = requireOpenRfi(request);
      List<String> problems = new ArrayList<>();
      if (!current.getAskedBy().equals(actor)) {
        problems.add("only the asker " + current.getAskedBy() + " may accept an answer");
      }
      if (current.getResponses().stream().noneMatch(r -> r.getId().equals(response))) {
        problems.add("request " + request + " has no response " + response);
      }
      refuseIf(problems);
      return List.of(RfiAccepted.builder().eventId(ids.next()).actor(actor).occurredAt(now)
          .request(request).response(response).build());
    });
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
    return run(context, "directory.sync", input(), Optional.empty(), null, (actor, ids, now) -> {
      MemberDirectory source = directory.orElseThrow(() -> new CommandRefusedException(
          Reason.RULE, "directory.sync", List.of("no member directory is configured"), null));
      List<PcopEvent> events = new ArrayList<>();
      Optional<ChangeMarker> since = marker;
      DirectoryChanges page;
      do {
        page = source.changesSince(since, PAGE);
        for (DirectoryEntry entry : page.getEntries()) {
          Member member = entry.getMember();
          Optional<Member> known = record.member(member.getId());
          if (entry.isActive() && (known.isEmpty() || !known.get().equals(member))) {
            events.add(MemberEnrolled.builder().eventId(ids.next()).actor(actor)
                .occurredAt(now).member(member).build());
          } else if (!entry.isActive() && known.isPresent()
              && !record.isDeactivated(member.getId())) {
            events.add(MemberDeactivated.builder().eventId(ids.next()).actor(actor)
                .occurredAt(now).member(member.getId()).build());
          }
        }
        since = Optional.of(page.getMarker());
      } while (page.hasMore());
      pendingMarker = since;
      return events;
    });
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
    return run(context, "dormancy.apply", input(), Optional.empty(), null, (actor, ids, now) -> {
      evaluator.advanceTo(now);
      List<PcopEvent> events = new ArrayList<>();
      Set<MemberId> seen = new HashSet<>();
      for (DormancyNotice notice : evaluator.evaluation().findings(DormancyNotice.class)) {
        if (!notice.getCommunity().equals(community.getId()) || !seen.add(notice.getMember())) {
          continue;
        }
        record.membership(notice.getMember(), community.getId())
            .filter(m -> m.getStatus() == MembershipStatus.ACTIVE)
            .ifPresent(m -> events.add(MembershipChanged.builder().eventId(ids.next())
                .actor(actor).occurredAt(now).member(m.getMember()).community(community.getId())
                .role(m.getRole()).status(MembershipStatus.DORMANT).sponsor(m.getSponsor())
                .build()));
      }
      return events;
    });
  }

  /**
   * Records the rule set's results as of the clock's instant: every level change the engagement
   * level rules find (promotion, or demotion below the hysteresis fraction) becomes an
   * {@code EngagementLevelChanged}, and every active membership the dormancy rule finds dormant
   * is changed to dormant (same role, with the last participation as the reason), as
   * {@link ResultEvents} derives them; the site leads of a member who became dormant are
   * notified. Run it periodically (for example at each month end); a run that finds nothing
   * appends nothing.
   *
   * @param context who asks (action {@code rules.apply})
   * @return what was appended (nothing if no level changed and nobody became dormant)
   * @throws CommandRefusedException if denied
   */
  public CommandResult applyRuleResults(CommandContext context) {
    return run(context, "rules.apply", input(), Optional.empty(), null, (actor, ids, now) -> {
      evaluator.advanceTo(now);
      // Events of other communities, and a second dormancy of one member (from a second
      // dormancy rule), are left out; the ids are given once the events are chosen, so that
      // they follow each other without gaps, which acknowledging a retry relies on.
      List<PcopEvent> derived = ResultEvents.events(evaluator.evaluation(), record, actor, now,
          () -> EventId.of(ids.requestId + ".draft"));
      EventIds numbered = new EventIds(ids.requestId);
      List<PcopEvent> events = new ArrayList<>();
      Set<MemberId> dormant = new HashSet<>();
      for (PcopEvent event : derived) {
        if (event instanceof EngagementLevelChanged) {
          EngagementLevelChanged change = (EngagementLevelChanged) event;
          if (change.getCommunity().equals(community.getId())) {
            events.add(ImmutableEngagementLevelChanged.copyOf(change)
                .withEventId(numbered.next()));
          }
        } else if (event instanceof MembershipChanged) {
          MembershipChanged change = (MembershipChanged) event;
          if (change.getCommunity().equals(community.getId())
              && dormant.add(change.getMember())) {
            events.add(ImmutableMembershipChanged.copyOf(change)
                .withEventId(numbered.next()));
          }
        }
      }
      return events;
    });
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
    Objects.requireNonNull(taxonomy, "taxonomy");
    return run(context, "taxonomy.change", input(taxonomy),
        Optional.empty(), taxonomy, (actor, ids, now) -> {
      List<String> problems = new ArrayList<>();
      if (!taxonomy.getId().equals(community.getTaxonomy())) {
        problems.add("taxonomy.id: community " + community.getId() + " uses taxonomy "
            + community.getTaxonomy() + ", not " + taxonomy.getId());
      }
      record.taxonomy(community.getId())
          .filter(current -> current.getVersion() > taxonomy.getVersion())
          .ifPresent(current -> problems.add("taxonomy.version: community " + community.getId()
              + " already uses version " + current.getVersion() + " of " + current.getId()
              + "; version " + taxonomy.getVersion() + " is older"));
      refuseIf(problems);
      return List.of(TaxonomyChanged.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).community(community.getId()).taxonomy(taxonomy).build());
    });
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
    Objects.requireNonNull(request, "request");
    return run(context, "rfi.close", input(request, reason),
        Optional.empty(), null, (actor, ids, now) -> {
      requireOpenRfi(request);
      return List.of(RfiClosed.builder().eventId(ids.next()).actor(actor).occurredAt(now)
          .request(request).reason(Optional.ofNullable(reason)).build());
    });
  }

  private Optional<ChangeMarker> pendingMarker = Optional.empty();

  // ---------------------------------------------------------------- queries

  /**
   * The community this engine keeps.
   *
   * @return the community
   * @throws IllegalStateException if the engine is closed
   */
  public Community community() {
    ensureOpen("community");
    return community;
  }

  /**
   * The community's memberships (every status), after catching up with the store.
   *
   * @return the memberships
   * @throws IllegalStateException if the engine is closed
   */
  public List<Membership> roster() {
    return query("roster", () -> List.copyOf(record.memberships(community.getId())));
  }

  /**
   * A member's record, if enrolled.
   *
   * @param member the member
   * @return the record
   * @throws IllegalStateException if the engine is closed
   */
  public Optional<Member> member(MemberId member) {
    return query("member", () -> record.member(member));
  }

  /**
   * Whether a member was deactivated (their history is kept).
   *
   * @param member the member
   * @return true if deactivated
   * @throws IllegalStateException if the engine is closed
   */
  public boolean isDeactivated(MemberId member) {
    return query("isDeactivated", () -> record.isDeactivated(member));
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
    return query("history", () -> List.copyOf(histories.getOrDefault(member, List.of())));
  }

  /**
   * Exchanges that are neither closed nor documented, with the labels of case references: for
   * trusted host code only. What a person sees comes from {@link #openExchanges(HostUserId)}.
   *
   * @return the open exchanges
   * @throws IllegalStateException if the engine is closed
   */
  public List<Exchange> openExchanges() {
    return query("openExchanges", () -> record.exchanges(community.getId()).stream()
        .filter(e -> !e.getState().isFinal()).collect(Collectors.toList()));
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
    return query("exchange", () -> record.exchange(exchange));
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
    return query("openRfis", () -> record.rfis(community.getId()).stream()
        .filter(r -> r.getState() == RfiState.OPEN || r.getState() == RfiState.ANSWERED)
        .collect(Collectors.toList()));
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
    return query("rfi", () -> record.rfi(request));
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
    ensureOpen("openExchanges");
    Objects.requireNonNull(viewer, "viewer");
    return openExchanges().stream().map(x -> redact(x, viewer)).collect(Collectors.toList());
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
    ensureOpen("openRfis");
    Objects.requireNonNull(viewer, "viewer");
    return openRfis().stream().map(r -> redact(r, viewer)).collect(Collectors.toList());
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
    return exchange(exchange).map(x -> redact(x, viewer));
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
    return query("exchanges", () -> List.copyOf(record.exchanges(community.getId()))).stream()
        .map(x -> redact(x, viewer)).collect(Collectors.toList());
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
    return rfi(request).map(r -> redact(r, viewer));
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
    return query("rfis", () -> List.copyOf(record.rfis(community.getId()))).stream()
        .map(r -> redact(r, viewer)).collect(Collectors.toList());
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
    return history(member).stream().map(e -> {
      if (e instanceof ExchangeRequested) {
        ExchangeRequested requested = (ExchangeRequested) e;
        return ImmutableExchangeRequested.copyOf(requested)
            .withExchange(redact(requested.getExchange(), viewer));
      } else if (e instanceof RfiPosted) {
        RfiPosted posted = (RfiPosted) e;
        return ImmutableRfiPosted.copyOf(posted).withRequest(redact(posted.getRequest(), viewer));
      }
      return e;
    }).collect(Collectors.toList());
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
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(handle, "handle");
    String requestId = context.requestId().orElseGet(() -> UUID.randomUUID().toString());
    Optional<CaseReference> found;
    Instant now;
    synchronized (lock) {
      ensureOpen(RESOLVE_COMMAND);
      now = clock.instant();
      catchUp();
      found = Stream.concat(
          record.exchanges(community.getId()).stream().map(Exchange::getCaseReferences),
          record.rfis(community.getId()).stream()
              .map(RequestForInformation::getCaseReferences))
          .flatMap(List::stream).filter(c -> c.getHandle().equals(handle)).findFirst();
    }
    Optional<MemberId> actor = identities.memberOf(context.user());
    String denial = null;
    if (actor.isEmpty()) {
      denial = "user " + context.user() + " is not mapped to a member";
    } else {
      CaseReference asked = found.orElseGet(() -> CaseReference.of(handle, handle));
      List<String> problems = validator.validate(CaseReference.of(handle, handle)).stream()
          .filter(v -> v.path().contains("handle")).map(Violation::toString)
          .collect(Collectors.toList());
      if (!problems.isEmpty()) {
        auditQuietly(requestId, context, actor, RESOLVE_COMMAND, now, AuditOutcome.REJECTED,
            List.of("the handle asked for is not a valid case reference handle"));
        throw new CommandRefusedException(Reason.INVALID, RESOLVE_COMMAND, problems, null);
      }
      if (!access.mayResolve(context.user(), asked)) {
        denial = "user " + context.user() + " may not resolve case reference " + handle;
      }
    }
    if (denial != null) {
      auditQuietly(requestId, context, actor, RESOLVE_COMMAND, now, AuditOutcome.DENIED,
          List.of(denial));
      throw new CommandRefusedException(Reason.DENIED, RESOLVE_COMMAND, List.of(denial), null);
    }
    try {
      audit.record(AuditRecord.builder().requestId(requestId).user(context.user())
          .actingAs(actor).command(RESOLVE_COMMAND).at(now).outcome(AuditOutcome.COMMITTED)
          .reason(found.isPresent() ? "case reference " + handle + " resolved"
              : "no exchange or request for information of community " + community.getId()
                  + " carries case reference " + handle)
          .build());
    } catch (RuntimeException e) {
      throw new CommandRefusedException(Reason.STORE_FAILURE, RESOLVE_COMMAND,
          List.of("the audit sink failed, so case reference " + handle
              + " was not resolved: " + e.getMessage()), e);
    }
    return found;
  }

  private Exchange redact(Exchange exchange, HostUserId viewer) {
    return exchange.getCaseReferences().isEmpty() ? exchange : Exchange.builder().from(exchange)
        .caseReferences(redact(exchange.getCaseReferences(), viewer)).build();
  }

  private RequestForInformation redact(RequestForInformation request, HostUserId viewer) {
    return request.getCaseReferences().isEmpty() ? request
        : RequestForInformation.builder().from(request)
            .caseReferences(redact(request.getCaseReferences(), viewer)).build();
  }

  /**
   * Flushes the outbox once (notifications the sink still refuses are derived again by the next
   * engine built over the store), then closes the engine: every later command, query or flush
   * throws an {@link IllegalStateException}. Closing again does nothing. The providers are the
   * host's and are not closed.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    flushOutbox();
  }

  /**
   * Runs a query, under the lock, on the state caught up with the store; refused once the engine
   * is closed. Queries that hand out collections copy them inside {@code read}, so that what they
   * return never changes under the caller.
   */
  private <T> T query(String what, Supplier<T> read) {
    synchronized (lock) {
      ensureOpen(what);
      catchUp();
      return read.get();
    }
  }

  private void ensureOpen(String what) {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("Pcop engine of community " + community.getId()
            + " is closed, so " + what + " cannot run; build a new engine over the store");
      }
    }
  }

  private List<CaseReference> redact(List<CaseReference> references, HostUserId viewer) {
    return references.stream().map(c -> access.mayResolve(viewer, c) ? c
        : CaseReference.of(c.getHandle(), c.getHandle())).collect(Collectors.toList());
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
      evaluator.advanceTo(clock.instant());
      return evaluator.evaluation();
    });
  }

  /**
   * The store's global position of the last event this engine has applied.
   *
   * @return the position, 0 before any event
   * @throws IllegalStateException if the engine is closed
   */
  public long position() {
    ensureOpen("position");
    synchronized (lock) {
      return position;
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
    ensureOpen("flushNotifications");
    return flushOutbox();
  }

  private int flushOutbox() {
    synchronized (outboxLock) {
      int size = outbox.size();
      for (int i = 0; i < size; i++) {
        Pending next = outbox.pollFirst();
        boolean delivered = false;
        for (int attempt = 0; attempt < DELIVERY_ATTEMPTS && !delivered; attempt++) {
          try {
            notifications.deliver(next.notification);
            delivered = true;
          } catch (RuntimeException e) {
            delivered = false;
          }
        }
        if (!delivered) {
          outbox.addLast(next);
        }
      }
      return outbox.size();
    }
  }

  // ---------------------------------------------------------------- the command pipeline

  /** Decides the events of a command against the current state. */
  @FunctionalInterface
  private interface Decision {
    List<PcopEvent> decide(MemberId actor, EventIds ids, Instant now);
  }

  /** Hands out the event ids of one command, derived from its request id. */
  private static final class EventIds {
    final String requestId;
    private int next;

    EventIds(String requestId) {
      this.requestId = requestId;
    }

    EventId next() {
      return EventId.of(requestId + "." + next++);
    }
  }

  /** A command's arguments, in order, for {@link RequestInput#digest}. */
  private static List<Object> input(Object... arguments) {
    return Arrays.asList(arguments);
  }

  private CommandResult run(CommandContext context, String command, List<Object> input,
      Optional<MemberId> actingFor, Object value, Decision decision) {
    Objects.requireNonNull(context, "context");
    String requestId = context.requestId().orElseGet(() -> UUID.randomUUID().toString());
    String digest = RequestInput.digest(mapper, input);
    CommandResult result;
    synchronized (lock) {
      ensureOpen(command);
      Instant now = clock.instant();
      catchUp();
      Optional<MemberId> actor = identities.memberOf(context.user());
      List<String> denial = new ArrayList<>();
      if (actor.isEmpty()) {
        denial.add("user " + context.user() + " is not mapped to a member");
      } else {
        if (!access.allows(context.user(), command, Optional.of(community.getId()))) {
          denial.add("user " + context.user() + " may not " + command + " in community "
              + community.getId());
        }
        actingFor.filter(m -> !identities.mayActAs(context.user(), m)).ifPresent(m ->
            denial.add("user " + context.user() + " may not act as member " + m));
      }
      if (!denial.isEmpty()) {
        auditQuietly(requestId, context, actor, command, now, AuditOutcome.DENIED, denial);
        throw new CommandRefusedException(Reason.DENIED, command, denial, null);
      }
      EventId first = EventId.of(requestId + ".0");
      if (stored.contains(first) && !command.equals(commands.get(first))) {
        List<String> problem = List.of("request id " + requestId + " was already used for "
            + commands.get(first) + "; use a new request id for a new command");
        auditQuietly(requestId, context, actor, command, now, AuditOutcome.REJECTED, problem);
        throw new CommandRefusedException(Reason.INVALID, command, problem, null);
      }
      if (stored.contains(first) && inputs.get(first) != null
          && !inputs.get(first).equals(digest)) {
        List<String> problem = List.of("request id " + requestId + " was already used for "
            + command + " with other input; a retry must repeat the original input, and a new"
            + " command needs a new request id");
        auditQuietly(requestId, context, actor, command, now, AuditOutcome.REJECTED, problem);
        throw new CommandRefusedException(Reason.INVALID, command, problem, null);
      }
      if (stored.contains(first)) {
        result = acknowledge(requestId);
        try {
          audit.record(AuditRecord.builder().requestId(requestId).user(context.user())
              .actingAs(actor).command(command).at(now).outcome(AuditOutcome.COMMITTED)
              .events(result.events()).reason("retry of a committed request").build());
        } catch (RuntimeException e) {
          throw new CommandRefusedException(Reason.STORE_FAILURE, command,
              List.of("the audit sink failed: " + e.getMessage()), e);
        }
      } else {
        result = decideAndAppend(context, requestId, command, digest, actor.get(), value,
            decision, now);
      }
    }
    flushOutbox();
    return result;
  }

  private CommandResult decideAndAppend(CommandContext context, String requestId,
      String command, String digest, MemberId actor, Object value, Decision decision, Instant now) {
    List<PcopEvent> events;
    try {
      if (value != null) {
        validate(value);
      }
      events = decision.decide(actor, new EventIds(requestId), now);
      for (PcopEvent event : events) {
        validate(event);
      }
    } catch (CommandRefusedException e) {
      auditQuietly(requestId, context, Optional.of(actor), command, now, AuditOutcome.REJECTED,
          e.getProblems());
      throw new CommandRefusedException(e.getReason(), command, e.getProblems(), null);
    } catch (InvalidValueException e) {
      auditQuietly(requestId, context, Optional.of(actor), command, now, AuditOutcome.REJECTED,
          List.of(e.getMessage()));
      throw new CommandRefusedException(Reason.INVALID, command, List.of(e.getMessage()), e);
    } catch (NullPointerException e) {
      auditQuietly(requestId, context, Optional.of(actor), command, now, AuditOutcome.REJECTED,
          List.of("a required value is missing: " + e.getMessage()));
      throw new CommandRefusedException(Reason.INVALID, command,
          List.of("a required value is missing: " + e.getMessage()), e);
    }
    List<EventId> ids = events.stream().map(PcopEvent::getEventId).collect(Collectors.toList());
    List<String> types = events.stream().map(EventTypes::nameOf).collect(Collectors.toList());
    try {
      audit.record(AuditRecord.builder().requestId(requestId).user(context.user())
          .actingAs(actor).command(command).at(now).outcome(AuditOutcome.COMMITTED)
          .events(ids).build());
    } catch (RuntimeException e) {
      throw new CommandRefusedException(Reason.STORE_FAILURE, command,
          List.of("the audit sink failed, so the command was not run: " + e.getMessage()), e);
    }
    if (events.isEmpty()) {
      if ("directory.sync".equals(command)) {
        marker = pendingMarker;
      }
      return new CommandResult(requestId, List.of(), List.of(), position, false);
    }
    List<EventData> batch = new ArrayList<>();
    String through = Long.toString(notifiedThrough());
    for (PcopEvent event : events) {
      batch.add(encode(event, command, requestId, digest, through));
    }
    AppendResult appended;
    try {
      appended = store.append(stream, version == 0 ? ExpectedVersion.noStream()
          : ExpectedVersion.exactly(version), batch);
    } catch (VersionConflictException | EventIdConflictException e) {
      auditQuietly(requestId, context, Optional.of(actor), command, now, AuditOutcome.REJECTED,
          List.of(e.getMessage()));
      throw new CommandRefusedException(Reason.CONFLICT, command, List.of(e.getMessage()), e);
    } catch (StoreFailureException e) {
      auditQuietly(requestId, context, Optional.of(actor), command, now, AuditOutcome.FAILED,
          List.of(e.getMessage()));
      throw new CommandRefusedException(Reason.STORE_FAILURE, command,
          List.of(e.getMessage() + "; retry with the same request id"), e);
    }
    catchUp();
    if (stored.containsAll(ids) && ids.stream().noneMatch(skipped::contains)) {
      enqueue(events);
    }
    return new CommandResult(requestId, ids, types, appended.getLastPosition(),
        appended.isRetry());
  }

  private CommandResult acknowledge(String requestId) {
    List<PcopEvent> events = new ArrayList<>();
    EventIds ids = new EventIds(requestId);
    for (EventId id = ids.next(); stored.contains(id); id = ids.next()) {
      events.add(findEvent(id));
    }
    enqueue(events);
    return new CommandResult(requestId,
        events.stream().map(PcopEvent::getEventId).collect(Collectors.toList()),
        events.stream().map(EventTypes::nameOf).collect(Collectors.toList()), position, true);
  }

  private final Map<EventId, PcopEvent> byId = new HashMap<>();
  private final Map<EventId, String> commands = new HashMap<>();
  private final Map<EventId, String> inputs = new HashMap<>();
  private final Set<EventId> skipped = new HashSet<>();

  private PcopEvent findEvent(EventId id) {
    return byId.get(id);
  }

  private EventData encode(PcopEvent event, String command, String requestId, String digest,
      String notifiedThrough) {
    try {
      EventData data = EventData.json(event.getEventId(), EventTypes.nameOf(event),
          mapper.writeValueAsString(event));
      org.pcop.spi.ImmutableEventData.Builder builder = EventData.builder().from(data)
          .putMetadata("command", command)
          .putMetadata("requestId", requestId).putMetadata(INPUT_KEY, digest)
          .putMetadata(NOTIFIED_KEY, notifiedThrough);
      if ("directory.sync".equals(command)) {
        pendingMarker.ifPresent(m -> builder.putMetadata(MARKER_KEY, m.value()));
      }
      return builder.build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode event " + event.getEventId(), e);
    }
  }

  // ---------------------------------------------------------------- projection

  private void rebuild() {
    record = EngagementRecord.of(community);
    evaluator = null;
    position = 0;
    version = 0;
    recovered = new TreeMap<>();
    readFrom();
    evaluator = IncrementalEvaluator.start(rules, record, clock.instant(), calendar);
    if (checkpoint < 0) {
      // No engine recorded what it handed over: the log predates the guarantee or was imported.
      checkpoint = position;
      sinceCheckpoint.clear();
      recovered.clear();
    }
    sinceCheckpoint.values().forEach(notified::add);
    List<Pending> again = new ArrayList<>();
    recovered.forEach((at, notification) -> again.add(new Pending(notification, at)));
    recovered = null;
    synchronized (outboxLock) {
      outbox.addAll(again);
    }
  }

  private void catchUp() {
    readFrom();
  }

  /**
   * Applies every event after {@link #position}. An event that cannot be decoded stops the
   * catch-up loudly (and again on every later call); an event the record refuses (it does not fit
   * the state before it) is skipped, the same way on every replay, so all engines agree.
   */
  private void readFrom() {
    while (true) {
      List<RecordedEvent> page = store.readAll(position, PAGE);
      for (RecordedEvent recorded : page) {
        if (recorded.getStream().equals(stream)) {
          PcopEvent event = decode(recorded);
          version = recorded.getVersion();
          stored.add(event.getEventId());
          byId.put(event.getEventId(), event);
          positionOf.put(event.getEventId(), recorded.getPosition());
          String command = recorded.getEvent().getMetadata().get("command");
          commands.put(event.getEventId(), command);
          inputs.put(event.getEventId(), recorded.getEvent().getMetadata().get(INPUT_KEY));
          advanceCheckpoint(recorded);
          sinceCheckpoint.put(recorded.getPosition(), event.getEventId());
          if (command == null) {
            // No engine wrote it (an import): taken as notified, like a log without positions.
            notified.add(event.getEventId());
          }
          boolean applied = true;
          try {
            if (evaluator == null) {
              record.apply(event);
            } else {
              evaluator.apply(event);
            }
            index(event);
          } catch (InvalidValueException e) {
            skipped.add(event.getEventId());
            applied = false;
          }
          if (recovered != null && applied && command != null) {
            derive(event).ifPresent(n -> recovered.put(recorded.getPosition(), n));
          }
          String storedMarker = recorded.getEvent().getMetadata().get(MARKER_KEY);
          if (storedMarker != null) {
            marker = Optional.of(ChangeMarker.of(storedMarker));
          }
        }
        position = recorded.getPosition();
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  /** Takes in a notified-through position recorded on an event's batch, if higher. */
  private void advanceCheckpoint(RecordedEvent recorded) {
    String through = recorded.getEvent().getMetadata().get(NOTIFIED_KEY);
    if (through == null) {
      return;
    }
    long value;
    try {
      value = Long.parseLong(through);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("event at position " + recorded.getPosition()
          + " has metadata " + NOTIFIED_KEY + " \"" + through + "\", not a store position", e);
    }
    if (value > checkpoint) {
      checkpoint = value;
      sinceCheckpoint.headMap(value, true).clear();
      if (recovered != null) {
        recovered.headMap(value, true).clear();
      }
    }
  }

  /**
   * The store position through which every notification is known to be handed over: before the
   * first event since the recorded position that this engine neither notified nor skipped, and
   * before the first event whose notification still waits in this engine's outbox.
   */
  private long notifiedThrough() {
    long through = position;
    for (Map.Entry<Long, EventId> entry : sinceCheckpoint.entrySet()) {
      if (!notified.contains(entry.getValue()) && !skipped.contains(entry.getValue())) {
        through = entry.getKey() - 1;
        break;
      }
    }
    synchronized (outboxLock) {
      for (Pending pending : outbox) {
        through = Math.min(through, pending.position - 1);
      }
    }
    return Math.max(through, 0);
  }

  private PcopEvent decode(RecordedEvent recorded) {
    String type = recorded.getEvent().getType();
    if (EventTypes.typeOf(type).isEmpty()) {
      throw new IllegalStateException("event at position " + recorded.getPosition()
          + " has unknown type \"" + type + "\"");
    }
    try {
      return mapper.readValue(recorded.getEvent().getPayloadText(), PcopEvent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event at position " + recorded.getPosition()
          + " cannot be read: " + e.getOriginalMessage(), e);
    }
  }

  private void index(PcopEvent event) {
    Set<MemberId> about = new LinkedHashSet<>();
    about.add(event.getActor());
    if (event instanceof MemberEnrolled) {
      about.add(((MemberEnrolled) event).getMember().getId());
    } else if (event instanceof MemberDeactivated) {
      about.add(((MemberDeactivated) event).getMember());
    } else if (event instanceof MembershipChanged) {
      about.add(((MembershipChanged) event).getMember());
    } else if (event instanceof ParticipationRecorded) {
      about.add(((ParticipationRecorded) event).getParticipation().getMember());
    }
    for (MemberId member : about) {
      histories.computeIfAbsent(member, m -> new ArrayList<>()).add(event);
    }
  }

  // ---------------------------------------------------------------- notifications

  private void enqueue(List<PcopEvent> events) {
    List<Pending> derived = new ArrayList<>();
    for (PcopEvent event : events) {
      if (!notified.add(event.getEventId())) {
        continue;
      }
      long at = positionOf.getOrDefault(event.getEventId(), position);
      derive(event).ifPresent(n -> derived.add(new Pending(n, at)));
    }
    synchronized (outboxLock) {
      outbox.addAll(derived);
    }
  }

  private Optional<Notification> derive(PcopEvent event) {
    String kind;
    Set<MemberId> recipients = new LinkedHashSet<>();
    String text;
    if (event instanceof ExchangeRequested) {
      Exchange x = ((ExchangeRequested) event).getExchange();
      kind = "exchange.approval-requested";
      recipients.addAll(record.membersWithRole(community.getId(), MembershipRole.PROGRAM_ADVISOR));
      recipients.addAll(record.membersWithRole(community.getId(), MembershipRole.SITE_LEAD)
          .stream().filter(m -> record.siteOf(m).equals(Optional.of(x.getHostSite())))
          .collect(Collectors.toList()));
      text = "Exchange " + x.getId() + " hosted by " + x.getHostAgency()
          + " awaits your approval" + handles(x.getCaseReferences());
    } else if (event instanceof ExchangeApproved) {
      ExchangeApproved a = (ExchangeApproved) event;
      kind = "exchange.approved";
      record.exchange(a.getExchange()).ifPresent(x -> recipients.add(x.getRequestedBy()));
      text = "Exchange " + a.getExchange() + " was approved by the " + a.getRole();
    } else if (event instanceof ExchangeDeclined) {
      ExchangeDeclined d = (ExchangeDeclined) event;
      kind = "exchange.declined";
      record.exchange(d.getExchange()).ifPresent(x -> recipients.add(x.getRequestedBy()));
      text = "Exchange " + d.getExchange() + " was declined by the " + d.getRole();
    } else if (event instanceof RfiAnswered) {
      RfiAnswered a = (RfiAnswered) event;
      kind = "rfi.answered";
      record.rfi(a.getRequest()).ifPresent(r -> recipients.add(r.getAskedBy()));
      text = "Your request " + a.getRequest() + " has a new answer";
    } else if (event instanceof RfiAccepted) {
      RfiAccepted a = (RfiAccepted) event;
      kind = "rfi.accepted";
      record.rfi(a.getRequest()).flatMap(r -> r.getResponses().stream()
          .filter(x -> x.getId().equals(a.getResponse())).findFirst())
          .ifPresent(x -> recipients.add(x.getRespondent()));
      text = "Your answer " + a.getResponse() + " to request " + a.getRequest()
          + " was accepted";
    } else if (event instanceof MembershipChanged
        && ((MembershipChanged) event).getStatus() == MembershipStatus.DORMANT) {
      MemberId member = ((MembershipChanged) event).getMember();
      kind = "membership.dormant";
      Optional<SiteId> site = record.siteOf(member);
      record.membersWithRole(community.getId(), MembershipRole.SITE_LEAD).stream()
          .filter(lead -> site.isPresent() && record.siteOf(lead).equals(site))
          .filter(lead -> !lead.equals(member)).forEach(recipients::add);
      text = "Member " + member + " of your site has become dormant in " + community.getId();
    } else {
      return Optional.empty();
    }
    recipients.remove(event.getActor());
    if (recipients.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Notification.builder().id("n-" + event.getEventId()).kind(kind)
        .recipients(recipients).text(text).addCausedBy(event.getEventId())
        .createdAt(clock.instant()).build());
  }

  private static String handles(List<CaseReference> references) {
    if (references.isEmpty()) {
      return "";
    }
    return " (cases " + references.stream().map(CaseReference::getHandle)
        .collect(Collectors.joining(", ")) + ")";
  }

  // ---------------------------------------------------------------- checks

  private void validate(Object value) {
    List<Violation> violations = validator.validate(value);
    if (!violations.isEmpty()) {
      throw new CommandRefusedException(Reason.INVALID, "validation",
          violations.stream().map(Violation::toString).collect(Collectors.toList()), null);
    }
  }

  private static void refuseIf(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new CommandRefusedException(Reason.RULE, "check", problems, null);
    }
  }

  private void sameCommunity(CommunityId given, String where, List<String> problems) {
    if (!given.equals(community.getId())) {
      problems.add(where + ": must be " + community.getId() + "; got " + given);
    }
  }

  private void requireActiveMember(MemberId member, List<String> problems) {
    if (record.member(member).isEmpty()) {
      problems.add("member " + member + " is not enrolled");
    } else if (record.isDeactivated(member)) {
      problems.add("member " + member + " is deactivated");
    }
  }

  private Exchange requireExchange(ExchangeId id, ExchangeState state) {
    Exchange exchange = record.exchange(id).orElseThrow(() -> new CommandRefusedException(
        Reason.RULE, "check", List.of("exchange " + id + " is not requested"), null));
    if (state != null && exchange.getState() != state) {
      throw new CommandRefusedException(Reason.RULE, "check", List.of("exchange " + id
          + " is " + exchange.getState() + ", not " + state), null);
    }
    return exchange;
  }

  private RequestForInformation requireOpenRfi(RfiId id) {
    RequestForInformation rfi = record.rfi(id).orElseThrow(() -> new CommandRefusedException(
        Reason.RULE, "check", List.of("request " + id + " is not posted"), null));
    if (rfi.getState() != RfiState.OPEN && rfi.getState() != RfiState.ANSWERED) {
      throw new CommandRefusedException(Reason.RULE, "check",
          List.of("request " + id + " is " + rfi.getState()), null);
    }
    return rfi;
  }

  private void requireApprover(MemberId actor, Exchange exchange, ApproverRole role,
      List<String> problems) {
    Optional<Membership> membership = record.membership(actor, community.getId())
        .filter(m -> m.getStatus() == MembershipStatus.ACTIVE);
    if (role == ApproverRole.PROGRAM_ADVISOR) {
      if (membership.map(m -> m.getRole() != MembershipRole.PROGRAM_ADVISOR).orElse(true)) {
        problems.add("member " + actor + " is not an active program advisor of "
            + community.getId());
      }
    } else if (membership.map(m -> m.getRole() != MembershipRole.SITE_LEAD).orElse(true)
        || !record.siteOf(actor).equals(Optional.of(exchange.getHostSite()))) {
      problems.add("member " + actor + " is not an active site lead of the host site "
          + exchange.getHostSite());
    }
  }

  /**
   * The exchange policy's host capacity and travel funding cap, checked for a candidate exchange
   * (new, or with a new schedule) against the exchanges its host site already holds.
   */
  private List<String> exchangePolicyProblems(Exchange candidate,
      Optional<LocalDate> scheduledStart) {
    List<String> problems = new ArrayList<>();
    java.time.ZoneId zone = community.getTimeZone();
    List<Exchange> others = record.exchangesHostedBy(community.getId(), candidate.getHostSite())
        .stream().filter(x -> !x.getId().equals(candidate.getId()))
        .filter(x -> x.getState() != ExchangeState.DECLINED
            && x.getState() != ExchangeState.CANCELLED)
        .collect(Collectors.toList());
    for (ExchangePolicyRule rule : rules.getRules().stream()
        .filter(ExchangePolicyRule.class::isInstance).map(ExchangePolicyRule.class::cast)
        .filter(r -> r.getCommunity().equals(community.getId())).collect(Collectors.toList())) {
      rule.getHostCapacity().ifPresent(capacity -> {
        LocalDate period = rule.getCapacityPeriod()
            .start(scheduledStart.orElse(firstDay(candidate, zone)));
        long hosted = others.stream().filter(x -> rule.getCapacityPeriod()
            .start(firstDay(x, zone)).equals(period)).count();
        if (hosted >= capacity) {
          problems.add("exchange policy " + rule.getId() + ": host site "
              + candidate.getHostSite() + " already hosts " + hosted + " exchanges in the "
              + rule.getCapacityPeriod().name().toLowerCase(java.util.Locale.ROOT) + " from "
              + period + " (capacity " + capacity + ")");
        }
      });
      if (rule.getTravelFundingCap().isPresent() && candidate.getTravelFunding().isPresent()) {
        int year = CalendarPeriod.fiscalYear(LocalDate.ofInstant(candidate.getRequestedAt(),
            zone));
        java.math.BigDecimal total = candidate.getTravelFunding().get();
        for (Exchange x : others) {
          if (CalendarPeriod.fiscalYear(LocalDate.ofInstant(x.getRequestedAt(), zone)) == year) {
            total = total.add(x.getTravelFunding().orElse(java.math.BigDecimal.ZERO));
          }
        }
        if (total.compareTo(rule.getTravelFundingCap().get()) > 0) {
          problems.add("exchange policy " + rule.getId() + ": travel funding for site "
              + candidate.getHostSite() + " would reach " + total.toPlainString()
              + " USD in fiscal year " + year + ", above the cap of "
              + rule.getTravelFundingCap().get().toPlainString());
        }
      }
    }
    return problems;
  }

  private static LocalDate firstDay(Exchange exchange, java.time.ZoneId zone) {
    return exchange.getSchedule().map(Schedule::getFirstDay)
        .orElse(LocalDate.ofInstant(exchange.getRequestedAt(), zone));
  }

  private List<EligibilityRule> eligibilityRules() {
    return rules.getRules().stream().filter(EligibilityRule.class::isInstance)
        .map(EligibilityRule.class::cast)
        .filter(r -> r.getCommunity().equals(community.getId()))
        .collect(Collectors.toList());
  }

  private void auditQuietly(String requestId, CommandContext context, Optional<MemberId> actor,
      String command, Instant now, AuditOutcome outcome, List<String> reasons) {
    try {
      audit.record(AuditRecord.builder().requestId(requestId).user(context.user())
          .actingAs(actor).command(command).at(now).outcome(outcome)
          .reason(String.join("; ", reasons)).build());
    } catch (RuntimeException e) {
      // The command is refused or failed anyway; failing closed changes nothing here.
    }
  }

  // ---------------------------------------------------------------- builder

  /**
   * Wires an engine from the host's providers, set explicitly or taken from a
   * {@link HostAdapter} (explicit settings win; with neither a store nor an adapter, the adapter is
   * discovered with {@link HostAdapters#discover()}). The store, community, identity mapping,
   * access policy, audit sink and notification sink are required; the rule set defaults to
   * {@link DefaultRules#forCommunity}, the clock to the system UTC clock, the calendar to US
   * federal business days; the member directory is optional.
   */
  public static final class Builder {
    private EventStore store;
    private Community community;
    private RuleSet rules;
    private BusinessCalendar calendar = UsFederalCalendar.instance();
    private Clock clock = Clock.systemUTC();
    private IdentityMapping identities;
    private AccessPolicy access;
    private AuditSink audit;
    private NotificationSink notifications;
    private MemberDirectory directory;
    private HostAdapter adapter;
    private boolean clockSet;

    private Builder() {}

    /**
     * Takes every provider not set explicitly on this builder from a host adapter (its store,
     * directory, identity mapping, access policy, sinks and clock). Without an adapter and without
     * a store, {@link #build()} falls back to {@link HostAdapters#discover()}.
     *
     * @param adapter the host's adapter
     * @return this builder
     */
    public Builder adapter(HostAdapter adapter) {
      this.adapter = Objects.requireNonNull(adapter, "adapter");
      return this;
    }

    /**
     * The event store. Required.
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(EventStore store) {
      this.store = store;
      return this;
    }

    /**
     * The community kept, whose time zone fixes the days of participations. Required.
     *
     * @param community the community
     * @return this builder
     */
    public Builder community(Community community) {
      this.community = community;
      return this;
    }

    /**
     * The rule set; defaults to {@link DefaultRules#forCommunity}.
     *
     * @param rules the rule set
     * @return this builder
     */
    public Builder rules(RuleSet rules) {
      this.rules = rules;
      return this;
    }

    /**
     * The business calendar for service levels; defaults to US federal business days.
     *
     * @param calendar the calendar
     * @return this builder
     */
    public Builder calendar(BusinessCalendar calendar) {
      this.calendar = calendar;
      return this;
    }

    /**
     * The clock commands and evaluations use; defaults to the system UTC clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      this.clockSet = true;
      return this;
    }

    /**
     * Maps host users to members. Required.
     *
     * @param identities the identity mapping
     * @return this builder
     */
    public Builder identities(IdentityMapping identities) {
      this.identities = identities;
      return this;
    }

    /**
     * Says who may do what. Required.
     *
     * @param access the access policy
     * @return this builder
     */
    public Builder access(AccessPolicy access) {
      this.access = access;
      return this;
    }

    /**
     * Keeps the audit trail. Required.
     *
     * @param audit the audit sink
     * @return this builder
     */
    public Builder audit(AuditSink audit) {
      this.audit = audit;
      return this;
    }

    /**
     * Receives notifications after commit. Required.
     *
     * @param notifications the notification sink
     * @return this builder
     */
    public Builder notifications(NotificationSink notifications) {
      this.notifications = notifications;
      return this;
    }

    /**
     * The host's staff directory for {@link Pcop#syncDirectory}. Optional.
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder directory(MemberDirectory directory) {
      this.directory = directory;
      return this;
    }

    /**
     * Builds the engine, rebuilds its projection from the store, and hands to the notification
     * sink the notifications of events after the last recorded notified-through position (see
     * {@link Pcop}), which an engine before it may have left undelivered.
     *
     * @return the engine
     * @throws IllegalStateException naming every required provider that is missing, or if the
     *     store holds an event that cannot be read
     * @throws org.pcop.spi.DiscoveryException if no store or adapter was given and discovery
     *     finds no host adapter, or several
     */
    public Pcop build() {
      HostAdapter from = adapter != null ? adapter
          : store == null ? HostAdapters.discover() : null;
      if (from != null) {
        store = store != null ? store : from.getEventStore();
        directory = directory != null ? directory : from.getMemberDirectory().orElse(null);
        identities = identities != null ? identities
            : from.getIdentityMapping().orElse(null);
        access = access != null ? access : from.getAccessPolicy().orElse(null);
        audit = audit != null ? audit : from.getAuditSink().orElse(null);
        notifications = notifications != null ? notifications
            : from.getNotificationSink().orElse(null);
        clock = clockSet ? clock : from.getClock();
      }
      List<String> missing = new ArrayList<>();
      Map<String, Object> required = new java.util.LinkedHashMap<>();
      required.put("store", store);
      required.put("community", community);
      required.put("identities", identities);
      required.put("access", access);
      required.put("audit", audit);
      required.put("notifications", notifications);
      required.put("calendar", calendar);
      required.put("clock", clock);
      required.forEach((name, v) -> {
        if (v == null) {
          missing.add(name);
        }
      });
      if (!missing.isEmpty()) {
        throw new IllegalStateException("Pcop.builder(): missing " + String.join(", ", missing)
            + "; set each with the builder method of that name");
      }
      return new Pcop(this);
    }
  }
}
