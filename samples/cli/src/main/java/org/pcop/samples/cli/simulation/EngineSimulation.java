package org.pcop.samples.cli.simulation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipStatus;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.AgencyRegistered;
import org.pcop.model.event.ExchangeApproved;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.ExchangeDocumented;
import org.pcop.model.event.ExchangeHeld;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.ExchangeScheduled;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.RfiPosted;
import org.pcop.model.event.SiteRegistered;
import org.pcop.model.event.TaxonomyChanged;
import org.pcop.spi.EventStore;
import org.pcop.engine.CommandContext;
import org.pcop.engine.CommandRefusedException;
import org.pcop.engine.CommandResult;
import org.pcop.engine.Pcop;

/**
 * Carries a {@link YearSimulation} out through the pcop engine, as the host systems of the
 * program's offices would: each planned action becomes the engine command its actor issues
 * (registering sites and offices, enrolling people, recording activities and participations,
 * requesting, approving, scheduling, holding and documenting exchanges, posting, answering,
 * accepting and closing requests for information), with the engine's clock at the action's
 * instant; at each month end the coordinator has the engine record the default rule set's results
 * (level changes and dormancy). A member whose membership went dormant and who acts again is
 * reactivated by the coordinator first.
 *
 * <p>Every command has a request id made of the plan's seed, year and step number
 * ({@link #requestIdPrefix}), so a rerun over the same store issues the same commands with the
 * same ids: the engine acknowledges those already stored as retries and appends nothing for them,
 * and the run goes on from where the stored log ends. A refusal by the engine is not expected from
 * a valid plan; it stops the run with a {@link SimulationException} that names the step.
 */
public final class EngineSimulation {
  private final YearSimulation plan;
  private final DemoHost host;
  private final Pcop pcop;
  private final String prefix;
  private final List<YearSimulation.Step> steps;

  /**
   * What a run did.
   *
   * @param commands how many commands were issued to the engine
   * @param retries how many of them the engine acknowledged as retries of stored commands
   * @param skipped how many stored month ends that recorded nothing were passed over on a resume
   * @param eventsAppended how many events the new commands appended
   * @param notifications how many notifications the engine delivered
   * @param auditRecords how many audit records the engine wrote
   * @param finished whether the whole plan was carried out (false when stopped by a limit)
   */
  public record Outcome(long commands, long retries, long skipped, long eventsAppended,
      long notifications, long auditRecords, boolean finished) {}

  private EngineSimulation(YearSimulation plan, EventStore store) {
    this.plan = plan;
    this.steps = plan.steps();
    this.host = new DemoHost(plan.community(), firstInstant(plan));
    this.pcop = host.engine(store);
    this.prefix = requestIdPrefix(plan);
  }

  /**
   * Prepares a run of the plan over a store, building the engine from what the store holds.
   *
   * @param plan the plan
   * @param store the store (in a data folder, the H2 database)
   * @return the run, not started
   */
  public static EngineSimulation over(YearSimulation plan, EventStore store) {
    return new EngineSimulation(plan, store);
  }

  /**
   * The start of every request id of a plan's commands: {@code demo-<seed>-<year>-}, followed by
   * the step number and, for a reactivation before the step, {@code -r}.
   *
   * @param plan the plan
   * @return the prefix
   */
  public static String requestIdPrefix(YearSimulation plan) {
    return "demo-" + plan.seed() + "-" + plan.year() + "-";
  }

