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
  /**
   * How many times a command is decided in all when, each time, another engine appended to the
   * stream between the decision and its append.
   */
  static final int MOST_DECISIONS = 5;

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

  /**
   * Runs a command through the pipeline. The command is decided on the state as this engine knows
   * it and appended expecting the version it knows, so a command costs no read of the store; if
   * another engine appended first, the store refuses, and the command is decided again on the
   * state caught up with the store, at most {@link #MOST_DECISIONS} times in all. A refusal, or a
   * decision to append nothing, is given only on a state caught up with the store (or decided
   * again if catching up found events), so no engine refuses what the events it had not seen
   * allow.
   */
  CommandResult run(CommandContext context, Command command) {
    Objects.requireNonNull(context, "context");
    String requestId = context.requestId().orElseGet(() -> UUID.randomUUID().toString());
    String digest = RequestInput.digest(codec.mapper(), command.input);
    CommandResult result = null;
    synchronized (lifecycle.lock()) {
      lifecycle.ensureOpen(command.name);
      Instant now = clock.instant();
      Optional<MemberId> actor = authorise(context, requestId, command, now);
      for (int decision = 1; result == null; decision++) {
        Optional<RequestLedger.Stored> stored = projection.ledger().find(requestId);
        if (stored.isPresent()) {
          result = acknowledge(context, requestId, command, digest, actor, now, stored.get());
        } else {
          result = decideAndAppend(context, requestId, command, digest, actor.get(), now,
              decision);
        }
      }
    }
    outbox.flush();
    return result;
  }

  /**
   * Catches up with the events other engines appended to the stream.
   *
   * @return whether there were any
   */
  private boolean caughtUpWithOthers() {
    long before = projection.version();
    projection.catchUp();
    return projection.version() != before;
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

  /**
   * Decides the command on the state as this engine knows it and appends its events expecting
   * the version it knows.
   *
   * @param decision which decision of the command this is, from 1
   * @return what was appended, or null if the engine caught up with events other engines
   *     appended and the command is to be decided again
   */
  private CommandResult decideAndAppend(CommandContext context, String requestId,
      Command command, String digest, MemberId actor, Instant now, int decision) {
    String name = command.name;
    boolean last = decision == MOST_DECISIONS;
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
    } catch (CommandRefusedException | InvalidValueException | NullPointerException e) {
      if (!last && caughtUpWithOthers()) {
        return null; // Refused on a state other engines' events have changed: decide again.
      }
      throw refused(requestId, context, actor, name, now, e);
    } catch (CaseFactScreen.GuardFailure e) {
      // A host's detector failed: fail closed, naming the detector and the field only.
      auditQuietly(requestId, context, Optional.of(actor), name, now, AuditOutcome.FAILED,
          List.of(e.getMessage()));
      throw new CommandRefusedException(Reason.STORE_FAILURE, name, List.of(e.getMessage()),
          null);
    }
    if (events.isEmpty() && !last && caughtUpWithOthers()) {
      return null; // Nothing to do on a state other engines' events have changed: decide again.
    }
    String flagged = found.isEmpty() ? null : CaseFactScreen.encode(found);
    List<EventId> ids = new ArrayList<>(events.size());
    List<String> types = new ArrayList<>(events.size());
    for (PcopEvent event : events) {
      ids.add(event.getEventId());
      types.add(EventTypes.nameOf(event));
    }
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
    List<EventData> batch = new ArrayList<>(events.size());
    for (PcopEvent event : events) {
      batch.add(codec.encode(event, metadata));
    }
    long version = projection.version();
    AppendResult appended;
    try {
      appended = store.append(stream, version == 0 ? ExpectedVersion.noStream()
          : ExpectedVersion.exactly(version), batch);
    } catch (VersionConflictException | EventIdConflictException e) {
      // Another engine appended first (or stored this request's events): decide again on the
      // state caught up with the store, where the request ledger may now know the request.
      boolean again = !last && caughtUpWithOthers();
      List<String> problems = again
          ? List.of(e.getMessage() + "; decided again on the events another engine appended")
          : last ? List.of(e.getMessage() + "; another engine appended to the stream each of"
              + " the " + MOST_DECISIONS + " times this command was decided; retry with the"
              + " same request id") : List.of(e.getMessage());
      auditQuietly(requestId, context, Optional.of(actor), name, now, AuditOutcome.REJECTED,
          problems);
      if (again) {
        return null;
      }
      throw new CommandRefusedException(Reason.CONFLICT, name, problems, e);
    } catch (StoreFailureException e) {
      auditQuietly(requestId, context, Optional.of(actor), name, now, AuditOutcome.FAILED,
          List.of(e.getMessage()));
      throw new CommandRefusedException(Reason.STORE_FAILURE, name,
          List.of(e.getMessage() + "; retry with the same request id"), e);
    }
    if (appended.isRetry() && !last && caughtUpWithOthers()) {
      // Another engine stored this request id's events: acknowledge them as a retry, checked
      // against their command and input, as if this engine had known them.
      return null;
    }
    projection.appended(batch, events, appended);
    projection.appliedPositions(ids).ifPresent(positions -> outbox.enqueue(events, positions));
    return new CommandResult(requestId, ids, types, appended.getLastPosition(),
        appended.isRetry());
  }

  /** Audits a refusal of the decision and gives the exception the caller sees. */
  private CommandRefusedException refused(String requestId, CommandContext context,
      MemberId actor, String name, Instant now, RuntimeException e) {
    List<String> problems;
    Reason reason = Reason.INVALID;
    if (e instanceof CommandRefusedException) {
      problems = ((CommandRefusedException) e).getProblems();
      reason = ((CommandRefusedException) e).getReason();
    } else if (e instanceof InvalidValueException) {
      problems = List.of(e.getMessage());
    } else {
      problems = List.of("a required value is missing: " + e.getMessage());
    }
    auditQuietly(requestId, context, Optional.of(actor), name, now, AuditOutcome.REJECTED,
        problems);
    return new CommandRefusedException(reason, name, problems,
        e instanceof CommandRefusedException ? null : e);
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
