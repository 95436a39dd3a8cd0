package org.pcop.io.eventlog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pcop.model.ActivityId;
import org.pcop.model.AgencyId;
import org.pcop.model.ExchangeId;
import org.pcop.model.MemberId;
import org.pcop.model.RfiId;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.AgencyRegistered;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.CaseFactsReviewed;
import org.pcop.model.event.EngagementLevelLocked;
import org.pcop.model.event.ExchangeApproved;
import org.pcop.model.event.ExchangeCancelled;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.ExchangeDocumented;
import org.pcop.model.event.ExchangeHeld;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.ExchangeScheduled;
import org.pcop.model.event.MemberDeactivated;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.PcopEventVisitor;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.RfiPosted;
import org.pcop.model.event.ServiceLevelWarned;
import org.pcop.model.event.SiteRegistered;
import org.pcop.model.event.TaxonomyChanged;
import org.pcop.model.taxonomy.TopicId;

/**
 * The ids that exist at a point of a log, moved on event by event: each event's references are
 * looked up before the event's own creations are added. Only ids are kept, so memory grows with
 * the number of things a log creates, not with its length.
 */
final class References implements PcopEventVisitor<Void> {
  /** A reference that does not resolve: the JSON pointer in the event line and the message. */
  record Problem(String pointer, String message) {}

  private final Set<MemberId> members;
  private final Set<AgencyId> agencies;
  private final Set<SiteId> sites;
  private final Set<ActivityId> activities;
  private final Set<ExchangeId> exchanges;
  private final Set<RfiId> requests;
  private Optional<Set<TopicId>> topics;
  private final List<Problem> problems = new ArrayList<>();

  References(KnownIds known) {
    members = new HashSet<>(known.members);
    agencies = new HashSet<>(known.agencies);
    sites = new HashSet<>(known.sites);
    activities = new HashSet<>(known.activities);
    exchanges = new HashSet<>(known.exchanges);
    requests = new HashSet<>(known.requests);
    topics = known.topics.map(HashSet::new);
  }

  /**
   * Checks the references of the next event, then adds what it creates.
   *
   * @param event the event
   * @return the references that do not resolve; empty if all do
   */
  List<Problem> apply(PcopEvent event) {
    problems.clear();
    event.accept(this);
    return List.copyOf(problems);
  }

  private <T> void need(Set<T> known, T id, String kind, String pointer) {
    if (!known.contains(id)) {
      problems.add(new Problem(pointer, kind + " " + id + " does not exist at this point of the"
          + " log; expected one " + (kind.equals("topic") ? "of the community's taxonomy"
          : "registered by an earlier event")));
    }
  }

  private void needMember(MemberId id, String pointer) {
    need(members, id, "member", pointer);
  }

  private void needTopics(Collection<TopicId> ids, String pointer) {
    if (topics.isPresent()) {
      for (TopicId id : ids) {
        need(topics.get(), id, "topic", pointer);
      }
    }
  }

  @Override
  public Void visit(MemberEnrolled event) {
    need(agencies, event.getMember().getAgency(), "agency", "/member/agency");
    needTopics(event.getMember().getExpertise(), "/member/expertise");
    members.add(event.getMember().getId());
    return null;
  }

  @Override
  public Void visit(MemberDeactivated event) {
    needMember(event.getMember(), "/member");
    return null;
  }

  @Override
  public Void visit(AgencyRegistered event) {
    event.getAgency().getSite().ifPresent(site -> need(sites, site, "site", "/agency/site"));
    agencies.add(event.getAgency().getId());
    return null;
  }

  @Override
  public Void visit(SiteRegistered event) {
    sites.add(event.getSite().getId());
    return null;
  }

  @Override
  public Void visit(MembershipChanged event) {
    needMember(event.getMember(), "/member");
    event.getSponsor().ifPresent(sponsor -> needMember(sponsor, "/sponsor"));
    return null;
  }

