package org.pcop.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipStatus;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.EventId;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.PcopEvent;

/**
 * Turns the findings of an evaluation into the events the engine records and the notifications
 * it sends: a {@link LevelChange} into {@code EngagementLevelChanged}, a {@link DormancyNotice}
 * into {@code MembershipChanged} to {@code DORMANT} plus one {@link SiteLeadNotification} per site
 * lead. The events are in the evaluation's order.
 */
public final class ResultEvents {
  private ResultEvents() {}

  /**
   * The events the evaluation's level changes and dormancy notices call for.
   *
   * @param evaluation the evaluation
   * @param record the record evaluated, for the role of each dormant membership
   * @param actor who the events are recorded as (for example the program's system member)
   * @param at when they occur
   * @param ids gives each event its id
   * @return the events
   * @throws InvalidValueException if an argument is null
   */
  public static List<PcopEvent> events(Evaluation evaluation, EngagementRecord record,
      MemberId actor, Instant at, Supplier<EventId> ids) {
    InvalidValueException.check(actor != null && at != null && ids != null, "ResultEvents",
        "events", "actor, at and ids are needed");
    List<PcopEvent> events = new ArrayList<>();
    for (RuleResult result : evaluation.getResults()) {
      for (LevelChange change : result.findings(LevelChange.class)) {
        events.add(EngagementLevelChanged.builder().eventId(ids.get()).actor(actor)
            .occurredAt(at).member(change.getMember()).community(change.getCommunity())
            .from(change.getFrom()).to(change.getTo()).reason(change.getReason()).build());
      }
      for (DormancyNotice notice : result.findings(DormancyNotice.class)) {
        Optional<Membership> membership =
            record.membership(notice.getMember(), notice.getCommunity());
        if (membership.isEmpty() || membership.get().getStatus() != MembershipStatus.ACTIVE) {
          continue;
        }
        events.add(MembershipChanged.builder().eventId(ids.get()).actor(actor).occurredAt(at)
            .member(notice.getMember()).community(notice.getCommunity())
            .role(membership.get().getRole()).sponsor(membership.get().getSponsor())
            .status(MembershipStatus.DORMANT)
            .reason("no participation since "
                + notice.getLastParticipation().map(Object::toString).orElse("activation"))
            .build());
      }
    }
    return events;
  }

  /**
   * The notifications for site leads that the evaluation's dormancy notices call for.
   *
   * @param evaluation the evaluation
   * @return one notification per site lead per dormant member, in the evaluation's order
   */
  public static List<SiteLeadNotification> notifications(Evaluation evaluation) {
    List<SiteLeadNotification> notifications = new ArrayList<>();
    for (DormancyNotice notice : evaluation.findings(DormancyNotice.class)) {
      for (MemberId lead : notice.getSiteLeads()) {
        notifications.add(SiteLeadNotification.builder().recipient(lead)
            .member(notice.getMember()).community(notice.getCommunity())
            .site(notice.getSite())
            .text("The membership of " + notice.getMember() + " in " + notice.getCommunity()
                + " is now dormant: no participation since "
                + notice.getLastParticipation().map(Object::toString).orElse("activation")
                + ".")
            .build());
      }
    }
    return notifications;
  }
}
