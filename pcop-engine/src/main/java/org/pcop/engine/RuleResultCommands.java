package org.pcop.engine;

import static org.pcop.engine.CommandPipeline.command;
import static org.pcop.engine.CommandPipeline.input;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pcop.model.Community;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipStatus;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.EngagementLevelLocked;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ImmutableEngagementLevelChanged;
import org.pcop.model.event.ImmutableMembershipChanged;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.DormancyNotice;
import org.pcop.rules.Evaluation;
import org.pcop.rules.ResultEvents;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.RuleSet;

/**
 * Commands that record rule results and the human decisions the rules read: dormancy, level
 * changes, level locks and conduct flags.
 */
final class RuleResultCommands {
  private final CommandPipeline pipeline;
  private final Checks checks;
  private final Projection projection;
  private final Community community;
  private final RuleSet rules;

  RuleResultCommands(CommandPipeline pipeline, Checks checks, Projection projection,
      Community community, RuleSet rules) {
    this.pipeline = pipeline;
    this.checks = checks;
    this.projection = projection;
    this.community = community;
    this.rules = rules;
  }

  CommandResult applyDormancy(CommandContext context) {
    return pipeline.run(context, command("dormancy.apply", input(), Optional.empty(), null,
        (actor, ids, now) -> {
      List<PcopEvent> events = new ArrayList<>();
      Set<MemberId> seen = new HashSet<>();
      for (DormancyNotice notice
          : projection.evaluation(now).findings(DormancyNotice.class)) {
        if (!notice.getCommunity().equals(community.getId()) || !seen.add(notice.getMember())) {
          continue;
        }
        projection.record().membership(notice.getMember(), community.getId())
            .filter(m -> m.getStatus() == MembershipStatus.ACTIVE)
            .ifPresent(m -> events.add(MembershipChanged.builder().eventId(ids.next())
                .actor(actor).occurredAt(now).member(m.getMember()).community(community.getId())
                .role(m.getRole()).status(MembershipStatus.DORMANT).sponsor(m.getSponsor())
                .build()));
      }
      return events;
    }));
  }

  CommandResult applyRuleResults(CommandContext context) {
    return pipeline.run(context, command("rules.apply", input(), Optional.empty(), null,
        (actor, ids, now) -> {
      Evaluation evaluation = projection.evaluation(now);
      // Events of other communities, and a second dormancy of one member (from a second
      // dormancy rule), are left out; the ids are given once the events are chosen, so that
      // they follow each other without gaps, which acknowledging a retry relies on.
      List<PcopEvent> derived = ResultEvents.events(evaluation,
          projection.record(), actor, now,
          () -> EventId.of(ids.requestId + ".draft"));
      CommandPipeline.EventIds numbered = new CommandPipeline.EventIds(ids.requestId);
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
      events.addAll(DueSoonWarnings.events(evaluation, rules,
          community.getId(), projection, actor, now, numbered::next));
      return events;
    }));
  }

  CommandResult lockLevel(CommandContext context, MemberId member, String level) {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(level, "level");
    return pipeline.run(context, command("level.lock", input(member, level), Optional.empty(),
        null, (actor, ids, now) -> {
      List<String> problems = new ArrayList<>();
      checks.requireActiveMember(member, problems);
      List<String> levels = levelNames();
      if (!levels.contains(level)) {
        problems.add("level: " + level + " is not a level of the engagement level rules of "
            + community.getId() + " (" + (levels.isEmpty() ? "none" : String.join(", ", levels))
            + ")");
      }
      projection.record().level(member, community.getId()).lock()
          .filter(level::equals)
          .ifPresent(l -> problems.add("member " + member + " is already locked at " + l));
      Checks.refuseIf(problems);
      return List.of(EngagementLevelLocked.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).member(member).community(community.getId()).level(level).build());
    }));
  }

  CommandResult unlockLevel(CommandContext context, MemberId member) {
    Objects.requireNonNull(member, "member");
    return pipeline.run(context, command("level.unlock", input(member), Optional.empty(), null,
        (actor, ids, now) -> {
      if (projection.record().level(member, community.getId()).lock().isEmpty()) {
        Checks.refuseIf(List.of("member " + member + " has no locked level in "
            + community.getId()));
      }
      return List.of(EngagementLevelLocked.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).member(member).community(community.getId()).build());
    }));
  }

  CommandResult recordConductFlag(CommandContext context, MemberId member,
      ConductFlagStatus status, String reason) {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(status, "status");
    String action = "conduct." + status.name().toLowerCase(Locale.ROOT);
    return pipeline.run(context, command(action, input(member, status, reason),
        Optional.empty(), null, (actor, ids, now) -> {
      List<String> problems = new ArrayList<>();
      if (projection.record().member(member).isEmpty()) {
        problems.add("member " + member + " is not enrolled");
      }
      Optional<ConductFlagStatus> last = projection.conductFlag(member);
      boolean raised = last.equals(Optional.of(ConductFlagStatus.RAISED));
      if (status == ConductFlagStatus.RAISED && raised) {
        problems.add("member " + member + " already has a conduct flag awaiting a decision");
      } else if (status == ConductFlagStatus.UPHELD && !raised) {
        problems.add("member " + member + " has no raised conduct flag to uphold");
      } else if (status == ConductFlagStatus.DISMISSED && !raised
          && !last.equals(Optional.of(ConductFlagStatus.UPHELD))) {
        problems.add("member " + member + " has no raised or upheld conduct flag to dismiss");
      }
      Checks.refuseIf(problems);
      return List.of(ConductFlagRecorded.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).member(member).status(status)
          .reason(Optional.ofNullable(reason)).build());
    }));
  }

  private List<String> levelNames() {
    return rules.getRules().stream().filter(EngagementLevelRule.class::isInstance)
        .map(EngagementLevelRule.class::cast)
        .filter(r -> r.getCommunity().equals(community.getId()))
        .flatMap(r -> r.getLevels().stream()).map(Level::getName).distinct()
        .collect(Collectors.toList());
  }
}
