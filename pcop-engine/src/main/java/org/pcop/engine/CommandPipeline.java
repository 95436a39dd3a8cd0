package org.pcop.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.pcop.engine.CommandRefusedException.Reason;
import org.pcop.guard.CaseFactPolicy;
import org.pcop.io.json.EventTypes;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.event.EventId;
import org.pcop.model.event.PcopEvent;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.AppendResult;
import org.pcop.spi.AuditOutcome;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.AuditSink;
import org.pcop.spi.EventData;
import org.pcop.spi.EventIdConflictException;
import org.pcop.spi.EventStore;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.IdentityMapping;
import org.pcop.spi.StoreFailureException;
import org.pcop.spi.StreamId;
import org.pcop.spi.VersionConflictException;

/**
 * Takes every command through the same steps, in order: authorise (the identity mapping maps the
 * user to the acting member, the access policy allows the action), recognise a retry by its
 * request id, validate, decide (the command's handler, against the current state), audit, append
 * with the expected version and event ids derived from the request id, project, and queue the
 * notifications. A refusal is audited and nothing is appended.
 */
final class CommandPipeline {
  /** Decides the events of a command against the current state. */
  @FunctionalInterface
  interface Decision {
    List<PcopEvent> decide(MemberId actor, EventIds ids, Instant now);
  }

  /**
   * Hands out the event ids of one command, derived from its request id; a decision may also add
   * metadata to the batch, and say what to do when it appends nothing.
   */
  static final class EventIds {
    final String requestId;
    final Map<String, String> metadata = new LinkedHashMap<>();
    Runnable whenNothingAppended = () -> { };
    private int next;

    EventIds(String requestId) {
      this.requestId = requestId;
    }

    EventId next() {
      return EventId.of(requestId + "." + next++);
    }
  }

  /** One command: its action name, its input (for the digest), who it acts for, what to check. */
  static final class Command {
    final String name;
    final List<Object> input;
    final Optional<MemberId> actingFor;
    final Object value;
    final Decision decision;

    private Command(String name, List<Object> input, Optional<MemberId> actingFor, Object value,
        Decision decision) {
      this.name = name;
      this.input = input;
      this.actingFor = actingFor;
      this.value = value;
      this.decision = decision;
    }
  }

  private final EventStore store;
  private final StreamId stream;
  private final CommunityId community;
  private final Clock clock;
  private final IdentityMapping identities;
  private final AccessPolicy access;
  private final AuditSink audit;
  private final Lifecycle lifecycle;
  private final Projection projection;
  private final Outbox outbox;
  private final Checks checks;
  private final EventCodec codec;
  private final CaseFactScreen screen;

  CommandPipeline(EventStore store, StreamId stream, CommunityId community, Clock clock,
      IdentityMapping identities, AccessPolicy access, AuditSink audit, Lifecycle lifecycle,
      Projection projection, Outbox outbox, Checks checks, EventCodec codec,
      CaseFactScreen screen) {
    this.screen = screen;
    this.store = store;
    this.stream = stream;
    this.community = community;
    this.clock = clock;
    this.identities = identities;
    this.access = access;
    this.audit = audit;
    this.lifecycle = lifecycle;
    this.projection = projection;
    this.outbox = outbox;
    this.checks = checks;
    this.codec = codec;
  }

  /**
   * A command.
   *
   * @param name the action name the access policy is asked about
   * @param input the command's arguments, in order, for {@link RequestInput#digest}
   * @param actingFor the member the user must be allowed to act as, if any
   * @param value a value to validate before deciding, or null
   * @param decision the handler's decision
   */
  static Command command(String name, List<Object> input, Optional<MemberId> actingFor,
      Object value, Decision decision) {
    return new Command(name, input, actingFor, value, decision);
  }

  /** A command's arguments, in order. */
  static List<Object> input(Object... arguments) {
    return Arrays.asList(arguments);
  }

