package org.pcop.engine;

import static org.pcop.engine.CommandPipeline.command;
import static org.pcop.engine.CommandPipeline.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pcop.engine.CommandRefusedException.Reason;
import org.pcop.model.Community;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.StatusChange;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.rules.Outcome;
import org.pcop.rules.Refusal;
import org.pcop.rules.RuleEngine;
import org.pcop.rules.RuleResult;
import org.pcop.rules.definition.EligibilityRule;

/**
 * Commands on people: enrolment, membership changes (with the eligibility rules) and the
 * appointment of program staff.
 */
final class MembershipCommands {
  private final CommandPipeline pipeline;
  private final Checks checks;
  private final Projection projection;
  private final Community community;

  MembershipCommands(CommandPipeline pipeline, Checks checks, Projection projection,
      Community community) {
    this.pipeline = pipeline;
    this.checks = checks;
    this.projection = projection;
    this.community = community;
  }

  CommandResult enrolMember(CommandContext context, Member member) {
    return pipeline.run(context, command("member.enrol", input(member),
        Optional.empty(), member, (actor, ids, now) -> {
      Checks.refuseIf(projection.record().agency(member.getAgency()).isPresent() ? List.of()
          : List.of("member.agency: agency " + member.getAgency() + " is not registered"));
      return List.of(MemberEnrolled.builder().eventId(ids.next()).actor(actor).occurredAt(now)
          .member(member).build());
    }));
  }

  CommandResult changeMembership(CommandContext context, MemberId member,
      MembershipRole role, MembershipStatus status, Optional<MemberId> sponsor) {
    Objects.requireNonNull(sponsor, "sponsor");
    return pipeline.run(context, command("membership.change", input(member, role, status, sponsor),
        Optional.empty(), null, (actor, ids, now) -> {
      List<String> problems = new ArrayList<>();
      if (projection.record().member(member).isEmpty()) {
        problems.add("member " + member + " is not enrolled");
      } else if (projection.record().isDeactivated(member)) {
        problems.add("member " + member + " is deactivated");
      }
      if (status == MembershipStatus.SUSPENDED) {
        problems.add("status: a suspension names a reason and an end date; use suspendMember");
      }
      Optional<Membership> current = projection.record().membership(member, community.getId());
      if (current.isPresent() && current.get().getStatus() == status
          && current.get().getRole() == role) {
        problems.add("member " + member + " is already " + status + " as " + role);
      }
      if (problems.isEmpty()
          && (status == MembershipStatus.ACTIVE || status == MembershipStatus.INVITED)) {
        for (EligibilityRule rule : checks.eligibilityRules()) {
          RuleResult result = RuleEngine.checkEligibility(rule, projection.record(), member, role,
              sponsor,
              now);
          if (result.getOutcome() == Outcome.FAILED) {
            result.findings(Refusal.class).forEach(r -> problems.addAll(r.getUnmetConditions()));
            if (problems.isEmpty()) {
              problems.add("not eligible under rule " + rule.getId());
            }
          } else if (result.getOutcome() == Outcome.INDETERMINATE) {
            problems.add("eligibility under rule " + rule.getId() + " cannot be decided: "
                + result.getExplanation());
          }
        }
      }
      Checks.refuseIf(problems);
      return List.of(MembershipChanged.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).member(member).community(community.getId()).role(role)
          .status(status).sponsor(sponsor).build());
    }));
  }

  CommandResult suspend(CommandContext context, MemberId member, String reason,
      java.time.LocalDate until) {
    Objects.requireNonNull(member, "member");
    return pipeline.run(context, command("membership.suspend",
        input(member, reason, until == null ? null : until.toString()),
        Optional.empty(), null, (actor, ids, now) -> {
      List<String> problems = new ArrayList<>();
      if (reason == null || reason.isBlank()) {
        problems.add("reason: a suspension needs a reason");
      }
      java.time.LocalDate today = java.time.LocalDate.ofInstant(now, community.getTimeZone());
      if (until == null) {
        problems.add("until: a suspension needs an end date");
      } else if (until.isBefore(today)) {
        problems.add("until: " + until + " is before today, " + today);
      }
      Optional<Membership> current = projection.record().membership(member, community.getId());
      if (current.isEmpty()) {
        problems.add("member " + member + " has no membership of " + community.getId());
      } else if (current.get().getStatus() == MembershipStatus.LEFT
          || current.get().getStatus() == MembershipStatus.INVITED) {
        problems.add("member " + member + " is " + current.get().getStatus()
            + "; only a member taking part is suspended");
      } else if (current.get().getStatus() == MembershipStatus.SUSPENDED) {
        StatusChange last = current.get().getHistory().get(
            current.get().getHistory().size() - 1);
        if (last.getUntil().equals(Optional.ofNullable(until))
            && last.getReason().equals(Optional.ofNullable(reason))) {
          problems.add("member " + member + " is already suspended until " + until
              + " for that reason; give another end date or reason to update the suspension,"
              + " or reinstate the member to end it");
        }
      }
      Checks.refuseIf(problems);
      return List.of(MembershipChanged.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).member(member).community(community.getId())
          .role(current.get().getRole()).sponsor(current.get().getSponsor())
          .status(MembershipStatus.SUSPENDED).reason(reason).until(until).build());
    }));
  }

  CommandResult reinstate(CommandContext context, MemberId member, String reason) {
    Objects.requireNonNull(member, "member");
    return pipeline.run(context, command("membership.reinstate", input(member, reason),
        Optional.empty(), null, (actor, ids, now) -> {
      Optional<Membership> current = projection.record().membership(member, community.getId());
      Checks.refuseIf(current.filter(m -> m.getStatus() == MembershipStatus.SUSPENDED)
          .isPresent() ? List.of() : List.of("member " + member + " is not suspended"));
      return List.of(MembershipChanged.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).member(member).community(community.getId())
          .role(current.get().getRole()).sponsor(current.get().getSponsor())
          .status(MembershipStatus.ACTIVE).reason(Optional.ofNullable(reason)).build());
    }));
  }

  CommandResult appointStaff(CommandContext context, MemberId member,
      MembershipRole role) {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(role, "role");
    return pipeline.run(context, command("membership.appoint", input(member, role),
        Optional.empty(), null, (actor, ids, now) -> {
      if (role != MembershipRole.COORDINATOR && role != MembershipRole.PROGRAM_ADVISOR) {
        throw new CommandRefusedException(Reason.INVALID, "membership.appoint",
            List.of("role: " + role + " is not a program role (COORDINATOR or"
                + " PROGRAM_ADVISOR); members in other roles join through changeMembership"),
            null);
      }
      List<String> problems = new ArrayList<>();
      checks.requireActiveMember(member, problems);
      projection.record().membership(member, community.getId())
          .filter(m -> m.getStatus() == MembershipStatus.ACTIVE && m.getRole() == role)
          .ifPresent(m -> problems.add("member " + member + " is already ACTIVE as " + role));
      Checks.refuseIf(problems);
      return List.of(MembershipChanged.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).member(member).community(community.getId()).role(role)
          .status(MembershipStatus.ACTIVE).reason("appointed by the program").build());
    }));
  }
}
