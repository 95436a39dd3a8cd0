package org.pcop.engine;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pcop.io.ReadLimits;
import org.pcop.io.json.PcopJsonModule;
import org.pcop.model.ActivityId;
import org.pcop.model.AgencyId;
import org.pcop.model.CaseReference;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.SiteId;
import org.pcop.model.StatusChange;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.Approval;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeMode;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.FollowUpReport;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.activity.Schedule;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.rules.RecordSnapshot;
import org.pcop.rules.snapshot.SnapshotBytes;

/**
 * Writes the model values of the rules' record in a snapshot. Members and memberships, of which
 * a national community has tens of thousands, and activities, exchanges and requests for
 * information, which grow with the history, are written field by field in the snapshot's binary
 * form (a member with bar admissions as pcop-io JSON), so that a start reads no JSON tree per
 * value; the other types (communities, agencies, sites, taxonomies) as one pcop-io JSON array per
 * type, read back through the model's builders. The snapshot's checksums guard the bytes, so the
 * reading limits are those of a document as large as the record, not of an imported file.
 */
final class ModelValues implements RecordSnapshot.ValueCodec {
  private static final ObjectMapper MAPPER = PcopJsonModule.strictMapper(ReadLimits.builder()
      .maxDocumentLength(Integer.MAX_VALUE).maxTokenCount(Long.MAX_VALUE).build());
  private static final MembershipRole[] ROLES = MembershipRole.values();
  private static final MembershipStatus[] STATUSES = MembershipStatus.values();
  private static final ActivityKind[] KINDS = ActivityKind.values();
  private static final ExchangeMode[] MODES = ExchangeMode.values();
  private static final ExchangeState[] STATES = ExchangeState.values();
  private static final ApproverRole[] APPROVERS = ApproverRole.values();

  private final Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();
  private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

