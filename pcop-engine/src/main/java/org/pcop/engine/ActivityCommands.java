package org.pcop.engine;

import static org.pcop.engine.CommandPipeline.command;
import static org.pcop.engine.CommandPipeline.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcop.model.Community;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.Participation;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.ParticipationRecorded;

/**
 * Commands on activities and the participations of members in them.
 */
final class ActivityCommands {
  private final CommandPipeline pipeline;
  private final Checks checks;
  private final Projection projection;
  private final Community community;

  ActivityCommands(CommandPipeline pipeline, Checks checks, Projection projection,
      Community community) {
    this.pipeline = pipeline;
    this.checks = checks;
    this.projection = projection;
    this.community = community;
  }

  CommandResult recordActivity(CommandContext context, Activity activity) {
    return pipeline.run(context, command("activity.record", input(activity),
        Optional.empty(), activity, (actor, ids, now) -> {
      List<String> problems = new ArrayList<>();
      checks.sameCommunity(activity.getCommunity(), "activity.community", problems);
      if (projection.record().activity(activity.getId()).isPresent()) {
        problems.add("activity " + activity.getId() + " is already recorded");
      }
      Checks.refuseIf(problems);
      return List.of(ActivityRecorded.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).activity(activity).build());
    }));
  }

  CommandResult recordParticipation(CommandContext context, Participation participation) {
    return pipeline.run(context, command("participation.record", input(participation),
        Optional.of(participation.getMember()),
        participation, (actor, ids, now) -> {
          List<String> problems = new ArrayList<>();
          if (projection.record().activity(participation.getActivity()).isEmpty()) {
            problems.add("activity " + participation.getActivity() + " is not recorded");
          }
          checks.requireActiveMember(participation.getMember(), problems);
          Checks.refuseIf(problems);
          return List.of(ParticipationRecorded.builder().eventId(ids.next()).actor(actor)
              .occurredAt(now).participation(participation).build());
        }));
  }
}
