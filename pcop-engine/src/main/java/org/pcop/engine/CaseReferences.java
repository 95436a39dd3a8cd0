package org.pcop.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pcop.engine.CommandRefusedException.Reason;
import org.pcop.model.CaseReference;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.ImmutableExchangeRequested;
import org.pcop.model.event.ImmutableRfiPosted;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiPosted;
import org.pcop.model.validation.Violation;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.AuditOutcome;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.AuditSink;
import org.pcop.spi.HostUserId;
import org.pcop.spi.IdentityMapping;

/**
 * What a viewer may see of case references: a label shows only to a viewer the access policy
 * lets resolve the reference (others see the opaque handle in its place), and following a handle
 * for a user is decided by the policy and audited.
 */
final class CaseReferences {
  private final CommunityId community;
  private final Clock clock;
  private final IdentityMapping identities;
  private final AccessPolicy access;
  private final AuditSink audit;
  private final Lifecycle lifecycle;
  private final Projection projection;
  private final Checks checks;
  private final CommandPipeline pipeline;

  CaseReferences(CommunityId community, Clock clock, IdentityMapping identities,
      AccessPolicy access, AuditSink audit, Lifecycle lifecycle, Projection projection,
      Checks checks, CommandPipeline pipeline) {
    this.community = community;
    this.clock = clock;
    this.identities = identities;
    this.access = access;
    this.audit = audit;
    this.lifecycle = lifecycle;
    this.projection = projection;
    this.checks = checks;
    this.pipeline = pipeline;
  }

  /** The exchange as the viewer may see it. */
  Exchange redact(Exchange exchange, HostUserId viewer) {
    return exchange.getCaseReferences().isEmpty() ? exchange : Exchange.builder().from(exchange)
        .caseReferences(redact(exchange.getCaseReferences(), viewer)).build();
  }

  /** The request as the viewer may see it. */
  RequestForInformation redact(RequestForInformation request, HostUserId viewer) {
    return request.getCaseReferences().isEmpty() ? request
        : RequestForInformation.builder().from(request)
            .caseReferences(redact(request.getCaseReferences(), viewer)).build();
  }

  /**
   * An event as a host user may see it: in an exchange requested or a request posted, the label
   * of every case reference the user may not resolve is replaced by its handle.
   */
  PcopEvent redact(PcopEvent event, HostUserId viewer) {
    if (event instanceof ExchangeRequested) {
      ExchangeRequested requested = (ExchangeRequested) event;
      return ImmutableExchangeRequested.copyOf(requested)
          .withExchange(redact(requested.getExchange(), viewer));
    } else if (event instanceof RfiPosted) {
      RfiPosted posted = (RfiPosted) event;
      return ImmutableRfiPosted.copyOf(posted)
          .withRequest(redact(posted.getRequest(), viewer));
    }
    return event;
  }

  private List<CaseReference> redact(List<CaseReference> references, HostUserId viewer) {
    return references.stream().map(c -> access.mayResolve(viewer, c) ? c
        : CaseReference.of(c.getHandle(), c.getHandle())).collect(Collectors.toList());
  }

  /** See {@link Pcop#resolveCaseReference}. */
  Optional<CaseReference> resolve(CommandContext context, String handle) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(handle, "handle");
    String requestId = context.requestId().orElseGet(() -> UUID.randomUUID().toString());
    Optional<CaseReference> found;
    Instant now;
    synchronized (lifecycle.lock()) {
      lifecycle.ensureOpen(Pcop.RESOLVE_COMMAND);
      now = clock.instant();
      projection.catchUp();
      found = Stream.concat(
          projection.record().exchanges(community).stream()
              .map(projection.reviews()::redact).map(Exchange::getCaseReferences),
          projection.record().rfis(community).stream()
              .map(projection.reviews()::redact).map(RequestForInformation::getCaseReferences))
          .flatMap(List::stream).filter(c -> c.getHandle().equals(handle)).findFirst();
    }
    Optional<MemberId> actor = identities.memberOf(context.user());
    String denial = null;
    if (actor.isEmpty()) {
      denial = "user " + context.user() + " is not mapped to a member";
    } else {
      CaseReference asked = found.orElseGet(() -> CaseReference.of(handle, handle));
      List<String> problems = checks.validator().validate(CaseReference.of(handle, handle)).stream()
          .filter(v -> v.path().contains("handle")).map(Violation::toString)
          .collect(Collectors.toList());
      if (!problems.isEmpty()) {
        pipeline.auditQuietly(requestId, context, actor, Pcop.RESOLVE_COMMAND, now,
            AuditOutcome.REJECTED,
            List.of("the handle asked for is not a valid case reference handle"));
        throw new CommandRefusedException(Reason.INVALID, Pcop.RESOLVE_COMMAND, problems, null);
      }
      if (!access.mayResolve(context.user(), asked)) {
        denial = "user " + context.user() + " may not resolve case reference " + handle;
      }
    }
    if (denial != null) {
      pipeline.auditQuietly(requestId, context, actor, Pcop.RESOLVE_COMMAND, now,
          AuditOutcome.DENIED,
          List.of(denial));
      throw new CommandRefusedException(Reason.DENIED, Pcop.RESOLVE_COMMAND, List.of(denial), null);
    }
    try {
      audit.record(AuditRecord.builder().requestId(requestId).user(context.user())
          .actingAs(actor).command(Pcop.RESOLVE_COMMAND).at(now).outcome(AuditOutcome.COMMITTED)
          .reason(found.isPresent() ? "case reference " + handle + " resolved"
              : "no exchange or request for information of community " + community
                  + " carries case reference " + handle)
          .build());
    } catch (RuntimeException e) {
      throw new CommandRefusedException(Reason.STORE_FAILURE, Pcop.RESOLVE_COMMAND,
          List.of("the audit sink failed, so case reference " + handle
              + " was not resolved: " + e.getMessage()), e);
    }
    return found;
  }
}
