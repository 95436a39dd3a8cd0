package org.pcop.rules.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.Member;
import org.pcop.model.AgencyId;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.RfiId;
import org.pcop.model.SiteId;
import org.pcop.model.StatusChange;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.Approval;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.AgencyRegistered;
import org.pcop.model.event.CaseFactsReviewed;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EngagementLevelChanged;
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
import org.pcop.model.activity.RfiResponse;
import org.pcop.rules.RecordedLevel;
import org.pcop.rules.definition.ContributionKind;

/**
 * Applies events to one {@link RecordTables}, one at a time, and keeps what the last one touched
 * (members, exchanges, requests, communities) until the next. An event that does not fit is
 * refused with an {@link InvalidValueException} before anything changes. One applier per state:
 * the state has one writer at a time.
 */
public final class RecordApplier implements PcopEventVisitor<Void> {
  private final RecordTables state;
  private final Touched<MemberId> touchedMembers = new Touched<>();
  private final Touched<ExchangeId> touchedExchanges = new Touched<>();
  private final Touched<RfiId> touchedRfis = new Touched<>();
  private final Touched<CommunityId> roster = new Touched<>();
  private final Touched<CommunityId> participation = new Touched<>();
  private final Touched<CommunityId> everything = new Touched<>();

  /** The slot of the member the event was about, when the visit looked it up. */
  private MemberSlot slot;

  /**
   * An applier writing to {@code state}.
   *
   * @param state the state
   */
  public RecordApplier(RecordTables state) {
    this.state = state;
  }

  /**
   * Applies the next event and moves the versions of the members it touched to it.
   *
   * @param event the event, not null
   * @throws InvalidValueException if the event does not fit; the state is unchanged
   */
  public void apply(PcopEvent event) {
    slot = null;
    touchedMembers.clear();
    touchedExchanges.clear();
    touchedRfis.clear();
    roster.clear();
    participation.clear();
    everything.clear();
    event.accept(this);
    state.events++;
    MemberSlot last = slot;
    if (touchedMembers.many() != null) {
      for (MemberId member : touchedMembers.many()) {
        touch(member, last);
      }
    } else if (touchedMembers.one() != null) {
      touch(touchedMembers.one(), last);
    }
  }

  /** Moves a touched member's version to this event. */
  private void touch(MemberId member, MemberSlot last) {
    // The member the event was about was found already, under the id first seen.
    MemberSlot touched = last != null && last.id == member ? last : state.members.slot(member);
    touched.version = Math.max(touched.version, state.events);
  }

  /**
   * The members the last event touched.
   *
   * @return the members
   */
  public Touched<MemberId> members() {
    return touchedMembers;
  }

  /**
   * The exchanges the last event touched.
   *
   * @return the exchanges
   */
  public Touched<ExchangeId> exchanges() {
    return touchedExchanges;
  }

  /**
   * The requests the last event touched.
   *
   * @return the requests
   */
  public Touched<RfiId> rfis() {
    return touchedRfis;
  }

  /**
   * The communities whose roster (memberships, exchanges, requests) the last event changed.
   *
   * @return the communities
   */
  public Touched<CommunityId> rosterCommunities() {
    return roster;
  }

  /**
   * The communities whose participations or activities the last event changed.
   *
   * @return the communities
   */
  public Touched<CommunityId> participationCommunities() {
    return participation;
  }

  /**
   * The communities where the last event may change any subject's result.
   *
   * @return the communities
   */
  public Touched<CommunityId> everything() {
    return everything;
  }

  private static InvalidValueException unknown(String event, String field, Object id,
      String what) {
    return new InvalidValueException(event + "." + field + ": unknown " + what + " " + id
        + "; it must be recorded before events that refer to it");
  }

