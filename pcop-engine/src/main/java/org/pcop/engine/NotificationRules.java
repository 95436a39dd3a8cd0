package org.pcop.engine;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pcop.model.CaseReference;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Exchange;
import org.pcop.model.event.ExchangeApproved;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiPosted;
import org.pcop.model.event.ServiceLevelWarned;
import org.pcop.rules.EngagementRecord;
import org.pcop.spi.Notification;

/**
 * Which notification a stored event gives, and to whom, from the projection as it stands right
 * after the event: approvers when an exchange is requested, the requester when it is approved or
 * declined, the asker when a request is answered, the respondent when an answer is accepted, and
 * a site's leads when one of its members becomes dormant, the members who owe an action when a
 * service level is warned about ahead of its due time (even one who ran the rules), and the best
 * suggested answerers when a request is posted under an answerer-invitation policy
 * ({@link AnswererInvitations}). Texts name case references by their opaque handle only, and
 * never hold a request's question.
 */
final class NotificationRules {
  private final Projection projection;
  private final CommunityId community;
  private final Clock clock;
  private final AnswererInvitations invitations;

  NotificationRules(Projection projection, CommunityId community, Clock clock,
      AnswererInvitations invitations) {
    this.projection = projection;
    this.community = community;
    this.clock = clock;
    this.invitations = invitations;
  }

  /** The notifications of a stored event, from the projection right after it. */
  List<Notification> derive(PcopEvent event) {
    if (event instanceof RfiPosted) {
      return invitations.of((RfiPosted) event);
    }
    return one(event).map(List::of).orElse(List.of());
  }

  private Optional<Notification> one(PcopEvent event) {
    EngagementRecord record = projection.record();
    String kind;
    Set<MemberId> recipients = new LinkedHashSet<>();
    String text;
    if (event instanceof ExchangeRequested) {
      Exchange x = ((ExchangeRequested) event).getExchange();
      kind = "exchange.approval-requested";
      recipients.addAll(record.membersWithRole(community, MembershipRole.PROGRAM_ADVISOR));
      recipients.addAll(record.membersWithRole(community, MembershipRole.SITE_LEAD)
          .stream().filter(m -> record.siteOf(m).equals(Optional.of(x.getHostSite())))
          .collect(Collectors.toList()));
      text = "Exchange " + x.getId() + " hosted by " + x.getHostAgency()
          + " awaits your approval" + handles(x.getCaseReferences());
    } else if (event instanceof ExchangeApproved) {
      ExchangeApproved a = (ExchangeApproved) event;
      kind = "exchange.approved";
      record.exchange(a.getExchange()).ifPresent(x -> recipients.add(x.getRequestedBy()));
      text = "Exchange " + a.getExchange() + " was approved by the " + a.getRole();
    } else if (event instanceof ExchangeDeclined) {
      ExchangeDeclined d = (ExchangeDeclined) event;
      kind = "exchange.declined";
      record.exchange(d.getExchange()).ifPresent(x -> recipients.add(x.getRequestedBy()));
      text = "Exchange " + d.getExchange() + " was declined by the " + d.getRole();
    } else if (event instanceof RfiAnswered) {
      RfiAnswered a = (RfiAnswered) event;
      kind = "rfi.answered";
      record.rfi(a.getRequest()).ifPresent(r -> recipients.add(r.getAskedBy()));
      text = "Your request " + a.getRequest() + " has a new answer";
    } else if (event instanceof RfiAccepted) {
      RfiAccepted a = (RfiAccepted) event;
      kind = "rfi.accepted";
      record.rfi(a.getRequest()).flatMap(r -> r.getResponses().stream()
          .filter(x -> x.getId().equals(a.getResponse())).findFirst())
          .ifPresent(x -> recipients.add(x.getRespondent()));
      text = "Your answer " + a.getResponse() + " to request " + a.getRequest()
          + " was accepted";
    } else if (event instanceof MembershipChanged
        && ((MembershipChanged) event).getStatus() == MembershipStatus.DORMANT) {
      MemberId member = ((MembershipChanged) event).getMember();
      kind = "membership.dormant";
      Optional<SiteId> site = record.siteOf(member);
      record.membersWithRole(community, MembershipRole.SITE_LEAD).stream()
          .filter(lead -> site.isPresent() && record.siteOf(lead).equals(site))
          .filter(lead -> !lead.equals(member)).forEach(recipients::add);
      text = "Member " + member + " of your site has become dormant in " + community;
    } else if (event instanceof ServiceLevelWarned) {
      ServiceLevelWarned warned = (ServiceLevelWarned) event;
      kind = "service-level.due-soon";
      recipients.addAll(warned.getOwedBy());
      text = DueSoonWarnings.text(warned, record.community(community)
          .map(org.pcop.model.Community::getTimeZone).orElse(java.time.ZoneOffset.UTC));
    } else {
      return Optional.empty();
    }
    if (!(event instanceof ServiceLevelWarned)) {
      // Whoever ran the rules still owes what a warning names; everyone else acted themselves.
      recipients.remove(event.getActor());
    }
    if (recipients.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Notification.builder().id("n-" + event.getEventId()).kind(kind)
        .recipients(recipients).text(text).addCausedBy(event.getEventId())
        .createdAt(clock.instant()).build());
  }

  private static String handles(List<CaseReference> references) {
    if (references.isEmpty()) {
      return "";
    }
    return " (cases " + references.stream().map(CaseReference::getHandle)
        .collect(Collectors.joining(", ")) + ")";
  }

}
