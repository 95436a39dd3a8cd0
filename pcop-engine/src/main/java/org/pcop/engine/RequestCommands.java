package org.pcop.engine;

import static org.pcop.engine.CommandPipeline.command;
import static org.pcop.engine.CommandPipeline.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pcop.model.Community;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.RfiPosted;

/**
 * Commands on requests for information: posting, answering, accepting an answer and closing.
 */
final class RequestCommands {
  private final CommandPipeline pipeline;
  private final Checks checks;
  private final Projection projection;
  private final Community community;

  RequestCommands(CommandPipeline pipeline, Checks checks, Projection projection,
      Community community) {
    this.pipeline = pipeline;
    this.checks = checks;
    this.projection = projection;
    this.community = community;
  }

  CommandResult postRfi(CommandContext context, RequestForInformation request) {
    return pipeline.run(context, command("rfi.post", input(request),
        Optional.of(request.getAskedBy()), request,
        (actor, ids, now) -> {
          List<String> problems = new ArrayList<>();
          checks.sameCommunity(request.getCommunity(), "request.community", problems);
          if (projection.record().rfi(request.getId()).isPresent()) {
            problems.add("request " + request.getId() + " is already posted");
          }
          if (!request.getResponses().isEmpty()) {
            problems.add("request.responses: a new request has no responses");
          }
          checks.requireActiveMember(request.getAskedBy(), problems);
          Checks.refuseIf(problems);
          return List.of(RfiPosted.builder().eventId(ids.next()).actor(actor).occurredAt(now)
              .request(request).build());
        }));
  }

  CommandResult answerRfi(CommandContext context, RfiId request, ResponseId response,
      String text) {
    return pipeline.run(context, command("rfi.answer", input(request, response, text),
        Optional.empty(), null, (actor, ids, now) -> {
      RequestForInformation current = checks.requireOpenRfi(request);
      RfiResponse answer = RfiResponse.builder().id(response).respondent(actor).at(now)
          .text(text).build();
      checks.validate(answer);
      Checks.refuseIf(current.getResponses().stream().anyMatch(r -> r.getId().equals(response))
          ? List.of("response " + response + " already exists on request " + request)
          : List.of());
      return List.of(RfiAnswered.builder().eventId(ids.next()).actor(actor).occurredAt(now)
          .request(request).response(answer).build());
    }));
  }

  CommandResult acceptAnswer(CommandContext context, RfiId request,
      ResponseId response) {
    return pipeline.run(context, command("rfi.accept", input(request, response),
        Optional.empty(), null, (actor, ids, now) -> {
      RequestForInformation current = checks.requireOpenRfi(request);
      List<String> problems = new ArrayList<>();
      if (!current.getAskedBy().equals(actor)) {
        problems.add("only the asker " + current.getAskedBy() + " may accept an answer");
      }
      if (current.getResponses().stream().noneMatch(r -> r.getId().equals(response))) {
        problems.add("request " + request + " has no response " + response);
      }
      Checks.refuseIf(problems);
      return List.of(RfiAccepted.builder().eventId(ids.next()).actor(actor).occurredAt(now)
          .request(request).response(response).build());
    }));
  }

  CommandResult closeRfi(CommandContext context, RfiId request, String reason) {
    Objects.requireNonNull(request, "request");
    return pipeline.run(context, command("rfi.close", input(request, reason),
        Optional.empty(), null, (actor, ids, now) -> {
      checks.requireOpenRfi(request);
      return List.of(RfiClosed.builder().eventId(ids.next()).actor(actor).occurredAt(now)
          .request(request).reason(Optional.ofNullable(reason)).build());
    }));
  }
}