  private boolean leadsOrAdvises(MemberSlot member) {
    if (approves(member.membership)) {
      return true;
    }
    if (member.otherMemberships != null) {
      for (Membership m : member.otherMemberships.values()) {
        if (approves(m)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean approves(Membership m) {
    return m != null && approves(m.getRole());
  }

  /** Site leads and program advisors approve exchanges. */
  private static boolean approves(MembershipRole role) {
    return role == MembershipRole.SITE_LEAD || role == MembershipRole.PROGRAM_ADVISOR;
  }

  @Override
  public Void visit(MemberEnrolled e) {
    slot = state.members.slot(e.getMember().getId());
    MemberId id = slot.id;
    Member before = slot.member;
    slot.member = e.getMember();
    slot.site = null;
    state.experts.enrolled(before, e.getMember());
    state.agencyChanged(before, e.getMember());
    touchedMembers.add(id);
    touchedMembers.addAll(state.sponsored.getOrDefault(id, Set.of()));
    roster.addAll(state.communities.keySet());
    if (leadsOrAdvises(slot)
        && (before == null || !before.getAgency().equals(e.getMember().getAgency()))) {
      everything.addAll(state.communities.keySet());
    }
    return null;
  }

  @Override
  public Void visit(MemberDeactivated e) {
    state.deactivated.add(e.getMember());
    touchedMembers.add(e.getMember());
    roster.addAll(state.communities.keySet());
    return null;
  }

  @Override
  public Void visit(AgencyRegistered e) {
    state.agencies.put(e.getAgency().getId(), e.getAgency());
    state.agencyVersion++;
    everything.addAll(state.communities.keySet());
    roster.addAll(state.communities.keySet());
    return null;
  }

  @Override
  public Void visit(SiteRegistered e) {
    state.sites.put(e.getSite().getId(), e.getSite());
    everything.addAll(state.communities.keySet());
    roster.addAll(state.communities.keySet());
    return null;
  }

  @Override
  public Void visit(MembershipChanged e) {
    state.requireCommunity("MembershipChanged", e.getCommunity());
    slot = state.members.slot(e.getMember());
    TreeMap<MemberId, Membership> byMember =
        state.memberships.computeIfAbsent(e.getCommunity(), c -> new TreeMap<>());
    Membership before = slot.membership(e.getCommunity());
    StatusChange status = StatusChange.builder().status(e.getStatus())
        .at(e.getOccurredAt()).reason(e.getReason()).until(e.getUntil()).build();
    Membership after;
    if (before == null) {
      after = Membership.builder().member(e.getMember()).community(e.getCommunity())
          .role(e.getRole()).sponsor(e.getSponsor()).addHistory(status).build();
    } else {
      List<StatusChange> history = new ArrayList<>(before.getHistory());
      if (before.getStatus() != e.getStatus() || !history.get(history.size() - 1).getUntil()
          .equals(e.getUntil())) {
        history.add(status);
      }
      after = Membership.builder().from(before).role(e.getRole()).sponsor(e.getSponsor())
          .history(history).build();
    }
    byMember.put(e.getMember(), after);
    slot.setMembership(e.getCommunity(), after);
    Map<MembershipRole, Set<MemberId>> roles =
        state.byRole.computeIfAbsent(e.getCommunity(), c -> new java.util.HashMap<>());
    if (before != null) {
      roles.getOrDefault(before.getRole(), new HashSet<>()).remove(e.getMember());
    }
    roles.computeIfAbsent(after.getRole(), r -> new TreeSet<>()).add(e.getMember());
    if (before != null) {
      before.getSponsor().ifPresent(s -> state.sponsored.getOrDefault(s, new HashSet<>())
          .remove(e.getMember()));
    }
    after.getSponsor().ifPresent(s -> state.sponsored.computeIfAbsent(s, k -> new TreeSet<>())
        .add(e.getMember()));
    touchedMembers.add(slot.id);
    touchedMembers.addAll(state.sponsored.getOrDefault(e.getMember(), Set.of()));
    roster.add(e.getCommunity());
    if (approves(e.getRole()) || (before != null && approves(before.getRole()))
        || after.getStatus() == MembershipStatus.SUSPENDED
        || (before != null && before.getStatus() == MembershipStatus.SUSPENDED)) {
      // Approvals, and exchanges a suspended member requested, are judged again.
      everything.add(e.getCommunity());
    }
    return null;
  }

  @Override
  public Void visit(ActivityRecorded e) {
    Activity activity = e.getActivity();
    state.requireCommunity("ActivityRecorded", activity.getCommunity());
    InvalidValueException.check(state.activities.indexOf(activity.getId()) < 0,
        "ActivityRecorded", "activity.id", "activity %s is already recorded", activity.getId());
    state.activities.add(activity);
    everything.add(activity.getCommunity());
    participation.add(activity.getCommunity());
    return null;
  }

  @Override
  public Void visit(ParticipationRecorded e) {
    Participation p = e.getParticipation();
    int index = state.activities.indexOf(p.getActivity());
    if (index < 0) {
      throw unknown("ParticipationRecorded", "participation.activity", p.getActivity(),
          "activity");
    }
    Activity activity = state.activities.at(index);
    CommunityId community = activity.getCommunity();
    long epochDay = state.epochDay(community, p.getAt());
    InvalidValueException.check(epochDay >= Integer.MIN_VALUE && epochDay <= Integer.MAX_VALUE,
        "ParticipationRecorded", "participation.at", "%s is too far from today", p.getAt());
    slot = state.members.slot(p.getMember());
    MemberId member = slot.id;
    slot.logToAdd(community).add((int) epochDay, index, p.getKind());
    Optional<SiteId> site = state.siteOf(slot);
    if (site.isPresent() && !activity.getCoreAreas().isEmpty()) {
      state.matrices.computeIfAbsent(community, c -> new SiteAreaCounts())
          .add((int) epochDay, site.get(), activity.getCoreAreas());
    }
    touchedMembers.add(member);
    participation.add(community);
    return null;
  }

  private Exchange requireExchange(String name, ExchangeId id) {
    Exchange exchange = state.exchanges.get(id);
    if (exchange == null) {
      throw unknown(name, "exchange", id, "exchange");
    }
    return exchange;
  }

  private static void checkMove(String name, Exchange exchange, ExchangeState next) {
    InvalidValueException.check(exchange.getState().canMoveTo(next), name, "exchange",
        "exchange %s is %s and cannot become %s", exchange.getId(), exchange.getState(), next);
  }

  private Void exchangeChanged(Exchange after) {
    state.exchanges.put(after.getId(), after);
    touchedExchanges.add(after.getId());
    touchedExchanges.addAll(state.exchangesByHost.getOrDefault(after.getCommunity(), Map.of())
        .getOrDefault(after.getHostSite(), List.of()));
    roster.add(after.getCommunity());
    return null;
  }

  @Override
  public Void visit(ExchangeRequested e) {
    Exchange exchange = e.getExchange();
    state.requireCommunity("ExchangeRequested", exchange.getCommunity());
    InvalidValueException.check(!state.exchanges.containsKey(exchange.getId()),
        "ExchangeRequested", "exchange.id", "exchange %s is already requested",
        exchange.getId());
    state.exchangesByHost.computeIfAbsent(exchange.getCommunity(), c -> new java.util.HashMap<>())
        .computeIfAbsent(exchange.getHostSite(), s -> new ArrayList<>()).add(exchange.getId());
    if (state.activities.carriesOut(exchange.getId())) {
      // Agencies reached through an activity that carried this exchange out change.
      everything.add(exchange.getCommunity());
      state.activities.linksChanged();
    }
    return exchangeChanged(exchange);
  }

  @Override
  public Void visit(ExchangeApproved e) {
    Exchange before = requireExchange("ExchangeApproved", e.getExchange());
    InvalidValueException.check(before.getState() == ExchangeState.REQUESTED,
        "ExchangeApproved", "exchange", "exchange %s is %s; only a requested exchange is"
            + " approved", before.getId(), before.getState());
    Exchange with = Exchange.builder().from(before)
        .addApproval(Approval.of(e.getRole(), e.getActor(), e.getOccurredAt())).build();
    if (with.isFullyApproved()) {
      with = Exchange.builder().from(with).state(ExchangeState.APPROVED).build();
    }
    return exchangeChanged(with);
  }

  @Override
  public Void visit(ExchangeDeclined e) {
    Exchange before = requireExchange("ExchangeDeclined", e.getExchange());
    checkMove("ExchangeDeclined", before, ExchangeState.DECLINED);
    return exchangeChanged(Exchange.builder().from(before).state(ExchangeState.DECLINED)
        .closingReason(e.getReason()).build());
  }

  @Override
  public Void visit(ExchangeScheduled e) {
    Exchange before = requireExchange("ExchangeScheduled", e.getExchange());
    checkMove("ExchangeScheduled", before, ExchangeState.SCHEDULED);
    return exchangeChanged(Exchange.builder().from(before).state(ExchangeState.SCHEDULED)
        .schedule(e.getSchedule()).build());
  }

  @Override
  public Void visit(ExchangeHeld e) {
    Exchange before = requireExchange("ExchangeHeld", e.getExchange());
    checkMove("ExchangeHeld", before, ExchangeState.HELD);
    exchangeHeld(before, e.getHeldOn());
    return exchangeChanged(Exchange.builder().from(before).state(ExchangeState.HELD)
        .heldOn(e.getHeldOn()).build());
  }

  /**
   * Logs an exchange held as a contribution of every member with an active membership of its
   * community (a suspension ended by the day held counts as active) whose agency hosted it (an exchange hosted) or visited it (an exchange visited),
   * on the day it was held, and touches them. Read from this event only: nothing is copied into
   * participations.
   */
  private void exchangeHeld(Exchange exchange, java.time.LocalDate heldOn) {
    long day = heldOn.toEpochDay();
    InvalidValueException.check(day >= Integer.MIN_VALUE && day <= Integer.MAX_VALUE,
        "ExchangeHeld", "heldOn", "%s is too far from today", heldOn);
    int number = state.exchangeNumbers.number(exchange.getId());
    state.opportunities.computeIfAbsent(exchange.getCommunity(), c -> new ContributionLog())
        .add((int) day, ContributionKind.EXCHANGE_HOSTED, -1, number);
    Map<MemberId, org.pcop.model.Membership> members =
        state.memberships.get(exchange.getCommunity());
    if (members == null) {
      return;
    }
    credit(members, exchange.getHostAgency(), ContributionKind.EXCHANGE_HOSTED, exchange, day,
        number, heldOn);
    for (AgencyId visiting : exchange.getVisitingAgencies()) {
      if (!visiting.equals(exchange.getHostAgency())) {
        credit(members, visiting, ContributionKind.EXCHANGE_VISITED, exchange, day, number,
            heldOn);
      }
    }
  }

  /**
   * Logs the contribution for each member of the agency, looked up in the agency's staff rather
   * than the whole roster, with an active membership of the exchange's community on the day.
   */
  private void credit(Map<MemberId, org.pcop.model.Membership> members, AgencyId agency,
      ContributionKind kind, Exchange exchange, long day, int number,
      java.time.LocalDate heldOn) {
    Set<MemberId> staff = state.membersByAgency.get(agency);
    if (staff == null) {
      return;
    }
    for (MemberId id : staff) {
      org.pcop.model.Membership membership = members.get(id);
      if (membership == null) {
        continue;
      }
      MembershipStatus status = membership.getStatus();
      if (status != MembershipStatus.ACTIVE && (status != MembershipStatus.SUSPENDED
          || membership.isSuspendedOn(heldOn))) {
        continue;
      }
      MemberSlot member = state.members.find(id);
      if (member == null || member.member == null) {
        continue;
      }
      member.contributionsToAdd(exchange.getCommunity()).add((int) day, kind, -1, number);
      touchedMembers.add(id);
    }
  }

  @Override
  public Void visit(ExchangeDocumented e) {
    Exchange before = requireExchange("ExchangeDocumented", e.getExchange());
    checkMove("ExchangeDocumented", before, ExchangeState.DOCUMENTED);
    return exchangeChanged(Exchange.builder().from(before).state(ExchangeState.DOCUMENTED)
        .report(e.getReport()).build());
  }

  @Override
  public Void visit(ExchangeCancelled e) {
    Exchange before = requireExchange("ExchangeCancelled", e.getExchange());
    checkMove("ExchangeCancelled", before, ExchangeState.CANCELLED);
    return exchangeChanged(Exchange.builder().from(before).state(ExchangeState.CANCELLED)
        .closingReason(e.getReason()).build());
  }

  private RequestForInformation requireRfi(String name, RfiId id) {
    RequestForInformation rfi = state.rfis.get(id);
    if (rfi == null) {
      throw unknown(name, "request", id, "request for information");
    }
    return rfi;
  }

  private Void rfiChanged(RequestForInformation after) {
    state.rfiChanged(state.rfis.put(after.getId(), after), after);
    touchedRfis.add(after.getId());
    roster.add(after.getCommunity());
    return null;
  }

  @Override
  public Void visit(RfiPosted e) {
    RequestForInformation rfi = e.getRequest();
    state.requireCommunity("RfiPosted", rfi.getCommunity());
    InvalidValueException.check(!state.rfis.containsKey(rfi.getId()), "RfiPosted", "request.id",
        "request %s is already posted", rfi.getId());
    contribute(rfi, rfi.getAskedBy(), rfi.getPostedAt(), ContributionKind.REQUEST_POSTED, null);
    state.opportunities.computeIfAbsent(rfi.getCommunity(), c -> new ContributionLog())
        .add((int) state.epochDay(rfi.getCommunity(), rfi.getPostedAt()),
            ContributionKind.REQUEST_POSTED, -1, state.topics.number(rfi.getTopic()));
    return rfiChanged(rfi);
  }

  /**
   * Logs a contribution of {@code member} about a request, on the community's day of {@code at},
   * and touches the member.
   */
  private void contribute(RequestForInformation rfi, MemberId member, java.time.Instant at,
      ContributionKind kind, MemberId counterparty) {
    long day = state.epochDay(rfi.getCommunity(), at);
    InvalidValueException.check(day >= Integer.MIN_VALUE && day <= Integer.MAX_VALUE,
        "RfiPosted", "at", "%s is too far from today", at);
    int other = counterparty == null ? -1 : state.counterparties.number(counterparty);
    state.members.slot(member).contributionsToAdd(rfi.getCommunity())
        .add((int) day, kind, other, state.topics.number(rfi.getTopic()));
    touchedMembers.add(member);
  }

  @Override
  public Void visit(RfiAnswered e) {
    RequestForInformation before = requireRfi("RfiAnswered", e.getRequest());
    RequestForInformation after = RequestForInformation.builder().from(before)
        .addResponse(e.getResponse()).build();
    MemberId respondent = e.getResponse().getRespondent();
    boolean first = true;
    for (RfiResponse earlier : before.getResponses()) {
      first &= !earlier.getRespondent().equals(respondent);
    }
    contribute(before, respondent, e.getResponse().getAt(), ContributionKind.ANSWER_GIVEN,
        before.getAskedBy());
    if (first) {
      contribute(before, respondent, e.getResponse().getAt(),
          ContributionKind.REQUEST_ANSWERED, before.getAskedBy());
    }
    return rfiChanged(after);
  }

  @Override
  public Void visit(RfiAccepted e) {
    RequestForInformation before = requireRfi("RfiAccepted", e.getRequest());
    RequestForInformation after = RequestForInformation.builder().from(before)
        .acceptedResponse(e.getResponse()).build();
    if (!before.getAcceptedResponse().equals(after.getAcceptedResponse())) {
      if (before.getAcceptedResponse().isEmpty()) {
        // Resolved now; a later change of the accepted answer keeps the first resolution.
        after = RequestForInformation.builder().from(after).closedAt(e.getOccurredAt()).build();
      }
      for (RfiResponse response : before.getResponses()) {
        if (response.getId().equals(e.getResponse())) {
          contribute(before, response.getRespondent(), e.getOccurredAt(),
              ContributionKind.ACCEPTED_ANSWER_RECEIVED, before.getAskedBy());
          contribute(before, before.getAskedBy(), e.getOccurredAt(),
              ContributionKind.ACCEPTED_ANSWER_GIVEN, response.getRespondent());
        }
      }
    }
    return rfiChanged(after);
  }

  @Override
  public Void visit(RfiClosed e) {
    RequestForInformation before = requireRfi("RfiClosed", e.getRequest());
    if (before.getAcceptedResponse().isPresent()) {
      return rfiChanged(before);
    }
    if (before.isExpired()) {
      return rfiChanged(before);
    }
    return rfiChanged(RequestForInformation.builder().from(before).expired(true)
        .closedAt(e.getOccurredAt()).build());
  }

  @Override
  public Void visit(TaxonomyChanged e) {
    state.requireCommunity("TaxonomyChanged", e.getCommunity());
    state.taxonomies.put(e.getCommunity(), e.getTaxonomy());
    roster.add(e.getCommunity());
    everything.add(e.getCommunity());
    return null;
  }

  @Override
  public Void visit(ConductFlagRecorded e) {
    if (e.getStatus() == ConductFlagStatus.UPHELD) {
      state.upheldFlags.put(e.getMember(), true);
      state.members.slot(e.getMember()).uphold(e.getOccurredAt().getEpochSecond());
    } else if (e.getStatus() == ConductFlagStatus.DISMISSED) {
      state.upheldFlags.put(e.getMember(), false);
      state.members.slot(e.getMember()).dismissLatest();
    }
    touchedMembers.add(e.getMember());
    return null;
  }

  @Override
  public Void visit(EngagementLevelChanged e) {
    state.requireCommunity("EngagementLevelChanged", e.getCommunity());
    Map<MemberId, RecordedLevel> byMember =
        state.levels.computeIfAbsent(e.getCommunity(), c -> new java.util.HashMap<>());
    RecordedLevel before = byMember.getOrDefault(e.getMember(), RecordedLevel.NONE);
    byMember.put(e.getMember(),
        new RecordedLevel(e.getTo(), Optional.of(e.getOccurredAt()), before.lock()));
    touchedMembers.add(e.getMember());
    return null;
  }

  @Override
  public Void visit(EngagementLevelLocked e) {
    state.requireCommunity("EngagementLevelLocked", e.getCommunity());
    Map<MemberId, RecordedLevel> byMember =
        state.levels.computeIfAbsent(e.getCommunity(), c -> new java.util.HashMap<>());
    RecordedLevel before = byMember.getOrDefault(e.getMember(), RecordedLevel.NONE);
    byMember.put(e.getMember(), new RecordedLevel(before.level(), before.since(),
        e.getLevel()));
    touchedMembers.add(e.getMember());
    return null;
  }

  @Override
  public Void visit(CaseFactsReviewed e) {
    // A review of free text changes nothing rules read.
    state.requireCommunity("CaseFactsReviewed", e.getCommunity());
    return null;
  }

  @Override
  public Void visit(ServiceLevelWarned e) {
    // A warning told someone of a due time; the due time itself comes from the rules.
    state.requireCommunity("ServiceLevelWarned", e.getCommunity());
    return null;
  }
}
