package org.pcop.engine;

import static org.pcop.engine.CommandPipeline.command;
import static org.pcop.engine.CommandPipeline.input;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pcop.model.Community;
import org.pcop.model.event.CaseFactDecision;
import org.pcop.model.event.CaseFactsReviewed;
import org.pcop.model.event.EventId;
import org.pcop.model.event.RedactedSpan;

/** The coordinator's review of free text stored under the {@code FLAG} case-fact policy. */
final class CaseFactCommands {
  private final CommandPipeline pipeline;
  private final Projection projection;
  private final Community community;

  CaseFactCommands(CommandPipeline pipeline, Projection projection, Community community) {
    this.pipeline = pipeline;
    this.projection = projection;
    this.community = community;
  }

  CommandResult review(CommandContext context, EventId event, CaseFactDecision decision) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(decision, "decision");
    return pipeline.run(context, command("casefacts.review", input(event, decision),
        Optional.empty(), null, (actor, ids, now) -> {
      CaseFactReviews reviews = projection.reviews();
      Optional<CaseFactFlag> flag = reviews.flag(event);
      if (flag.isEmpty()) {
        Checks.refuseIf(List.of("event " + event + " was not flagged for case-fact review"));
      }
      reviews.decision(event).ifPresent(d -> Checks.refuseIf(List.of("event " + event
          + " was already reviewed: " + d)));
      List<RedactedSpan> spans = decision == CaseFactDecision.REDACTED
          ? flag.orElseThrow().findings().stream()
              .map(p -> RedactedSpan.of(p.field(), p.start(), p.end()))
              .collect(Collectors.toList())
          : List.of();
      return List.of(CaseFactsReviewed.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).community(community.getId()).flaggedEvent(event).decision(decision)
          .redactions(spans).build());
    }));
  }
}
