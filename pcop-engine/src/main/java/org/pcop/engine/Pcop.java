package org.pcop.engine;

import java.time.Clock;
import java.util.List;
import org.pcop.engine.CommandRefusedException.Reason;
import org.pcop.model.Community;
import org.pcop.model.MemberId;
import org.pcop.rules.Evaluation;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.EventStore;
import org.pcop.spi.HostUserId;
import org.pcop.spi.IdentityMapping;
import org.pcop.spi.NotificationSink;

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
public final class Pcop extends PcopCommunityCommands implements AutoCloseable {
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
  private final EngineParts engine;
  private final Community community;
  private final Clock clock;
  private final Lifecycle lifecycle;
  private final Projection projection;
  private final Outbox outbox;

  Pcop(PcopBuilder b) {
    this(new EngineParts(b));
  }

  private Pcop(EngineParts engine) {
    super(engine);
    this.engine = engine;
    this.community = engine.community;
    this.clock = engine.clock;
    this.lifecycle = engine.lifecycle;
    this.projection = engine.projection;
    this.outbox = engine.outbox;
    engine.start();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static PcopBuilder builder() {
    return new PcopBuilder();
  }

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
   * The rule set's results (levels, points, service-level breaches, coverage gaps, dormancy) as of
   * the clock's current instant, evaluated when asked; the engine keeps nothing of it.
   *
   * @return the evaluation
   * @throws IllegalStateException if the engine is closed
   */
  public Evaluation evaluation() {
    return engine.query("evaluation", () -> {
      return projection.evaluation(clock.instant());
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
   * The events of the stream the rules' record refused on replay (each did not fit the state
   * before it, for example a participation of a member never enrolled), with their positions and
   * why; every engine skips them the same way. The first hundred are described, the rest counted.
   *
   * @return the descriptions, empty for a sound log
   * @throws IllegalStateException if the engine is closed
   */
  public List<String> refusedEvents() {
    return engine.query("refusedEvents", projection::refusedEvents);
  }
}
