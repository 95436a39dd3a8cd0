package org.pcop.io.internal;

import static org.pcop.io.internal.QuickJson.NOT_SURE;
import static org.pcop.io.internal.QuickValues.object;
import static org.pcop.io.internal.QuickValues.objects;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcop.model.activity.Approval;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeMode;
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
import org.pcop.model.event.PcopEvent;

/**
 * Reads the steps of an exchange between agencies: requested, approved, declined, cancelled,
 * scheduled, held and documented. Part of the quick reader ({@link QuickEvents}); gives up ({@link
 * QuickJson#NOT_SURE}) on anything it is not sure of. Not thread-safe; one per reader.
 */
final class QuickExchanges {
  private static final QuickLookup<ApproverRole> APPROVER_ROLES =
      QuickLookup.byName(ApproverRole.class);
  private static final QuickLookup<ExchangeMode> EXCHANGE_MODES =
      QuickLookup.byName(ExchangeMode.class);
  private static final QuickLookup<ExchangeState> EXCHANGE_STATES =
      QuickLookup.byName(ExchangeState.class);

  private final QuickValues v;

  QuickExchanges(QuickValues values) {
    this.v = values;
  }

  /**
   * The event of a line of one of these kinds.
   *
   * @param kind the event's type, one of those this class reads
   * @param o the line's object
   * @return the event, or null to leave the line to the careful reading
   */
  PcopEvent event(String kind, QuickObject o) {
    switch (kind) {
      case "exchange-approved":
        o.only(QuickNames.EXCHANGE_APPROVED_BITS);
        return ExchangeApproved.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).exchange(v.id(o, "exchange", v.exchangeIds))
            .role(v.value(o, "role", APPROVER_ROLES)).build();
      case "exchange-declined":
        o.only(QuickNames.EXCHANGE_DECLINED_BITS);
        return ExchangeDeclined.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).exchange(v.id(o, "exchange", v.exchangeIds))
            .role(v.value(o, "role", APPROVER_ROLES)).reason(v.string(o, "reason")).build();
      case "exchange-cancelled":
        o.only(QuickNames.EXCHANGE_CANCELLED_BITS);
        return ExchangeCancelled.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).exchange(v.id(o, "exchange", v.exchangeIds))
            .reason(v.string(o, "reason")).build();
      case "exchange-requested":
        o.only(QuickNames.EXCHANGE_REQUESTED_BITS);
        return ExchangeRequested.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).exchange(exchange(object(o, "exchange"))).build();
      case "exchange-scheduled":
        o.only(QuickNames.EXCHANGE_SCHEDULED_BITS);
        return ExchangeScheduled.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).exchange(v.id(o, "exchange", v.exchangeIds))
            .schedule(schedule(object(o, "schedule"))).build();
      case "exchange-held":
        o.only(QuickNames.EXCHANGE_HELD_BITS);
        return ExchangeHeld.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).exchange(v.id(o, "exchange", v.exchangeIds))
            .heldOn(v.date(o, "heldOn")).build();
      case "exchange-documented":
        o.only(QuickNames.EXCHANGE_DOCUMENTED_BITS);
        return ExchangeDocumented.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).exchange(v.id(o, "exchange", v.exchangeIds))
            .report(report(object(o, "report"))).build();
      default:
        return null;
    }
  }

  private Exchange exchange(QuickObject x) {
    x.only(QuickNames.EXCHANGE_BITS);
    int cases = x.indexOf("caseReferences");
    if (cases >= 0 && !(x.values[cases] instanceof QuickArray none && none.size == 0)) {
      throw NOT_SURE; // case references, rare: the careful reading reads their labels
    }
    List<Approval> approvals = new ArrayList<>();
    for (QuickObject approval : objects(x, "approvals")) {
      approval.only(QuickNames.APPROVAL_BITS);
      approvals.add(Approval.of(v.value(approval, "role", APPROVER_ROLES),
          v.id(approval, "by", v.memberIds), v.instant(approval, "at")));
    }
    int schedule = x.indexOf("schedule");
    int report = x.indexOf("report");
    int state = x.indexOf("state");
    return Exchange.builder().id(v.id(x, "id", v.exchangeIds))
        .community(v.id(x, "community", v.communityIds))
        .hostAgency(v.id(x, "hostAgency", v.agencyIds)).hostSite(v.id(x, "hostSite", v.siteIds))
        .visitingAgencies(v.set(x, "visitingAgencies", v.agencyIds)).purpose(v.string(x, "purpose"))
        .coreAreas(v.set(x, "coreAreas", v.coreAreaIds)).mode(v.value(x, "mode", EXCHANGE_MODES))
        .requestedBy(v.id(x, "requestedBy", v.memberIds)).requestedAt(v.instant(x, "requestedAt"))
        .travelFunding(v.optionalAmount(x, "travelFunding")).caseReferences(List.of())
        .state(state < 0 ? ExchangeState.REQUESTED : v.value(x, "state", EXCHANGE_STATES))
        .approvals(approvals)
        .schedule(schedule < 0 ? Optional.empty()
            : Optional.of(schedule(object(x, "schedule"))))
        .heldOn(v.optionalDate(x, "heldOn"))
        .report(report < 0 ? Optional.empty() : Optional.of(report(object(x, "report"))))
        .closingReason(v.optionalString(x, "closingReason")).build();
  }
  private Schedule schedule(QuickObject s) {
    s.only(QuickNames.SCHEDULE_BITS);
    return Schedule.of(v.date(s, "firstDay"), v.date(s, "lastDay"));
  }
  private FollowUpReport report(QuickObject r) {
    r.only(QuickNames.REPORT_BITS);
    return FollowUpReport.builder().submittedBy(v.id(r, "submittedBy", v.memberIds))
        .submittedAt(v.instant(r, "submittedAt")).summary(v.string(r, "summary")).build();
  }
}
