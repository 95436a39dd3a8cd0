package org.pcop.samples.cli.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcop.model.Membership;
import org.pcop.model.MembershipStatus;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.Evaluation;
import org.pcop.rules.ResultEvents;
import org.pcop.rules.RuleEngine;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.samples.cli.community.DemoCommunity;

/**
 * The event log of a simulated year, made by carrying its plan out over an engagement record:
 * each action becomes its event, a dormant member who takes part again is reactivated first, and
 * at each month end the default rule set is evaluated and its level changes and dormancies are
 * recorded (as {@link ResultEvents} makes them). Event ids come from the plan's seed in order, so
 * the same plan always gives the same log.
 */
public final class SimulatedLog {
  private SimulatedLog() {}

  /**
   * The whole log of a plan.
   *
   * @param plan the plan
   * @return the events in log order
   */
  public static List<PcopEvent> of(YearSimulation plan) {
    EngagementRecord record = EngagementRecord.of(plan.community().frame().getCommunities());
    List<PcopEvent> log = new ArrayList<>();
    long[] n = {0};
    for (YearSimulation.Step step : plan.steps()) {
      if (step instanceof YearSimulation.Action action) {
        PcopEvent event = action.event().apply(plan.eventId(++n[0]));
        if (event instanceof ParticipationRecorded participation) {
          Optional<Membership> membership = record.membership(
              participation.getParticipation().getMember(), DemoCommunity.COMMUNITY);
          if (membership.isPresent()
              && membership.get().getStatus() == MembershipStatus.DORMANT) {
            PcopEvent back = YearSimulation.reactivation(membership.get(), event.getOccurredAt(),
                plan.eventId(++n[0]), plan.community().coordinator());
            record.apply(back);
            log.add(back);
          }
        }
        record.apply(event);
        log.add(event);
      } else {
        Evaluation evaluation = RuleEngine.evaluate(
            DefaultRules.forCommunity(DemoCommunity.COMMUNITY), record, step.at(),
            UsFederalCalendar.instance());
        for (PcopEvent event : ResultEvents.events(evaluation, record,
            plan.community().coordinator(), step.at(), () -> plan.eventId(++n[0]))) {
          record.apply(event);
          log.add(event);
        }
      }
    }
    return log;
  }
}