  /** Runs a command through the pipeline. */
  CommandResult run(CommandContext context, Command command) {
    Objects.requireNonNull(context, "context");
    String requestId = context.requestId().orElseGet(() -> UUID.randomUUID().toString());
    String digest = RequestInput.digest(codec.mapper(), command.input);
    CommandResult result;
    synchronized (lifecycle.lock()) {
      lifecycle.ensureOpen(command.name);
      Instant now = clock.instant();
      projection.catchUp();
      Optional<MemberId> actor = authorise(context, requestId, command, now);
      Optional<RequestLedger.Stored> stored = projection.ledger().find(requestId);
      if (stored.isPresent()) {
        result = acknowledge(context, requestId, command, digest, actor, now, stored.get());
      } else {
        result = decideAndAppend(context, requestId, command, digest, actor.get(), now);
      }
    }
    outbox.flush();
    return result;
  }

  private Optional<MemberId> authorise(CommandContext context, String requestId, Command command,
      Instant now) {
    Optional<MemberId> actor = identities.memberOf(context.user());
    List<String> denial = new ArrayList<>();
    if (actor.isEmpty()) {
      denial.add("user " + context.user() + " is not mapped to a member");
    } else {
      if (!access.allows(context.user(), command.name, Optional.of(community))) {
        denial.add("user " + context.user() + " may not " + command.name + " in community "
            + community);
      }
      command.actingFor.filter(m -> !identities.mayActAs(context.user(), m)).ifPresent(m ->
          denial.add("user " + context.user() + " may not act as member " + m));
    }
    if (!denial.isEmpty()) {
      auditQuietly(requestId, context, actor, command.name, now, AuditOutcome.DENIED, denial);
      throw new CommandRefusedException(Reason.DENIED, command.name, denial, null);
    }
    return actor;
  }

  private CommandResult acknowledge(CommandContext context, String requestId, Command command,
      String digest, Optional<MemberId> actor, Instant now, RequestLedger.Stored stored) {
    if (!command.name.equals(stored.command)) {
      List<String> problem = List.of("request id " + requestId + " was already used for "
          + stored.command + "; use a new request id for a new command");
      auditQuietly(requestId, context, actor, command.name, now, AuditOutcome.REJECTED, problem);
      throw new CommandRefusedException(Reason.INVALID, command.name, problem, null);
    }
    if (stored.digest != null && !stored.digest.equals(digest)) {
      List<String> problem = List.of("request id " + requestId + " was already used for "
          + command.name + " with other input; a retry must repeat the original input, and a"
          + " new command needs a new request id");
      auditQuietly(requestId, context, actor, command.name, now, AuditOutcome.REJECTED, problem);
      throw new CommandRefusedException(Reason.INVALID, command.name, problem, null);
    }
    outbox.enqueue(stored.events, stored.positions);
    CommandResult result = new CommandResult(requestId,
        stored.events.stream().map(PcopEvent::getEventId).collect(Collectors.toList()),
        stored.events.stream().map(EventTypes::nameOf).collect(Collectors.toList()),
        projection.position(), true);
    try {
      audit.record(AuditRecord.builder().requestId(requestId).user(context.user())
          .actingAs(actor).command(command.name).at(now).outcome(AuditOutcome.COMMITTED)
          .events(result.events()).reason("retry of a committed request").build());
    } catch (RuntimeException e) {
      throw new CommandRefusedException(Reason.STORE_FAILURE, command.name,
          List.of("the audit sink failed: " + e.getMessage()), e);
    }
    return result;
  }