  private static JavaType listOf(Class<?> type) {
    return MAPPER.getTypeFactory().constructCollectionType(List.class, type);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> byte[] encode(Class<T> type, List<T> values) {
    if (type == Member.class) {
      return members((List<Member>) values);
    }
    if (type == Membership.class) {
      return memberships((List<Membership>) values);
    }
    if (type == Activity.class) {
      return activities((List<Activity>) values);
    }
    if (type == RequestForInformation.class) {
      return requests((List<RequestForInformation>) values);
    }
    if (type == Exchange.class) {
      return exchanges((List<Exchange>) values);
    }
    try {
      return writers.computeIfAbsent(type, t -> MAPPER.writerFor(listOf(t)))
          .writeValueAsBytes(values);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + type.getSimpleName() + " values", e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> List<T> decode(Class<T> type, byte[] bytes) {
    if (type == Member.class) {
      return (List<T>) readMembers(bytes);
    }
    if (type == Membership.class) {
      return (List<T>) readMemberships(bytes);
    }
    if (type == Activity.class) {
      return (List<T>) readActivities(bytes);
    }
    if (type == RequestForInformation.class) {
      return (List<T>) readRequests(bytes);
    }
    if (type == Exchange.class) {
      return (List<T>) readExchanges(bytes);
    }
    try {
      return readers.computeIfAbsent(type, t -> MAPPER.readerFor(listOf(t))).readValue(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + type.getSimpleName() + " values: "
          + e.getMessage(), e);
    }
  }

  private static byte[] members(List<Member> members) {
    SnapshotBytes.Output out = new SnapshotBytes.Output();
    out.putInt(members.size());
    for (Member m : members) {
      if (!m.getBarAdmissions().isEmpty()) {
        out.putByte(1);
        try {
          out.putBytes(MAPPER.writeValueAsBytes(m));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write member " + m.getId(), e);
        }
        continue;
      }
      out.putByte(0);
      out.putString(m.getId().value());
      out.putString(m.getName());
      out.putString(m.getTitle().orElse(null));
      out.putString(m.getAgency().value());
      out.putString(m.getEmail());
      out.putString(m.getPhone().orElse(null));
      out.putInt(m.getExpertise().size());
      m.getExpertise().forEach(topic -> out.putString(topic.value()));
    }
    return out.finish();
  }

  private static List<Member> readMembers(byte[] bytes) {
    SnapshotBytes.Input in = SnapshotBytes.Input.checked(ByteBuffer.wrap(bytes));
    int count = in.count();
    List<Member> members = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (in.flag()) {
        try {
          members.add(MAPPER.readValue(in.bytes(), Member.class));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read a member: " + e.getMessage(), e);
        }
        continue;
      }
      var member = Member.builder().id(MemberId.of(in.text("a member id")))
          .name(in.text("a member's name")).title(Optional.ofNullable(in.string()))
          .agency(AgencyId.of(in.text("a member's agency"))).email(in.text("a member's email"))
          .phone(Optional.ofNullable(in.string()));
      int topics = in.count();
      for (int t = 0; t < topics; t++) {
        member.addExpertise(TopicId.of(in.text("a topic")));
      }
      members.add(member.build());
    }
    in.end();
    return members;
  }

  private static byte[] memberships(List<Membership> memberships) {
    SnapshotBytes.Output out = new SnapshotBytes.Output();
    out.putInt(memberships.size());
    for (Membership m : memberships) {
      out.putString(m.getMember().value());
      out.putString(m.getCommunity().value());
      out.putByte(m.getRole().ordinal());
      out.putString(m.getSponsor().map(MemberId::value).orElse(null));
      out.putInt(m.getHistory().size());
      for (StatusChange change : m.getHistory()) {
        out.putByte(change.getStatus().ordinal());
        out.putInstant(change.getAt());
        out.putString(change.getReason().orElse(null));
        out.putByte(change.getUntil().isPresent() ? 1 : 0);
        change.getUntil().ifPresent(until -> out.putLong(until.toEpochDay()));
      }
    }
    return out.finish();
  }

  private static List<Membership> readMemberships(byte[] bytes) {
    SnapshotBytes.Input in = SnapshotBytes.Input.checked(ByteBuffer.wrap(bytes));
    int count = in.count();
    List<Membership> memberships = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      var membership = Membership.builder().member(MemberId.of(in.text("a member id")))
          .community(CommunityId.of(in.text("a community id")))
          .role(ROLES[in.ordinal(ROLES.length, "a role")])
          .sponsor(Optional.ofNullable(in.string()).map(MemberId::of));
      int changes = in.count();
      for (int c = 0; c < changes; c++) {
        var change = StatusChange.builder()
            .status(STATUSES[in.ordinal(STATUSES.length, "a status")]).at(in.instant())
            .reason(Optional.ofNullable(in.string()));
        if (in.flag()) {
          change.until(day(in));
        }
        membership.addHistory(change.build());
      }
      memberships.add(membership.build());
    }
    in.end();
    return memberships;
  }

  private static byte[] activities(List<Activity> activities) {
    SnapshotBytes.Output out = new SnapshotBytes.Output();
    out.putInt(activities.size());
    for (Activity a : activities) {
      out.putString(a.getId().value());
      out.putString(a.getCommunity().value());
      out.putByte(a.getKind().ordinal());
      out.putString(a.getTitle());
      out.putInstant(a.getStartsAt());
      out.putInstant(a.getEndsAt());
      out.putString(a.getHostSite().map(SiteId::value).orElse(null));
      out.putStrings(a.getCoreAreas(), CoreAreaId::value);
      out.putStrings(a.getTopics(), TopicId::value);
      out.putString(a.getExchange().map(ExchangeId::value).orElse(null));
      out.putString(a.getSeries().orElse(null));
    }
    return out.finish();
  }

  private static List<Activity> readActivities(byte[] bytes) {
    SnapshotBytes.Input in = SnapshotBytes.Input.checked(ByteBuffer.wrap(bytes));
    int count = in.count();
    List<Activity> activities = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      activities.add(Activity.builder().id(ActivityId.of(in.text("an activity id")))
          .community(CommunityId.of(in.text("a community id")))
          .kind(KINDS[in.ordinal(KINDS.length, "an activity kind")])
          .title(in.text("an activity's title")).startsAt(in.instant()).endsAt(in.instant())
          .hostSite(Optional.ofNullable(in.string()).map(SiteId::of))
          .coreAreas(in.strings(CoreAreaId::of)).topics(in.strings(TopicId::of))
          .exchange(Optional.ofNullable(in.string()).map(ExchangeId::of))
          .series(Optional.ofNullable(in.string())).build());
    }
    in.end();
    return activities;
  }