  @Override
  public Void visit(ActivityRecorded event) {
    Activity activity = event.getActivity();
    activity.getHostSite().ifPresent(site -> need(sites, site, "site", "/activity/hostSite"));
    activity.getExchange().ifPresent(x -> need(exchanges, x, "exchange", "/activity/exchange"));
    needTopics(activity.getTopics(), "/activity/topics");
    activities.add(activity.getId());
    return null;
  }

  @Override
  public Void visit(ParticipationRecorded event) {
    need(activities, event.getParticipation().getActivity(), "activity",
        "/participation/activity");
    needMember(event.getParticipation().getMember(), "/participation/member");
    return null;
  }

  @Override
  public Void visit(ExchangeRequested event) {
    Exchange exchange = event.getExchange();
    need(agencies, exchange.getHostAgency(), "agency", "/exchange/hostAgency");
    need(sites, exchange.getHostSite(), "site", "/exchange/hostSite");
    for (AgencyId visiting : exchange.getVisitingAgencies()) {
      need(agencies, visiting, "agency", "/exchange/visitingAgencies");
    }
    needMember(exchange.getRequestedBy(), "/exchange/requestedBy");
    exchanges.add(exchange.getId());
    return null;
  }

  private Void exchange(ExchangeId id) {
    need(exchanges, id, "exchange", "/exchange");
    return null;
  }

  @Override
  public Void visit(ExchangeApproved event) {
    return exchange(event.getExchange());
  }

  @Override
  public Void visit(ExchangeDeclined event) {
    return exchange(event.getExchange());
  }

  @Override
  public Void visit(ExchangeScheduled event) {
    return exchange(event.getExchange());
  }

  @Override
  public Void visit(ExchangeHeld event) {
    return exchange(event.getExchange());
  }

  @Override
  public Void visit(ExchangeDocumented event) {
    return exchange(event.getExchange());
  }

  @Override
  public Void visit(ExchangeCancelled event) {
    return exchange(event.getExchange());
  }

  @Override
  public Void visit(RfiPosted event) {
    RequestForInformation request = event.getRequest();
    needMember(request.getAskedBy(), "/request/askedBy");
    needTopics(List.of(request.getTopic()), "/request/topic");
    requests.add(request.getId());
    return null;
  }

  @Override
  public Void visit(RfiAnswered event) {
    need(requests, event.getRequest(), "request", "/request");
    needMember(event.getResponse().getRespondent(), "/response/respondent");
    return null;
  }

  @Override
  public Void visit(RfiAccepted event) {
    need(requests, event.getRequest(), "request", "/request");
    return null;
  }

  @Override
  public Void visit(RfiClosed event) {
    need(requests, event.getRequest(), "request", "/request");
    return null;
  }

  @Override
  public Void visit(TaxonomyChanged event) {
    Set<TopicId> now = new HashSet<>();
    event.getTaxonomy().getTopics().forEach(t -> now.add(t.getId()));
    topics = Optional.of(now);
    return null;
  }

  @Override
  public Void visit(ConductFlagRecorded event) {
    needMember(event.getMember(), "/member");
    return null;
  }

  @Override
  public Void visit(EngagementLevelChanged event) {
    needMember(event.getMember(), "/member");
    return null;
  }

  @Override
  public Void visit(EngagementLevelLocked event) {
    needMember(event.getMember(), "/member");
    return null;
  }

  @Override
  public Void visit(CaseFactsReviewed event) {
    // Names an event, not a member, agency, site, activity, exchange, request or topic.
    return null;
  }

  @Override
  public Void visit(ServiceLevelWarned event) {
    event.getRequest().ifPresent(r -> need(requests, r, "request", "/request"));
    event.getExchange().ifPresent(x -> need(exchanges, x, "exchange", "/exchange"));
    for (int i = 0; i < event.getOwedBy().size(); i++) {
      needMember(event.getOwedBy().get(i), "/owedBy/" + i);
    }
    return null;
  }
}
