package org.pcop.engine;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.pcop.model.Community;
import org.pcop.model.validation.ModelValidator;
import org.pcop.rules.definition.RuleSet;
import org.pcop.spi.StreamId;

/**
 * The parts of one engine, wired from its builder: the projection of the community's stream, the
 * notification outbox, the command pipeline and the command handlers by area, and the lock they
 * share. {@link #start()} brings the projection up to the store (from a snapshot when there is a
 * usable one) and hands over the notifications still owed; {@link #query} runs a read on the state
 * caught up with the store.
 */
final class EngineParts {
  final Community community;
  final RuleSet rules;
  final Clock clock;
  final Lifecycle lifecycle;
  final Projection projection;
  final Outbox outbox;
  final CaseReferences caseReferences;
  final MembershipCommands membershipCommands;
  final ActivityCommands activityCommands;
  final ExchangeCommands exchangeCommands;
  final RequestCommands requestCommands;
  final DirectoryCommands directoryCommands;
  final RuleResultCommands ruleResultCommands;
  final CaseFactCommands caseFactCommands;
  private final Snapshots snapshots;

  EngineParts(PcopBuilder b) {
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
    this.snapshots = b.snapshots == null ? Snapshots.NONE
        : new Snapshots(b.snapshots, stream, b.snapshotEvery, Snapshots.fingerprint(b.rules),
            b.snapshotLogger);
  }

  /**
   * Brings the projection up to the store, from the latest usable snapshot when there is one,
   * then hands the sink the notifications owed for the events after the highest recorded
   * position.
   */
  void start() {
    synchronized (lifecycle.lock()) {
      projection.rebuild(outbox, snapshots);
    }
    outbox.flush();
  }

  /**
   * Runs a query, under the lock, on the state caught up with the store; refused once the engine
   * is closed. Queries that hand out collections copy them inside {@code read}, so that what they
   * return never changes under the caller.
   */
  <T> T query(String what, Supplier<T> read) {
    synchronized (lifecycle.lock()) {
      lifecycle.ensureOpen(what);
      projection.catchUp();
      return read.get();
    }
  }
}
