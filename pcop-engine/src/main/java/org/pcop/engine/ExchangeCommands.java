package org.pcop.engine;

import static org.pcop.engine.CommandPipeline.command;
import static org.pcop.engine.CommandPipeline.input;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pcop.model.Community;
import org.pcop.model.ExchangeId;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.FollowUpReport;
import org.pcop.model.activity.Schedule;
import org.pcop.model.event.ExchangeApproved;
import org.pcop.model.event.ExchangeCancelled;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.ExchangeDocumented;
import org.pcop.model.event.ExchangeHeld;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.ExchangeScheduled;

/**
 * Commands on peer exchanges and site visits, from request through two-party approval, scheduling,
 * holding and the follow-up report, or their decline or cancellation, under the exchange policy.
 */
final class ExchangeCommands {
  private final CommandPipeline pipeline;
  private final Checks checks;
  private final Projection projection;
  private final Community community;

  ExchangeCommands(CommandPipeline pipeline, Checks checks, Projection projection,
      Community community) {
    this.pipeline = pipeline;
    this.checks = checks;
    this.projection = projection;
    this.community = community;
  }

  CommandResult requestExchange(CommandContext context, Exchange exchange) {
    return pipeline.run(context, command("exchange.request", input(exchange),
        Optional.of(exchange.getRequestedBy()), exchange,
        (actor, ids, now) -> {
          List<String> problems = new ArrayList<>();
          checks.sameCommunity(exchange.getCommunity(), "exchange.community", problems);
          if (projection.record().exchange(exchange.getId()).isPresent()) {
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
          checks.requireActiveMember(exchange.getRequestedBy(), problems);
          problems.addAll(checks.suspendedRequesterProblems(exchange, now));
          problems.addAll(checks.exchangePolicyProblems(exchange, Optional.empty()));
          Checks.refuseIf(problems);
          return List.of(ExchangeRequested.builder().eventId(ids.next()).actor(actor)
              .occurredAt(now).exchange(exchange).build());
        }));
  }

  CommandResult approveExchange(CommandContext context, ExchangeId exchange,
      ApproverRole role) {
    return pipeline.run(context, command("exchange.approve", input(exchange, role),
        Optional.empty(), null, (actor, ids, now) -> {
      Exchange current = checks.requireExchange(exchange, ExchangeState.REQUESTED);
      List<String> problems = new ArrayList<>();
      checks.requireApprover(actor, current, role, problems);
      if (current.getApprovals().stream().anyMatch(a -> a.getRole() == role)) {
        problems.add("exchange " + exchange + " is already approved as " + role);
      }
      problems.addAll(checks.suspendedRequesterProblems(current, now));
      Checks.refuseIf(problems);
      return List.of(ExchangeApproved.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).exchange(exchange).role(role).build());
    }));
  }

  CommandResult declineExchange(CommandContext context, ExchangeId exchange,
      ApproverRole role, String reason) {
    return pipeline.run(context, command("exchange.decline", input(exchange, role, reason),
        Optional.empty(), null, (actor, ids, now) -> {
      Exchange current = checks.requireExchange(exchange, ExchangeState.REQUESTED);
      List<String> problems = new ArrayList<>();
      checks.requireApprover(actor, current, role, problems);
      Checks.refuseIf(problems);
      return List.of(ExchangeDeclined.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).exchange(exchange).role(role).reason(reason).build());
    }));
  }

  CommandResult scheduleExchange(CommandContext context, ExchangeId exchange,
      Schedule schedule) {
    return pipeline.run(context, command("exchange.schedule", input(exchange, schedule),
        Optional.empty(), schedule, (actor, ids, now) -> {
      Exchange current = checks.requireExchange(exchange, ExchangeState.APPROVED);
      List<String> problems = new ArrayList<>(checks.suspendedRequesterProblems(current, now));
      problems.addAll(checks.exchangePolicyProblems(current,
          Optional.of(schedule.getFirstDay())));
      Checks.refuseIf(problems);
      return List.of(ExchangeScheduled.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).exchange(exchange).schedule(schedule).build());
    }));
  }

  CommandResult holdExchange(CommandContext context, ExchangeId exchange,
      LocalDate heldOn) {
    Objects.requireNonNull(heldOn, "heldOn");
    return pipeline.run(context, command("exchange.hold", input(exchange, heldOn),
        Optional.empty(), null, (actor, ids, now) -> {
      checks.requireExchange(exchange, ExchangeState.SCHEDULED);
      return List.of(ExchangeHeld.builder().eventId(ids.next()).actor(actor).occurredAt(now)
          .exchange(exchange).heldOn(heldOn).build());
    }));
  }

  CommandResult documentExchange(CommandContext context, ExchangeId exchange,
      String summary) {
    return pipeline.run(context, command("exchange.document", input(exchange, summary),
        Optional.empty(), null, (actor, ids, now) -> {
      checks.requireExchange(exchange, ExchangeState.HELD);
      FollowUpReport report = FollowUpReport.builder().submittedBy(actor).submittedAt(now)
          .summary(summary).build();
      checks.validate(report);
      return List.of(ExchangeDocumented.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).exchange(exchange).report(report).build());
    }));
  }

  CommandResult cancelExchange(CommandContext context, ExchangeId exchange,
      String reason) {
    return pipeline.run(context, command("exchange.cancel", input(exchange, reason),
        Optional.empty(), null, (actor, ids, now) -> {
      Exchange current = checks.requireExchange(exchange, null);
      Checks.refuseIf(current.getState().canMoveTo(ExchangeState.CANCELLED) ? List.of()
          : List.of("exchange " + exchange + " is " + current.getState()
              + " and cannot be cancelled"));
      return List.of(ExchangeCancelled.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).exchange(exchange).reason(reason).build());
    }));
  }
}