  /**
   * Runs the plan.
   *
   * @param storedRequestIds the request ids of the commands already in the store, all with this
   *     plan's {@link #requestIdPrefix}
   * @param maxCommands stop after issuing this many commands (for an interrupted run); use
   *     {@link Long#MAX_VALUE} to run the whole plan
   * @param progress receives the number of steps done so far, out of {@link #stepCount()}
   * @return what the run did
   * @throws SimulationException if the engine refuses a command, naming the step and every
   *     problem
   * @throws IllegalArgumentException if a stored request id is not one of this plan's
   */
  public Outcome run(Set<String> storedRequestIds, long maxCommands, LongConsumer progress) {
    long resumeAfter = 0;
    for (String id : storedRequestIds) {
      resumeAfter = Math.max(resumeAfter, key(id));
    }
    Tally tally = new Tally(maxCommands);
    Map<MemberId, Membership> dormant = null;
    for (int i = 1; i <= steps.size(); i++) {
      YearSimulation.Step step = steps.get(i - 1);
      String main = requestId(i, false);
      String back = requestId(i, true);
      if (key(main) < resumeAfter) {
        // Stored before: reissue what was stored (acknowledged as retries); a month end that
        // recorded nothing, or a reactivation that was not needed, left nothing to reissue.
        for (String id : List.of(back, main)) {
          if (storedRequestIds.contains(id)) {
            if (tally.full()) {
              return tally.outcome(false);
            }
            tally.count(issue(step, id, i));
          } else if (id.equals(main)) {
            tally.skipped++;
          }
        }
        progress.accept(i);
        continue;
      }
      if (dormant == null) {
        dormant = dormantMemberships();
      }
      if (step instanceof YearSimulation.Action action) {
        PcopEvent planned = action.event().apply(plan.eventId(i));
        Optional<MemberId> returning = actingMember(planned).filter(dormant::containsKey);
        boolean reissue = storedRequestIds.contains(back);
        if (reissue || (returning.isPresent() && !storedRequestIds.contains(main))) {
          if (tally.full()) {
            return tally.outcome(false);
          }
          Membership membership = returning.map(dormant::remove).orElse(null);
          host.clock().set(planned.getOccurredAt());
          tally.count(reissue ? issue(step, back, i) : reactivate(i, back, membership));
        }
      }
      if (tally.full()) {
        return tally.outcome(false);
      }
      tally.count(issue(step, main, i));
      if (step instanceof YearSimulation.MonthEnd) {
        dormant = dormantMemberships();
      }
      progress.accept(i);
    }
    return tally.outcome(true);
  }

  /** Counts what a run does, up to its limit of commands. */
  private final class Tally {
    private final long maxCommands;
    private long commands;
    private long retries;
    private long skipped;
    private long appended;

    Tally(long maxCommands) {
      this.maxCommands = maxCommands;
    }

    boolean full() {
      return commands >= maxCommands;
    }

    void count(CommandResult result) {
      commands++;
      if (result.retry()) {
        retries++;
      } else {
        appended += result.events().size();
      }
    }

    Outcome outcome(boolean finished) {
      return new Outcome(commands, retries, skipped, appended, host.notifications(),
          host.auditRecords(), finished);
    }
  }

  /**
   * The number of steps of the plan, which {@link #run}'s progress counts.
   *
   * @return the count
   */
  public int stepCount() {
    return steps.size();
  }

  private Map<MemberId, Membership> dormantMemberships() {
    Map<MemberId, Membership> dormant = new HashMap<>();
    for (Membership membership : pcop.roster()) {
      if (membership.getStatus() == MembershipStatus.DORMANT) {
        dormant.put(membership.getMember(), membership);
      }
    }
    return dormant;
  }

  private String requestId(int step, boolean reactivation) {
    return String.format(Locale.ROOT, "%s%06d%s", prefix, step, reactivation ? "-r" : "");
  }

  /** Orders request ids as they are issued: a step's reactivation just before the step. */
  private long key(String requestId) {
    if (!requestId.startsWith(prefix)) {
      throw new IllegalArgumentException("request id " + requestId + " is not from the demo"
          + " with seed " + plan.seed() + " and year " + plan.year());
    }
    String rest = requestId.substring(prefix.length());
    boolean reactivation = rest.endsWith("-r");
    String number = reactivation ? rest.substring(0, rest.length() - 2) : rest;
    try {
      return Long.parseLong(number) * 2 + (reactivation ? 0 : 1);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("request id " + requestId + " is not from the demo"
          + " with seed " + plan.seed() + " and year " + plan.year(), e);
    }
  }

  /** The member whose own action a planned event is, if they act as a community member. */
  private Optional<MemberId> actingMember(PcopEvent planned) {
    if (planned instanceof ParticipationRecorded p) {
      return Optional.of(p.getParticipation().getMember());
    }
    if (planned.getActor().equals(plan.community().coordinator())
        || planned instanceof MemberEnrolled || planned instanceof MembershipChanged) {
      return Optional.empty();
    }
    return Optional.of(planned.getActor());
  }