  private CommandResult decideAndAppend(CommandContext context, String requestId,
      Command command, String digest, MemberId actor, Instant now) {
    String name = command.name;
    List<PcopEvent> events;
    List<CaseFactScreen.Found> found;
    EventIds eventIds = new EventIds(requestId);
    try {
      if (command.value != null) {
        checks.validate(command.value);
      }
      events = command.decision.decide(actor, eventIds, now);
      for (PcopEvent event : events) {
        checks.validate(event);
      }
      found = screen.scan(events);
      if (!found.isEmpty() && screen.policy() == CaseFactPolicy.REFUSE) {
        List<String> problems = new ArrayList<>();
        for (CaseFactScreen.Found f : found) {
          problems.add(f.finding.describe());
        }
        problems.add("case facts stay in the case-management system: name the case by its"
            + " case reference and leave out its facts");
        throw new CommandRefusedException(Reason.INVALID, name, problems, null);
      }
    } catch (CommandRefusedException e) {
      auditQuietly(requestId, context, Optional.of(actor), name, now, AuditOutcome.REJECTED,
          e.getProblems());
      throw new CommandRefusedException(e.getReason(), name, e.getProblems(), null);
    } catch (InvalidValueException e) {
      auditQuietly(requestId, context, Optional.of(actor), name, now, AuditOutcome.REJECTED,
          List.of(e.getMessage()));
      throw new CommandRefusedException(Reason.INVALID, name, List.of(e.getMessage()), e);
    } catch (NullPointerException e) {
      auditQuietly(requestId, context, Optional.of(actor), name, now, AuditOutcome.REJECTED,
          List.of("a required value is missing: " + e.getMessage()));
      throw new CommandRefusedException(Reason.INVALID, name,
          List.of("a required value is missing: " + e.getMessage()), e);
    } catch (CaseFactScreen.GuardFailure e) {
      // A host's detector failed: fail closed, naming the detector and the field only.
      auditQuietly(requestId, context, Optional.of(actor), name, now, AuditOutcome.FAILED,
          List.of(e.getMessage()));
      throw new CommandRefusedException(Reason.STORE_FAILURE, name, List.of(e.getMessage()),
          null);
    }
    String flagged = found.isEmpty() ? null : CaseFactScreen.encode(found);
    List<EventId> ids = events.stream().map(PcopEvent::getEventId).collect(Collectors.toList());
    List<String> types = events.stream().map(EventTypes::nameOf).collect(Collectors.toList());
    try {
      var record = AuditRecord.builder().requestId(requestId).user(context.user())
          .actingAs(actor).command(name).at(now).outcome(AuditOutcome.COMMITTED)
          .events(ids);
      if (flagged != null) {
        record.reason("flagged for a coordinator's review: " + found.stream()
            .map(f -> f.finding.describe()).collect(Collectors.joining("; ")));
      }
      audit.record(record.build());
    } catch (RuntimeException e) {
      throw new CommandRefusedException(Reason.STORE_FAILURE, name,
          List.of("the audit sink failed, so the command was not run: " + e.getMessage()), e);
    }
    if (events.isEmpty()) {
      eventIds.whenNothingAppended.run();
      return new CommandResult(requestId, List.of(), List.of(), projection.position(), false);
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(EventCodec.COMMAND_KEY, name);
    metadata.put(EventCodec.REQUEST_KEY, requestId);
    metadata.put(Pcop.INPUT_KEY, digest);
    metadata.put(Pcop.NOTIFIED_KEY,
        Long.toString(outbox.notifiedThrough(projection.position())));
    metadata.putAll(eventIds.metadata);
    if (flagged != null) {
      metadata.put(CaseFactScreen.FINDINGS_KEY, flagged);
    }
    List<EventData> batch = new ArrayList<>();
    for (PcopEvent event : events) {
      batch.add(codec.encode(event, metadata));
    }
    long version = projection.version();
    AppendResult appended;
    try {
      appended = store.append(stream, version == 0 ? ExpectedVersion.noStream()
          : ExpectedVersion.exactly(version), batch);
    } catch (VersionConflictException | EventIdConflictException e) {
      auditQuietly(requestId, context, Optional.of(actor), name, now, AuditOutcome.REJECTED,
          List.of(e.getMessage()));
      throw new CommandRefusedException(Reason.CONFLICT, name, List.of(e.getMessage()), e);
    } catch (StoreFailureException e) {
      auditQuietly(requestId, context, Optional.of(actor), name, now, AuditOutcome.FAILED,
          List.of(e.getMessage()));
      throw new CommandRefusedException(Reason.STORE_FAILURE, name,
          List.of(e.getMessage() + "; retry with the same request id"), e);
    }
    projection.appended(batch, appended);
    projection.appliedPositions(ids).ifPresent(positions -> outbox.enqueue(events, positions));
    return new CommandResult(requestId, ids, types, appended.getLastPosition(),
        appended.isRetry());
  }

  /** Audits a refused or failed command; failing closed changes nothing there. */
  void auditQuietly(String requestId, CommandContext context, Optional<MemberId> actor,
      String command, Instant now, AuditOutcome outcome, List<String> reasons) {
    try {
      audit.record(AuditRecord.builder().requestId(requestId).user(context.user())
          .actingAs(actor).command(command).at(now).outcome(outcome)
          .reason(String.join("; ", reasons)).build());
    } catch (RuntimeException e) {
      // The command is refused or failed anyway.
    }
  }
}