  private static byte[] requests(List<RequestForInformation> requests) {
    SnapshotBytes.Output out = new SnapshotBytes.Output();
    out.putInt(requests.size());
    for (RequestForInformation r : requests) {
      out.putString(r.getId().value());
      out.putString(r.getCommunity().value());
      out.putString(r.getAskedBy().value());
      out.putString(r.getTopic().value());
      out.putString(r.getQuestion());
      out.putInstant(r.getPostedAt());
      putCaseReferences(out, r.getCaseReferences());
      out.putInt(r.getResponses().size());
      for (RfiResponse response : r.getResponses()) {
        out.putString(response.getId().value());
        out.putString(response.getRespondent().value());
        out.putInstant(response.getAt());
        out.putString(response.getText());
      }
      out.putString(r.getAcceptedResponse().map(ResponseId::value).orElse(null));
      out.putByte(r.isExpired() ? 1 : 0);
      out.putByte(r.getClosedAt().isPresent() ? 1 : 0);
      r.getClosedAt().ifPresent(out::putInstant);
    }
    return out.finish();
  }

  private static List<RequestForInformation> readRequests(byte[] bytes) {
    SnapshotBytes.Input in = SnapshotBytes.Input.checked(ByteBuffer.wrap(bytes));
    int count = in.count();
    List<RequestForInformation> requests = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      var request = RequestForInformation.builder().id(RfiId.of(in.text("a request id")))
          .community(CommunityId.of(in.text("a community id")))
          .askedBy(MemberId.of(in.text("a member id"))).topic(TopicId.of(in.text("a topic")))
          .question(in.text("a question")).postedAt(in.instant())
          .caseReferences(readCaseReferences(in));
      int responses = in.count();
      for (int r = 0; r < responses; r++) {
        request.addResponses(RfiResponse.builder().id(ResponseId.of(in.text("a response id")))
            .respondent(MemberId.of(in.text("a member id"))).at(in.instant())
            .text(in.text("a response's text")).build());
      }
      request.acceptedResponse(Optional.ofNullable(in.string()).map(ResponseId::of))
          .expired(in.flag());
      if (in.flag()) {
        request.closedAt(in.instant());
      }
      requests.add(request.build());
    }
    in.end();
    return requests;
  }

  private static void putCaseReferences(SnapshotBytes.Output out, List<CaseReference> refs) {
    out.putInt(refs.size());
    for (CaseReference ref : refs) {
      out.putString(ref.getHandle());
      out.putString(ref.getLabel());
    }
  }

  private static List<CaseReference> readCaseReferences(SnapshotBytes.Input in) {
    int count = in.count();
    List<CaseReference> refs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      refs.add(CaseReference.of(in.text("a case handle"), in.text("a case label")));
    }
    return refs;
  }

  private static byte[] exchanges(List<Exchange> exchanges) {
    SnapshotBytes.Output out = new SnapshotBytes.Output();
    out.putInt(exchanges.size());
    for (Exchange x : exchanges) {
      out.putString(x.getId().value());
      out.putString(x.getCommunity().value());
      out.putString(x.getHostAgency().value());
      out.putString(x.getHostSite().value());
      out.putStrings(x.getVisitingAgencies(), AgencyId::value);
      out.putString(x.getPurpose());
      out.putStrings(x.getCoreAreas(), CoreAreaId::value);
      out.putByte(x.getMode().ordinal());
      out.putString(x.getRequestedBy().value());
      out.putInstant(x.getRequestedAt());
      out.putString(x.getTravelFunding().map(BigDecimal::toString).orElse(null));
      putCaseReferences(out, x.getCaseReferences());
      out.putByte(x.getState().ordinal());
      out.putInt(x.getApprovals().size());
      for (Approval approval : x.getApprovals()) {
        out.putByte(approval.getRole().ordinal());
        out.putString(approval.getBy().value());
        out.putInstant(approval.getAt());
      }
      out.putByte(x.getSchedule().isPresent() ? 1 : 0);
      x.getSchedule().ifPresent(schedule -> {
        out.putLong(schedule.getFirstDay().toEpochDay());
        out.putLong(schedule.getLastDay().toEpochDay());
      });
      out.putByte(x.getHeldOn().isPresent() ? 1 : 0);
      x.getHeldOn().ifPresent(day -> out.putLong(day.toEpochDay()));
      out.putByte(x.getReport().isPresent() ? 1 : 0);
      x.getReport().ifPresent(report -> {
        out.putString(report.getSubmittedBy().value());
        out.putInstant(report.getSubmittedAt());
        out.putString(report.getSummary());
      });
      out.putString(x.getClosingReason().orElse(null));
    }
    return out.finish();
  }

  private static List<Exchange> readExchanges(byte[] bytes) {
    SnapshotBytes.Input in = SnapshotBytes.Input.checked(ByteBuffer.wrap(bytes));
    int count = in.count();
    List<Exchange> exchanges = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      var exchange = Exchange.builder().id(ExchangeId.of(in.text("an exchange id")))
          .community(CommunityId.of(in.text("a community id")))
          .hostAgency(AgencyId.of(in.text("a host agency")))
          .hostSite(SiteId.of(in.text("a host site")))
          .visitingAgencies(in.strings(AgencyId::of)).purpose(in.text("a purpose"))
          .coreAreas(in.strings(CoreAreaId::of)).mode(MODES[in.ordinal(MODES.length, "a mode")])
          .requestedBy(MemberId.of(in.text("a member id"))).requestedAt(in.instant())
          .travelFunding(Optional.ofNullable(in.string()).map(ModelValues::amount))
          .caseReferences(readCaseReferences(in))
          .state(STATES[in.ordinal(STATES.length, "an exchange state")]);
      int approvals = in.count();
      for (int a = 0; a < approvals; a++) {
        exchange.addApprovals(Approval.of(APPROVERS[in.ordinal(APPROVERS.length, "a role")],
            MemberId.of(in.text("a member id")), in.instant()));
      }
      if (in.flag()) {
        exchange.schedule(Schedule.of(day(in), day(in)));
      }
      if (in.flag()) {
        exchange.heldOn(day(in));
      }
      if (in.flag()) {
        exchange.report(FollowUpReport.builder().submittedBy(MemberId.of(in.text("a member id")))
            .submittedAt(in.instant()).summary(in.text("a report's summary")).build());
      }
      exchanges.add(exchange.closingReason(Optional.ofNullable(in.string())).build());
    }
    in.end();
    return exchanges;
  }

  private static BigDecimal amount(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new SnapshotBytes.Unusable("an amount of \"" + text + "\"", e);
    }
  }

  private static LocalDate day(SnapshotBytes.Input in) {
    long day = in.getLong();
    try {
      return LocalDate.ofEpochDay(day);
    } catch (java.time.DateTimeException e) {
      throw new SnapshotBytes.Unusable("a day numbered " + day, e);
    }
  }
}
