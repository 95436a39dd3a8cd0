package org.pcop.benchmarks.drools;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.model.AgencyId;
import org.pcop.model.ExchangeId;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.SiteId;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeMode;
import org.pcop.model.activity.FollowUpReport;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.activity.Schedule;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ExchangeApproved;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.ExchangeDocumented;
import org.pcop.model.event.ExchangeHeld;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.ExchangeScheduled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.RfiPosted;
import org.pcop.model.taxonomy.PspTaxonomy;

/**
 * Events the generated community lacks, appended to it so that every service level is met,
 * missed and still outstanding somewhere, and conduct flags and dormancy play a part.
 */
final class ServiceLevelHistory {
  private static final MemberId ADVISOR = MemberId.of("m-0");
  private static final MemberId HOST_LEAD = MemberId.of("m-1");

  private final Instant end;
  private final List<PcopEvent> events = new ArrayList<>();
  private int sequence;

  private ServiceLevelHistory(Instant end) {
    this.end = end;
  }

  /**
   * The extra events for a history that ends at {@code end}.
   *
   * @param end the end of the generated history (the evaluation instant)
   * @return the events, in order
   */
  static List<PcopEvent> before(Instant end) {
    ServiceLevelHistory history = new ServiceLevelHistory(end);
    history.requests();
    history.exchanges();
    history.members();
    return history.events;
  }

  private Instant daysBefore(int days) {
    return end.minus(Duration.ofDays(days)).minusSeconds(3600);
  }

  private EventId id() {
    return EventId.of("sl-" + (++sequence));
  }

  private void requests() {
    post("r-unanswered", 30);
    post("r-in-time", 30);
    answer("r-in-time", 29);
    post("r-late", 40);
    answer("r-late", 20);
    post("r-expired", 40);
    events.add(RfiClosed.builder().eventId(id()).actor(ADVISOR).occurredAt(daysBefore(10))
        .request(RfiId.of("r-expired")).build());
    post("r-not-due", 1);
  }

  private void post(String rfi, int daysBefore) {
    events.add(RfiPosted.builder().eventId(id()).actor(HOST_LEAD)
        .occurredAt(daysBefore(daysBefore)).request(RequestForInformation.builder()
            .id(RfiId.of(rfi)).community(NationalCommunity.COMMUNITY.getId())
            .askedBy(HOST_LEAD).topic(PspTaxonomy.current().getTopics().get(0).getId())
            .question("How do you staff a gun-crime unit?").postedAt(daysBefore(daysBefore))
            .build()).build());
  }

  private void answer(String rfi, int daysBefore) {
    events.add(RfiAnswered.builder().eventId(id()).actor(ADVISOR)
        .occurredAt(daysBefore(daysBefore)).request(RfiId.of(rfi))
        .response(RfiResponse.builder().id(ResponseId.of(rfi + "-answer")).respondent(ADVISOR)
            .at(daysBefore(daysBefore)).text("With two prosecutors and an analyst.").build())
        .build());
  }

  private void exchanges() {
    request("x-unapproved", 60);
    request("x-approved-late", 60);
    approve("x-approved-late", ApproverRole.PROGRAM_ADVISOR, ADVISOR, 59);
    approve("x-approved-late", ApproverRole.HOST_SITE_LEAD, HOST_LEAD, 30);
    request("x-declined", 60);
    events.add(ExchangeDeclined.builder().eventId(id()).actor(ADVISOR)
        .occurredAt(daysBefore(50)).exchange(ExchangeId.of("x-declined"))
        .role(ApproverRole.PROGRAM_ADVISOR).reason("No travel budget left.").build());
    held("x-held-unreported", 100, 80);
    held("x-reported-late", 100, 80);
    events.add(ExchangeDocumented.builder().eventId(id()).actor(HOST_LEAD)
        .occurredAt(daysBefore(20)).exchange(ExchangeId.of("x-reported-late"))
        .report(FollowUpReport.builder().submittedBy(HOST_LEAD).submittedAt(daysBefore(20))
            .summary("Shared the charging checklist.").build()).build());
  }

  private void request(String exchange, int daysBefore) {
    events.add(ExchangeRequested.builder().eventId(id()).actor(HOST_LEAD)
        .occurredAt(daysBefore(daysBefore)).exchange(Exchange.builder()
            .id(ExchangeId.of(exchange)).community(NationalCommunity.COMMUNITY.getId())
            .hostAgency(AgencyId.of("a-0")).hostSite(SiteId.of("s-0"))
            .addVisitingAgency(AgencyId.of("a-39")).purpose("Learn from the host.")
            .mode(ExchangeMode.IN_PERSON).requestedBy(HOST_LEAD)
            .requestedAt(daysBefore(daysBefore)).build()).build());
  }

  private void approve(String exchange, ApproverRole role, MemberId by, int daysBefore) {
    events.add(ExchangeApproved.builder().eventId(id()).actor(by)
        .occurredAt(daysBefore(daysBefore)).exchange(ExchangeId.of(exchange)).role(role)
        .build());
  }

  private void held(String exchange, int requested, int held) {
    request(exchange, requested);
    approve(exchange, ApproverRole.PROGRAM_ADVISOR, ADVISOR, requested - 1);
    approve(exchange, ApproverRole.HOST_SITE_LEAD, HOST_LEAD, requested - 1);
    LocalDate day = LocalDate.ofInstant(daysBefore(held),
        NationalCommunity.COMMUNITY.getTimeZone());
    events.add(ExchangeScheduled.builder().eventId(id()).actor(HOST_LEAD)
        .occurredAt(daysBefore(requested - 2)).exchange(ExchangeId.of(exchange))
        .schedule(Schedule.of(day, day)).build());
    events.add(ExchangeHeld.builder().eventId(id()).actor(HOST_LEAD).occurredAt(daysBefore(held))
        .exchange(ExchangeId.of(exchange)).heldOn(day).build());
  }

  private void members() {
    events.add(ConductFlagRecorded.builder().eventId(id()).actor(ADVISOR)
        .occurredAt(daysBefore(5)).member(MemberId.of("m-2")).status(ConductFlagStatus.UPHELD)
        .build());
    events.add(MembershipChanged.builder().eventId(id()).actor(ADVISOR)
        .occurredAt(daysBefore(5)).member(MemberId.of("m-3"))
        .community(NationalCommunity.COMMUNITY.getId())
        .role(org.pcop.model.MembershipRole.MEMBER).status(MembershipStatus.DORMANT).build());
    events.add(MembershipChanged.builder().eventId(id()).actor(ADVISOR)
        .occurredAt(daysBefore(5)).member(MemberId.of("m-4"))
        .community(NationalCommunity.COMMUNITY.getId())
        .role(org.pcop.model.MembershipRole.MEMBER).status(MembershipStatus.LEFT).build());
  }
}