  private CommandResult issue(YearSimulation.Step step, String requestId, int number) {
    if (requestId.endsWith("-r")) {
      // Only reissued on a resume, where the engine acknowledges it from the store.
      PcopEvent planned = ((YearSimulation.Action) step).event().apply(plan.eventId(number));
      MemberId member = actingMember(planned).orElseThrow();
      Membership membership = pcop.roster().stream().filter(m -> m.getMember().equals(member))
          .findFirst().orElseThrow(() -> new SimulationException("step " + number
              + " of the plan (request " + requestId + ") reactivates " + member
              + ", who has no membership in the store", null));
      return reactivate(number, requestId, membership);
    }
    if (step instanceof YearSimulation.MonthEnd) {
      host.clock().set(step.at());
      return refusalNamed(number, requestId, () -> pcop.applyRuleResults(
          host.as(plan.community().coordinator(), requestId)));
    }
    PcopEvent planned = ((YearSimulation.Action) step).event().apply(plan.eventId(number));
    host.clock().set(planned.getOccurredAt());
    CommandContext ctx = host.as(planned.getActor(), requestId);
    return refusalNamed(number, requestId, () -> command(ctx, planned));
  }

  /**
   * The coordinator reactivates a dormant membership: program staff are appointed again, every
   * other member rejoins in the same role (under the eligibility rule).
   */
  private CommandResult reactivate(int step, String requestId, Membership membership) {
    CommandContext ctx = host.as(plan.community().coordinator(), requestId);
    if (YearSimulation.isProgramRole(membership.getRole())) {
      return refusalNamed(step, requestId, () -> pcop.appointStaff(ctx,
          membership.getMember(), membership.getRole()));
    }
    return refusalNamed(step, requestId, () -> pcop.changeMembership(ctx,
        membership.getMember(), membership.getRole(), MembershipStatus.ACTIVE,
        membership.getSponsor()));
  }

  /** The engine command a host issues for a planned action. */
  private CommandResult command(CommandContext ctx, PcopEvent planned) {
    if (planned instanceof TaxonomyChanged e) {
      return pcop.changeTaxonomy(ctx, e.getTaxonomy());
    } else if (planned instanceof SiteRegistered e) {
      return pcop.registerSite(ctx, e.getSite());
    } else if (planned instanceof AgencyRegistered e) {
      return pcop.registerAgency(ctx, e.getAgency());
    } else if (planned instanceof MemberEnrolled e) {
      return pcop.enrolMember(ctx, e.getMember());
    } else if (planned instanceof MembershipChanged e
        && YearSimulation.isProgramRole(e.getRole())
        && e.getStatus() == MembershipStatus.ACTIVE) {
      return pcop.appointStaff(ctx, e.getMember(), e.getRole());
    } else if (planned instanceof MembershipChanged e) {
      return pcop.changeMembership(ctx, e.getMember(), e.getRole(), e.getStatus(),
          e.getSponsor());
    } else if (planned instanceof ActivityRecorded e) {
      return pcop.recordActivity(ctx, e.getActivity());
    } else if (planned instanceof ParticipationRecorded e) {
      return pcop.recordParticipation(ctx, e.getParticipation());
    } else if (planned instanceof ExchangeRequested e) {
      return pcop.requestExchange(ctx, e.getExchange());
    } else if (planned instanceof ExchangeApproved e) {
      return pcop.approveExchange(ctx, e.getExchange(), e.getRole());
    } else if (planned instanceof ExchangeDeclined e) {
      return pcop.declineExchange(ctx, e.getExchange(), e.getRole(), e.getReason());
    } else if (planned instanceof ExchangeScheduled e) {
      return pcop.scheduleExchange(ctx, e.getExchange(), e.getSchedule());
    } else if (planned instanceof ExchangeHeld e) {
      return pcop.holdExchange(ctx, e.getExchange(), e.getHeldOn());
    } else if (planned instanceof ExchangeDocumented e) {
      return pcop.documentExchange(ctx, e.getExchange(), e.getReport().getSummary());
    } else if (planned instanceof RfiPosted e) {
      return pcop.postRfi(ctx, e.getRequest());
    } else if (planned instanceof RfiAnswered e) {
      return pcop.answerRfi(ctx, e.getRequest(), e.getResponse().getId(),
          e.getResponse().getText());
    } else if (planned instanceof RfiAccepted e) {
      return pcop.acceptAnswer(ctx, e.getRequest(), e.getResponse());
    } else if (planned instanceof RfiClosed e) {
      return pcop.closeRfi(ctx, e.getRequest(), e.getReason().orElse(null));
    }
    throw new IllegalStateException("the plan has no engine command for "
        + planned.getClass().getSimpleName());
  }

  private CommandResult refusalNamed(int step, String requestId,
      Supplier<CommandResult> command) {
    try {
      return command.get();
    } catch (CommandRefusedException e) {
      throw new SimulationException("step " + step + " of the plan (request " + requestId
          + ") was refused: " + e.getMessage(), e);
    }
  }

  private static Instant firstInstant(YearSimulation plan) {
    return plan.steps().get(0).at();
  }
}
