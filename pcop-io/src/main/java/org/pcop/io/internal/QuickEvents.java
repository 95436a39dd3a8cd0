package org.pcop.io.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.pcop.io.ReadLimits;
import org.pcop.model.ActivityId;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.AgencyKind;
import org.pcop.model.BarAdmission;
import org.pcop.model.CommunityId;
import org.pcop.model.EngagementKind;
import org.pcop.model.ExchangeId;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.Site;
import org.pcop.model.SiteEngagement;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.Approval;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeMode;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.FollowUpReport;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.activity.Schedule;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.AgencyRegistered;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.EngagementLevelLocked;
import org.pcop.model.event.EventId;
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
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.RfiPosted;
import org.pcop.model.event.SiteRegistered;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TopicId;

/**
 * The quickest way to read one line of an event log: straight from its bytes into the model's
 * builders, without a JSON tree, for the kinds of event a log mostly holds. It reads a plain
 * subset of JSON (objects, arrays, strings without escapes, true and false; no numbers and no
 * null, which no such event needs) and answers only when it is sure: a line it accepts is one the
 * careful reading accepts too, under the same limits, giving an equal event. Anything else (another
 * kind of event, an escape, a repeated or unknown property, a value of the wrong type, a refused
 * identifier, a value the validator must look at, a size near a limit) gives null, and the caller
 * reads the line the careful way, whose answer and errors are the only ones ever reported.
 *
 * <p>Values are kept as spans of the line's bytes until used: an identifier is looked up by its
 * bytes in a table per instance, which grows to hold a community's roster (a log names the same
 * communities, members and activities again and again), so one that keeps coming is checked and
 * built once and is the same instance each time; an enum constant, an event type or
 * a property name is found by its bytes (the name that followed the previous one last time is
 * tried first); only free text becomes a string. Bytes are scanned eight at a time. Not
 * thread-safe; one per reader.
 */
public final class QuickEvents {
  /** Thrown inside to give up on a line; never escapes. */
  private static final RuntimeException NOT_SURE = new RuntimeException("not sure", null, false,
      false) {
    private static final long serialVersionUID = 1L;
  };


  // Property names, exactly those of the codecs (so a line this class reads has no property
  // the careful reading would refuse).
  private static final String[] PARTICIPATION_RECORDED =
      interned(EventCodecs.PARTICIPATION_RECORDED.propertyNames().toArray(new String[0]));
  private static final String[] ACTIVITY_RECORDED =
      interned(EventCodecs.ACTIVITY_RECORDED.propertyNames().toArray(new String[0]));
  private static final String[] MEMBERSHIP_CHANGED =
      interned(EventCodecs.MEMBERSHIP_CHANGED.propertyNames().toArray(new String[0]));
  private static final String[] RFI_POSTED =
      interned(EventCodecs.RFI_POSTED.propertyNames().toArray(new String[0]));
  private static final String[] RFI_ANSWERED =
      interned(EventCodecs.RFI_ANSWERED.propertyNames().toArray(new String[0]));
  private static final String[] RFI_ACCEPTED =
      interned(EventCodecs.RFI_ACCEPTED.propertyNames().toArray(new String[0]));
  private static final String[] RFI_CLOSED =
      interned(EventCodecs.RFI_CLOSED.propertyNames().toArray(new String[0]));
  private static final String[] EXCHANGE_APPROVED =
      interned(EventCodecs.EXCHANGE_APPROVED.propertyNames().toArray(new String[0]));
  private static final String[] EXCHANGE_DECLINED =
      interned(EventCodecs.EXCHANGE_DECLINED.propertyNames().toArray(new String[0]));
  private static final String[] EXCHANGE_CANCELLED =
      interned(EventCodecs.EXCHANGE_CANCELLED.propertyNames().toArray(new String[0]));
  private static final String[] MEMBER_DEACTIVATED =
      interned(EventCodecs.MEMBER_DEACTIVATED.propertyNames().toArray(new String[0]));
  private static final String[] CONDUCT_FLAG_RECORDED =
      interned(EventCodecs.CONDUCT_FLAG_RECORDED.propertyNames().toArray(new String[0]));
  private static final String[] ENGAGEMENT_LEVEL_CHANGED =
      interned(EventCodecs.ENGAGEMENT_LEVEL_CHANGED.propertyNames().toArray(new String[0]));
  private static final String[] ENGAGEMENT_LEVEL_LOCKED =
      interned(EventCodecs.ENGAGEMENT_LEVEL_LOCKED.propertyNames().toArray(new String[0]));
  private static final String[] MEMBER_ENROLLED =
      interned(EventCodecs.MEMBER_ENROLLED.propertyNames().toArray(new String[0]));
  private static final String[] AGENCY_REGISTERED =
      interned(EventCodecs.AGENCY_REGISTERED.propertyNames().toArray(new String[0]));
  private static final String[] SITE_REGISTERED =
      interned(EventCodecs.SITE_REGISTERED.propertyNames().toArray(new String[0]));
  private static final String[] EXCHANGE_REQUESTED =
      interned(EventCodecs.EXCHANGE_REQUESTED.propertyNames().toArray(new String[0]));
  private static final String[] EXCHANGE_SCHEDULED =
      interned(EventCodecs.EXCHANGE_SCHEDULED.propertyNames().toArray(new String[0]));
  private static final String[] EXCHANGE_HELD =
      interned(EventCodecs.EXCHANGE_HELD.propertyNames().toArray(new String[0]));
  private static final String[] EXCHANGE_DOCUMENTED =
      interned(EventCodecs.EXCHANGE_DOCUMENTED.propertyNames().toArray(new String[0]));
  private static final String[] PARTICIPATION = interned(ModelCodecs.PARTICIPATION.names());
  private static final String[] ACTIVITY = interned(ModelCodecs.ACTIVITY.names());
  private static final String[] REQUEST = interned(ModelCodecs.REQUEST_FOR_INFORMATION.names());
  private static final String[] RESPONSE = interned(ModelCodecs.RFI_RESPONSE.names());
  private static final String[] MEMBER = interned(ModelCodecs.MEMBER.names());
  private static final String[] BAR_ADMISSION = interned(ModelCodecs.BAR_ADMISSION.names());
  private static final String[] AGENCY = interned(ModelCodecs.AGENCY.names());
  private static final String[] SITE = interned(ModelCodecs.SITE.names());
  private static final String[] SITE_ENGAGEMENT = interned(ModelCodecs.SITE_ENGAGEMENT.names());
  private static final String[] EXCHANGE = interned(ModelCodecs.EXCHANGE.names());
  private static final String[] APPROVAL = interned(ModelCodecs.APPROVAL.names());
  private static final String[] SCHEDULE = interned(ModelCodecs.SCHEDULE.names());
  private static final String[] REPORT = interned(ModelCodecs.FOLLOW_UP_REPORT.names());

  private static final Lookup<String> NAMES = names(PARTICIPATION_RECORDED, ACTIVITY_RECORDED,
      MEMBERSHIP_CHANGED, RFI_POSTED, RFI_ANSWERED, RFI_ACCEPTED, RFI_CLOSED, EXCHANGE_APPROVED,
      EXCHANGE_DECLINED, EXCHANGE_CANCELLED, MEMBER_DEACTIVATED, CONDUCT_FLAG_RECORDED,
      ENGAGEMENT_LEVEL_CHANGED, ENGAGEMENT_LEVEL_LOCKED, MEMBER_ENROLLED, AGENCY_REGISTERED,
      SITE_REGISTERED, EXCHANGE_REQUESTED, EXCHANGE_SCHEDULED, EXCHANGE_HELD, EXCHANGE_DOCUMENTED,
      PARTICIPATION, ACTIVITY, REQUEST, RESPONSE, MEMBER, BAR_ADMISSION, AGENCY, SITE,
      SITE_ENGAGEMENT, EXCHANGE, APPROVAL, SCHEDULE, REPORT);

  // The bits of the properties each kind of object may have, for Obj.only.
  private static final Bits PARTICIPATION_RECORDED_BITS = bits(PARTICIPATION_RECORDED);
  private static final Bits ACTIVITY_RECORDED_BITS = bits(ACTIVITY_RECORDED);
  private static final Bits MEMBERSHIP_CHANGED_BITS = bits(MEMBERSHIP_CHANGED);
  private static final Bits RFI_POSTED_BITS = bits(RFI_POSTED);
  private static final Bits RFI_ANSWERED_BITS = bits(RFI_ANSWERED);
  private static final Bits RFI_ACCEPTED_BITS = bits(RFI_ACCEPTED);
  private static final Bits RFI_CLOSED_BITS = bits(RFI_CLOSED);
  private static final Bits EXCHANGE_APPROVED_BITS = bits(EXCHANGE_APPROVED);
  private static final Bits EXCHANGE_DECLINED_BITS = bits(EXCHANGE_DECLINED);
  private static final Bits EXCHANGE_CANCELLED_BITS = bits(EXCHANGE_CANCELLED);
  private static final Bits MEMBER_DEACTIVATED_BITS = bits(MEMBER_DEACTIVATED);
  private static final Bits CONDUCT_FLAG_RECORDED_BITS = bits(CONDUCT_FLAG_RECORDED);
  private static final Bits ENGAGEMENT_LEVEL_CHANGED_BITS = bits(ENGAGEMENT_LEVEL_CHANGED);
  private static final Bits ENGAGEMENT_LEVEL_LOCKED_BITS = bits(ENGAGEMENT_LEVEL_LOCKED);
  private static final Bits PARTICIPATION_BITS = bits(PARTICIPATION);
  private static final Bits ACTIVITY_BITS = bits(ACTIVITY);
  private static final Bits REQUEST_BITS = bits(REQUEST);
  private static final Bits RESPONSE_BITS = bits(RESPONSE);
  private static final Bits MEMBER_ENROLLED_BITS = bits(MEMBER_ENROLLED);
  private static final Bits AGENCY_REGISTERED_BITS = bits(AGENCY_REGISTERED);
  private static final Bits SITE_REGISTERED_BITS = bits(SITE_REGISTERED);
  private static final Bits EXCHANGE_REQUESTED_BITS = bits(EXCHANGE_REQUESTED);
  private static final Bits EXCHANGE_SCHEDULED_BITS = bits(EXCHANGE_SCHEDULED);
  private static final Bits EXCHANGE_HELD_BITS = bits(EXCHANGE_HELD);
  private static final Bits EXCHANGE_DOCUMENTED_BITS = bits(EXCHANGE_DOCUMENTED);
  private static final Bits MEMBER_BITS = bits(MEMBER);
  private static final Bits BAR_ADMISSION_BITS = bits(BAR_ADMISSION);
  private static final Bits AGENCY_BITS = bits(AGENCY);
  private static final Bits SITE_BITS = bits(SITE);
  private static final Bits SITE_ENGAGEMENT_BITS = bits(SITE_ENGAGEMENT);
  private static final Bits EXCHANGE_BITS = bits(EXCHANGE);
  private static final Bits APPROVAL_BITS = bits(APPROVAL);
  private static final Bits SCHEDULE_BITS = bits(SCHEDULE);
  private static final Bits REPORT_BITS = bits(REPORT);

  private static final Lookup<ParticipationKind> PARTICIPATION_KINDS =
      byName(ParticipationKind.class);
  private static final Lookup<ActivityKind> ACTIVITY_KINDS = byName(ActivityKind.class);
  private static final Lookup<MembershipRole> MEMBERSHIP_ROLES = byName(MembershipRole.class);
  private static final Lookup<MembershipStatus> MEMBERSHIP_STATUSES =
      byName(MembershipStatus.class);
  private static final Lookup<ApproverRole> APPROVER_ROLES = byName(ApproverRole.class);
  private static final Lookup<ConductFlagStatus> CONDUCT_FLAG_STATUSES =
      byName(ConductFlagStatus.class);
  private static final Lookup<AgencyKind> AGENCY_KINDS = byName(AgencyKind.class);
  private static final Lookup<JurisdictionLevel> JURISDICTION_LEVELS =
      byName(JurisdictionLevel.class);
  private static final Lookup<EngagementKind> ENGAGEMENT_KINDS = byName(EngagementKind.class);
  private static final Lookup<ExchangeMode> EXCHANGE_MODES = byName(ExchangeMode.class);
  private static final Lookup<ExchangeState> EXCHANGE_STATES = byName(ExchangeState.class);

  /** The kinds this class reads, by their names on the wire. */
  private static final Lookup<String> KINDS = lookup(List.of(
      EventCodecs.PARTICIPATION_RECORDED.name(), EventCodecs.ACTIVITY_RECORDED.name(),
      EventCodecs.MEMBERSHIP_CHANGED.name(), EventCodecs.RFI_POSTED.name(),
      EventCodecs.RFI_ANSWERED.name(), EventCodecs.RFI_ACCEPTED.name(),
      EventCodecs.RFI_CLOSED.name(), EventCodecs.EXCHANGE_APPROVED.name(),
      EventCodecs.EXCHANGE_DECLINED.name(), EventCodecs.EXCHANGE_CANCELLED.name(),
      EventCodecs.MEMBER_DEACTIVATED.name(), EventCodecs.CONDUCT_FLAG_RECORDED.name(),
      EventCodecs.ENGAGEMENT_LEVEL_CHANGED.name(), EventCodecs.ENGAGEMENT_LEVEL_LOCKED.name(),
      EventCodecs.MEMBER_ENROLLED.name(), EventCodecs.AGENCY_REGISTERED.name(),
      EventCodecs.SITE_REGISTERED.name(), EventCodecs.EXCHANGE_REQUESTED.name(),
      EventCodecs.EXCHANGE_SCHEDULED.name(), EventCodecs.EXCHANGE_HELD.name(),
      EventCodecs.EXCHANGE_DOCUMENTED.name()),
      name -> name);

  /** Slots of each table of identifiers at first. */
  private static final int ID_SLOTS = 512;
  /**
   * The most slots of a table of things a community has a roster of (members, agencies,
   * sites...): enough for a national community's tens of thousands of members, about 3.5 MB.
   */
  private static final int ROSTER_SLOTS = 1 << 16;
  /**
   * The most slots of a table of things named by a few events close together and then rarely
   * (activities, exchanges, requests and responses), which keeps the recent ones.
   */
  private static final int RECENT_SLOTS = 1 << 12;

  private final int maxStringBytes;
  private final int maxNameBytes;
  private final int maxDepth;
  private final long maxTokens;
  private final long maxDocumentBytes;
  private final boolean validate;

  private final Ids<MemberId> memberIds = new Ids<>(MemberId::of, ID_SLOTS, ROSTER_SLOTS);
  private final Ids<CommunityId> communityIds =
      new Ids<>(CommunityId::of, ID_SLOTS, ROSTER_SLOTS);
  private final Ids<ActivityId> activityIds = new Ids<>(ActivityId::of, ID_SLOTS, RECENT_SLOTS);
  private final Ids<SiteId> siteIds = new Ids<>(SiteId::of, ID_SLOTS, ROSTER_SLOTS);
  private final Ids<AgencyId> agencyIds = new Ids<>(AgencyId::of, ID_SLOTS, ROSTER_SLOTS);
  private final Ids<ExchangeId> exchangeIds = new Ids<>(ExchangeId::of, ID_SLOTS, RECENT_SLOTS);
  private final Ids<RfiId> rfiIds = new Ids<>(RfiId::of, ID_SLOTS, RECENT_SLOTS);
  private final Ids<ResponseId> responseIds = new Ids<>(ResponseId::of, ID_SLOTS, RECENT_SLOTS);
  private final Ids<TopicId> topicIds = new Ids<>(TopicId::of, ID_SLOTS, ROSTER_SLOTS);
  private final Ids<CoreAreaId> coreAreaIds = new Ids<>(CoreAreaId::of, ID_SLOTS, ROSTER_SLOTS);

  private static final int MAX_KEPT_INSTANT = 32;
  private final byte[] lastInstantText = new byte[MAX_KEPT_INSTANT + 8];
  private int lastInstantLength = -1;
  private Instant lastInstant;
  private final long[] lastDay = new long[2];

  private final List<Obj> objects = new ArrayList<>();
  private final List<Arr> arrays = new ArrayList<>();
  private int objectsUsed;
  private int arraysUsed;

  private byte[] buf;
  private int pos;
  private int end;
  private int depth;
  private long tokens;

  /**
   * Creates a reader of lines under {@code limits} for a careful reading that validates what it
   * decodes (Jakarta Validation's constraints on the model).
   *
   * @param limits the limits the careful reading applies
   * @param maxDocumentLength the document length limit the careful reading applies
   */
  public QuickEvents(ReadLimits limits, long maxDocumentLength) {
    this(limits, maxDocumentLength, true);
  }

  /**
   * Creates a reader of lines under {@code limits}.
   *
   * @param limits the limits the careful reading applies
   * @param maxDocumentLength the document length limit the careful reading applies
   * @param validate whether the careful reading validates what it decodes; when it does not
   *     (events pcop accepted before it stored them), neither does this reader, so both answer
   *     the same
   */
  public QuickEvents(ReadLimits limits, long maxDocumentLength, boolean validate) {
    this.maxStringBytes = limits.getMaxStringLength();
    this.maxNameBytes = limits.getMaxNameLength();
    this.maxDepth = limits.getMaxNestingDepth();
    this.maxTokens = limits.getMaxTokenCount() > 0 ? limits.getMaxTokenCount() : Long.MAX_VALUE;
    this.maxDocumentBytes = maxDocumentLength;
    this.validate = validate;
  }

  /**
   * The event of one line, when this reader is sure of it.
   *
   * @param bytes the buffer, UTF-8 already checked
   * @param offset where the line starts
   * @param length its length in bytes, without the line end
   * @return the decoded and validated event, or null when the line must be read carefully
   */
  public PcopEvent decode(byte[] bytes, int offset, int length) {
    if (length <= 0 || length >= maxDocumentBytes) {
      return null;
    }
    buf = bytes;
    pos = offset;
    end = offset + length;
    depth = 0;
    tokens = 0;
    objectsUsed = 0;
    arraysUsed = 0;
    lastName = FIRST_NAME;
    try {
      skipSpace();
      if (pos >= end || buf[pos] != '{') {
        return null;
      }
      Obj root = object();
      skipSpace();
      if (pos != end) {
        return null;
      }
      PcopEvent event = event(root);
      if (event == null || validate && !Validators.validate(event).isEmpty()) {
        return null;
      }
      return event;
    } catch (RuntimeException e) {
      // NOT_SURE, or a builder's refusal: the careful reading reports it
      return null;
    } finally {
      buf = null;
    }
  }

  // ---- the events ----

  private PcopEvent event(Obj o) {
    String kind = KINDS.find(buf, start(text(o, "type")), length(text(o, "type")));
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case "participation-recorded": {
        o.only(PARTICIPATION_RECORDED_BITS);
        Obj p = object(o, "participation");
        p.only(PARTICIPATION_BITS);
        Participation participation = Participation.of(id(p, "activity", activityIds),
            id(p, "member", memberIds), value(p, "kind", PARTICIPATION_KINDS),
            instant(p, "at"));
        return ParticipationRecorded.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).participation(participation).build();
      }
      case "activity-recorded": {
        o.only(ACTIVITY_RECORDED_BITS);
        Obj a = object(o, "activity");
        a.only(ACTIVITY_BITS);
        Activity activity = Activity.builder().id(id(a, "id", activityIds))
            .community(id(a, "community", communityIds))
            .kind(value(a, "kind", ACTIVITY_KINDS)).title(string(a, "title"))
            .startsAt(instant(a, "startsAt")).endsAt(instant(a, "endsAt"))
            .hostSite(optionalId(a, "hostSite", siteIds))
            .coreAreas(set(a, "coreAreas", coreAreaIds)).topics(set(a, "topics", topicIds))
            .exchange(optionalId(a, "exchange", exchangeIds))
            .series(optionalString(a, "series")).build();
        return ActivityRecorded.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).activity(activity).build();
      }
      case "membership-changed":
        o.only(MEMBERSHIP_CHANGED_BITS);
        if (o.indexOf("until") >= 0) {
          // A suspension, rare: the careful reading reads its end date.
          throw NOT_SURE;
        }
        return MembershipChanged.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).member(id(o, "member", memberIds))
            .community(id(o, "community", communityIds))
            .role(value(o, "role", MEMBERSHIP_ROLES))
            .status(value(o, "status", MEMBERSHIP_STATUSES))
            .sponsor(optionalId(o, "sponsor", memberIds)).reason(optionalString(o, "reason"))
            .build();
      case "rfi-posted": {
        o.only(RFI_POSTED_BITS);
        Obj r = object(o, "request");
        r.only(REQUEST_BITS);
        int cases = r.indexOf("caseReferences");
        if (cases >= 0 && !(r.values[cases] instanceof Arr none && none.size == 0)) {
          return null;
        }
        List<RfiResponse> responses = List.of();
        int items = r.indexOf("responses");
        if (items >= 0) {
          if (!(r.values[items] instanceof Arr list)) {
            return null;
          }
          responses = new ArrayList<>(list.size);
          for (int i = 0; i < list.size; i++) {
            if (!(list.values[i] instanceof Obj response)) {
              return null;
            }
            responses.add(response(response));
          }
        }
        int expired = r.indexOf("expired");
        if (expired >= 0 && !(r.values[expired] instanceof Boolean)) {
          return null;
        }
        RequestForInformation request = RequestForInformation.builder()
            .id(id(r, "id", rfiIds)).community(id(r, "community", communityIds))
            .askedBy(id(r, "askedBy", memberIds)).topic(id(r, "topic", topicIds))
            .question(string(r, "question")).postedAt(instant(r, "postedAt"))
            .caseReferences(List.of()).responses(responses)
            .acceptedResponse(optionalId(r, "acceptedResponse", responseIds))
            .expired(expired >= 0 && (Boolean) r.values[expired]).build();
        return RfiPosted.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).request(request).build();
      }
      case "rfi-answered":
        o.only(RFI_ANSWERED_BITS);
        return RfiAnswered.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).request(id(o, "request", rfiIds))
            .response(response(object(o, "response"))).build();
      case "rfi-accepted":
        o.only(RFI_ACCEPTED_BITS);
        return RfiAccepted.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).request(id(o, "request", rfiIds))
            .response(id(o, "response", responseIds)).build();
      case "rfi-closed":
        o.only(RFI_CLOSED_BITS);
        return RfiClosed.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).request(id(o, "request", rfiIds))
            .reason(optionalString(o, "reason")).build();
      case "exchange-approved":
        o.only(EXCHANGE_APPROVED_BITS);
        return ExchangeApproved.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).exchange(id(o, "exchange", exchangeIds))
            .role(value(o, "role", APPROVER_ROLES)).build();
      case "exchange-declined":
        o.only(EXCHANGE_DECLINED_BITS);
        return ExchangeDeclined.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).exchange(id(o, "exchange", exchangeIds))
            .role(value(o, "role", APPROVER_ROLES)).reason(string(o, "reason")).build();
      case "exchange-cancelled":
        o.only(EXCHANGE_CANCELLED_BITS);
        return ExchangeCancelled.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).exchange(id(o, "exchange", exchangeIds))
            .reason(string(o, "reason")).build();
      case "member-deactivated":
        o.only(MEMBER_DEACTIVATED_BITS);
        return MemberDeactivated.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).member(id(o, "member", memberIds))
            .reason(optionalString(o, "reason")).build();
      case "conduct-flag-recorded":
        o.only(CONDUCT_FLAG_RECORDED_BITS);
        return ConductFlagRecorded.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).member(id(o, "member", memberIds))
            .status(value(o, "status", CONDUCT_FLAG_STATUSES))
            .reason(optionalString(o, "reason")).build();
      case "engagement-level-changed":
        o.only(ENGAGEMENT_LEVEL_CHANGED_BITS);
        return EngagementLevelChanged.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).member(id(o, "member", memberIds))
            .community(id(o, "community", communityIds))
            .from(optionalString(o, "from")).to(optionalString(o, "to"))
            .reason(string(o, "reason")).build();
      case "engagement-level-locked":
        o.only(ENGAGEMENT_LEVEL_LOCKED_BITS);
        return EngagementLevelLocked.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).member(id(o, "member", memberIds))
            .community(id(o, "community", communityIds))
            .level(optionalString(o, "level")).build();
      case "member-enrolled":
        o.only(MEMBER_ENROLLED_BITS);
        return MemberEnrolled.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).member(member(object(o, "member"))).build();
      case "agency-registered":
        o.only(AGENCY_REGISTERED_BITS);
        return AgencyRegistered.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).agency(agency(object(o, "agency"))).build();
      case "site-registered":
        o.only(SITE_REGISTERED_BITS);
        return SiteRegistered.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).site(site(object(o, "site"))).build();
      case "exchange-requested":
        o.only(EXCHANGE_REQUESTED_BITS);
        return ExchangeRequested.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).exchange(exchange(object(o, "exchange"))).build();
      case "exchange-scheduled":
        o.only(EXCHANGE_SCHEDULED_BITS);
        return ExchangeScheduled.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).exchange(id(o, "exchange", exchangeIds))
            .schedule(schedule(object(o, "schedule"))).build();
      case "exchange-held":
        o.only(EXCHANGE_HELD_BITS);
        return ExchangeHeld.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).exchange(id(o, "exchange", exchangeIds))
            .heldOn(date(o, "heldOn")).build();
      case "exchange-documented":
        o.only(EXCHANGE_DOCUMENTED_BITS);
        return ExchangeDocumented.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).exchange(id(o, "exchange", exchangeIds))
            .report(report(object(o, "report"))).build();
      default:
        return null;
    }
  }

  private Member member(Obj m) {
    m.only(MEMBER_BITS);
    List<BarAdmission> bars = new ArrayList<>();
    for (Obj bar : objects(m, "barAdmissions")) {
      bar.only(BAR_ADMISSION_BITS);
      bars.add(BarAdmission.of(string(bar, "jurisdiction"), string(bar, "number")));
    }
    return Member.builder().id(id(m, "id", memberIds)).name(string(m, "name"))
        .title(optionalString(m, "title")).agency(id(m, "agency", agencyIds))
        .email(string(m, "email")).phone(optionalString(m, "phone")).barAdmissions(bars)
        .expertise(set(m, "expertise", topicIds)).build();
  }

  private Agency agency(Obj a) {
    a.only(AGENCY_BITS);
    return Agency.builder().id(id(a, "id", agencyIds)).name(string(a, "name"))
        .kind(value(a, "kind", AGENCY_KINDS))
        .jurisdictionLevel(value(a, "jurisdictionLevel", JURISDICTION_LEVELS))
        .state(string(a, "state")).ori(optionalString(a, "ori"))
        .site(optionalId(a, "site", siteIds)).build();
  }

  private Site site(Obj s) {
    s.only(SITE_BITS);
    List<SiteEngagement> engagements = new ArrayList<>();
    for (Obj e : objects(s, "engagements")) {
      e.only(SITE_ENGAGEMENT_BITS);
      engagements.add(SiteEngagement.builder().kind(value(e, "kind", ENGAGEMENT_KINDS))
          .pilot(flag(e, "pilot")).start(date(e, "start")).end(optionalDate(e, "end"))
          .build());
    }
    return Site.builder().id(id(s, "id", siteIds)).name(string(s, "name"))
        .state(string(s, "state")).engagements(engagements).build();
  }

  private Exchange exchange(Obj x) {
    x.only(EXCHANGE_BITS);
    int cases = x.indexOf("caseReferences");
    if (cases >= 0 && !(x.values[cases] instanceof Arr none && none.size == 0)) {
      throw NOT_SURE; // case references, rare: the careful reading reads their labels
    }
    List<Approval> approvals = new ArrayList<>();
    for (Obj approval : objects(x, "approvals")) {
      approval.only(APPROVAL_BITS);
      approvals.add(Approval.of(value(approval, "role", APPROVER_ROLES),
          id(approval, "by", memberIds), instant(approval, "at")));
    }
    int schedule = x.indexOf("schedule");
    int report = x.indexOf("report");
    int state = x.indexOf("state");
    return Exchange.builder().id(id(x, "id", exchangeIds))
        .community(id(x, "community", communityIds)).hostAgency(id(x, "hostAgency", agencyIds))
        .hostSite(id(x, "hostSite", siteIds))
        .visitingAgencies(set(x, "visitingAgencies", agencyIds)).purpose(string(x, "purpose"))
        .coreAreas(set(x, "coreAreas", coreAreaIds)).mode(value(x, "mode", EXCHANGE_MODES))
        .requestedBy(id(x, "requestedBy", memberIds)).requestedAt(instant(x, "requestedAt"))
        .travelFunding(optionalAmount(x, "travelFunding")).caseReferences(List.of())
        .state(state < 0 ? ExchangeState.REQUESTED : value(x, "state", EXCHANGE_STATES))
        .approvals(approvals)
        .schedule(schedule < 0 ? Optional.empty()
            : Optional.of(schedule(object(x, "schedule"))))
        .heldOn(optionalDate(x, "heldOn"))
        .report(report < 0 ? Optional.empty() : Optional.of(report(object(x, "report"))))
        .closingReason(optionalString(x, "closingReason")).build();
  }

  private Schedule schedule(Obj s) {
    s.only(SCHEDULE_BITS);
    return Schedule.of(date(s, "firstDay"), date(s, "lastDay"));
  }

  private FollowUpReport report(Obj r) {
    r.only(REPORT_BITS);
    return FollowUpReport.builder().submittedBy(id(r, "submittedBy", memberIds))
        .submittedAt(instant(r, "submittedAt")).summary(string(r, "summary")).build();
  }

  private RfiResponse response(Obj r) {
    r.only(RESPONSE_BITS);
    return RfiResponse.builder().id(id(r, "id", responseIds))
        .respondent(id(r, "respondent", memberIds)).at(instant(r, "at"))
        .text(string(r, "text")).build();
  }

  /** Event ids are new on every line, so they are not cached. */
  private EventId eventId(Obj o) {
    return EventId.of(string(o, "eventId"));
  }

  private MemberId actor(Obj o) {
    return id(o, "actor", memberIds);
  }

  private Instant occurredAt(Obj o) {
    return instant(o, "occurredAt");
  }

  // ---- values of properties; a missing or mistyped required one gives up ----

  private static int start(long span) {
    return (int) (span >>> 32);
  }

  private static int length(long span) {
    return (int) span;
  }

  /** The span of a required string property. */
  private static long text(Obj o, String name) {
    int i = o.indexOf(name);
    if (i < 0 || o.values[i] != TEXT) {
      throw NOT_SURE;
    }
    return o.spans[i];
  }

  private String string(long span) {
    return new String(buf, start(span), length(span), StandardCharsets.UTF_8);
  }

  private String string(Obj o, String name) {
    return string(text(o, name));
  }

  private Optional<String> optionalString(Obj o, String name) {
    int i = o.indexOf(name);
    if (i < 0) {
      return Optional.empty();
    }
    if (o.values[i] != TEXT) {
      throw NOT_SURE;
    }
    return Optional.of(string(o.spans[i]));
  }

  private static Obj object(Obj o, String name) {
    int i = o.indexOf(name);
    if (i >= 0 && o.values[i] instanceof Obj child) {
      return child;
    }
    throw NOT_SURE;
  }

  private <T> T id(Obj o, String name, Ids<T> ids) {
    long span = text(o, name);
    return ids.of(buf, start(span), length(span));
  }

  private <T> Optional<T> optionalId(Obj o, String name, Ids<T> ids) {
    int i = o.indexOf(name);
    if (i < 0) {
      return Optional.empty();
    }
    if (o.values[i] != TEXT) {
      throw NOT_SURE;
    }
    return Optional.of(ids.of(buf, start(o.spans[i]), length(o.spans[i])));
  }

  /** An array of identifiers, each once (a repeat is an error the careful reading reports). */
  private <T> Set<T> set(Obj o, String name, Ids<T> ids) {
    int i = o.indexOf(name);
    if (i < 0) {
      return Set.of();
    }
    if (!(o.values[i] instanceof Arr items)) {
      throw NOT_SURE;
    }
    Set<T> out = new LinkedHashSet<>();
    for (int k = 0; k < items.size; k++) {
      if (items.values[k] != TEXT
          || !out.add(ids.of(buf, start(items.spans[k]), length(items.spans[k])))) {
        throw NOT_SURE;
      }
    }
    return out;
  }

  /** The objects of an optional array; absent means none. */
  private static List<Obj> objects(Obj o, String name) {
    int i = o.indexOf(name);
    if (i < 0) {
      return List.of();
    }
    if (!(o.values[i] instanceof Arr items)) {
      throw NOT_SURE;
    }
    List<Obj> out = new ArrayList<>(items.size);
    for (int k = 0; k < items.size; k++) {
      if (!(items.values[k] instanceof Obj item)) {
        throw NOT_SURE;
      }
      out.add(item);
    }
    return out;
  }

  /** An optional true or false; absent means false. */
  private static boolean flag(Obj o, String name) {
    int i = o.indexOf(name);
    if (i < 0) {
      return false;
    }
    if (!(o.values[i] instanceof Boolean value)) {
      throw NOT_SURE;
    }
    return value;
  }

  /** A date, {@code yyyy-MM-dd} in ASCII digits; anything else is left to the careful reading. */
  private LocalDate date(Obj o, String name) {
    long span = text(o, name);
    int from = start(span);
    if (length(span) != 10 || buf[from + 4] != '-' || buf[from + 7] != '-') {
      throw NOT_SURE;
    }
    try {
      return LocalDate.of(digits(from, 4), digits(from + 5, 2), digits(from + 8, 2));
    } catch (DateTimeException e) {
      throw NOT_SURE;
    }
  }

  private Optional<LocalDate> optionalDate(Obj o, String name) {
    return o.indexOf(name) < 0 ? Optional.empty() : Optional.of(date(o, name));
  }

  private int digits(int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int digit = buf[i] - '0';
      if (digit < 0 || digit > 9) {
        throw NOT_SURE;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private Optional<BigDecimal> optionalAmount(Obj o, String name) {
    Optional<String> text = optionalString(o, name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal amount = Scalars.amountOf(text.get());
    if (amount == null) {
      throw NOT_SURE;
    }
    return Optional.of(amount);
  }

  private <E> E value(Obj o, String name, Lookup<E> byName) {
    long span = text(o, name);
    E value = byName.find(buf, start(span), length(span));
    if (value == null) {
      throw NOT_SURE;
    }
    return value;
  }

  /** The instant of a property; the last one read is kept, as a line often repeats it. */
  private Instant instant(Obj o, String name) {
    long span = text(o, name);
    int from = start(span);
    int n = length(span);
    if (n == lastInstantLength && sameFrom(0, lastInstantText, buf, from, n)) {
      return lastInstant;
    }
    Instant at = Scalars.quickInstantOf(buf, from, n, lastDay);
    if (at == null) {
      throw NOT_SURE;
    }
    if (n <= MAX_KEPT_INSTANT) {
      System.arraycopy(buf, from, lastInstantText, 0, n);
      lastInstantLength = n;
      lastInstant = at;
    }
    return at;
  }

  /**
   * The names, interned: every name this class compares is then the same instance as the string
   * literal in its code, so names are compared by identity.
   */
  private static String[] interned(String[] names) {
    String[] out = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = names[i].intern();
    }
    return out;
  }

  private static <E extends Enum<E>> Lookup<E> byName(Class<E> type) {
    return lookup(List.of(type.getEnumConstants()), Enum::name);
  }

  private static <V> Lookup<V> lookup(List<V> values, Function<V, String> name) {
    Lookup<V> out = new Lookup<>();
    for (V v : values) {
      out.add(name.apply(v), v);
    }
    return out;
  }

  /** The bits of names in {@link #NAMES}: bit {@code i} for the name numbered {@code i}. */
  private record Bits(long low, long high) {}

  /** The bits of names in {@link #NAMES}. */
  private static Bits bits(String[] names) {
    long low = 0;
    long high = 0;
    for (String name : names) {
      byte[] b = name.getBytes(StandardCharsets.UTF_8);
      int index = NAMES.index(NAMES.slot(b, 0, b.length));
      if (index < Long.SIZE) {
        low |= 1L << index;
      } else {
        high |= 1L << (index - Long.SIZE);
      }
    }
    return new Bits(low, high);
  }

  private static Lookup<String> names(String[]... lists) {
    Lookup<String> out = new Lookup<>();
    for (String[] list : lists) {
      for (String name : list) {
        out.add(name, name);
      }
    }
    if (out.size > 2 * Long.SIZE) {
      throw new IllegalStateException("more names than bits to tell them apart");
    }
    return out;
  }

  // ---- the JSON subset ----

  /** The value of a string property: its span is kept beside it. */
  private static final Object TEXT = new Object();

  private void token() {
    if (++tokens >= maxTokens) {
      throw NOT_SURE;
    }
  }

  private void skipSpace() {
    while (pos < end) {
      byte c = buf[pos];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return;
      }
      pos++;
    }
  }

  private byte next() {
    skipSpace();
    if (pos >= end) {
      throw NOT_SURE;
    }
    return buf[pos++];
  }

  /** Reads a value: TEXT (its span in {@link #span}), an Obj, an Arr or a Boolean. */
  private Object value() {
    skipSpace();
    if (pos >= end) {
      throw NOT_SURE;
    }
    switch (buf[pos]) {
      case '"': {
        token();
        int from = pos + 1;
        int to = endOfText();
        pos = to + 1;
        if (to - from >= maxStringBytes) {
          throw NOT_SURE;
        }
        span = ((long) from << 32) | (to - from);
        return TEXT;
      }
      case '{':
        return object();
      case '[':
        return array();
      case 't':
        token();
        literal("true");
        return Boolean.TRUE;
      case 'f':
        token();
        literal("false");
        return Boolean.FALSE;
      default:
        throw NOT_SURE; // null, numbers, anything else
    }
  }

  private long span;

  /** The number of the name read last, as {@link #NAMES} numbers them. */
  private int nameIndex;

  /** Where {@link #lastName} is at the start of a line. */
  private static final int FIRST_NAME = Lookup.SLOTS;
  /** The slot in {@link #NAMES} of the name read last in this line. */
  private int lastName;
  /** By the slot of a name, the slot of the name that followed it last time; -1 if none yet. */
  private final int[] nextNames = noNames();

  private static int[] noNames() {
    int[] out = new int[Lookup.SLOTS + 1];
    Arrays.fill(out, -1);
    return out;
  }

  private void literal(String word) {
    if (end - pos < word.length()) {
      throw NOT_SURE;
    }
    for (int i = 0; i < word.length(); i++) {
      if (buf[pos + i] != word.charAt(i)) {
        throw NOT_SURE;
      }
    }
    pos += word.length();
  }

  private void open() {
    pos++;
    token();
    if (++depth >= maxDepth) {
      throw NOT_SURE;
    }
  }

  private void close() {
    depth--;
    token();
  }

  private Obj object() {
    open();
    Obj o;
    if (objectsUsed < objects.size()) {
      o = objects.get(objectsUsed);
      o.size = 0;
      o.seenLow = 0;
      o.seenHigh = 0;
    } else {
      o = new Obj();
      objects.add(o);
    }
    objectsUsed++;
    skipSpace();
    if (pos < end && buf[pos] == '}') {
      pos++;
      close();
      return o;
    }
    while (true) {
      if (next() != '"') {
        throw NOT_SURE;
      }
      pos--;
      token();
      String name = name();
      int index = nameIndex;
      if (next() != ':') {
        throw NOT_SURE;
      }
      Object v = value();
      o.put(name, index, v, span);
      byte c = next();
      if (c == '}') {
        close();
        return o;
      }
      if (c != ',') {
        throw NOT_SURE;
      }
    }
  }

  private Arr array() {
    open();
    Arr a;
    if (arraysUsed < arrays.size()) {
      a = arrays.get(arraysUsed);
      a.size = 0;
    } else {
      a = new Arr();
      arrays.add(a);
    }
    arraysUsed++;
    skipSpace();
    if (pos < end && buf[pos] == ']') {
      pos++;
      close();
      return a;
    }
    while (true) {
      Object v = value();
      a.add(v, span);
      byte c = next();
      if (c == ']') {
        close();
        return a;
      }
      if (c != ',') {
        throw NOT_SURE;
      }
    }
  }

  /**
   * The end of a string without escapes or control characters, after its opening quote. Eight
   * bytes are looked at together while the buffer has them (they may run past the line, never
   * past the buffer); the first quote, backslash or control character among them decides.
   */
  private int endOfText() {
    int i = ++pos;
    byte[] b = buf;
    int n = end;
    int lastWord = b.length - 8;
    while (i < n && i <= lastWord) {
      long w = Words.at(b, i);
      long marks = Words.equal(w, QUOTES) | Words.equal(w, BACKSLASHES)
          | Words.below(w, SPACES);
      if (marks != 0) {
        int k = i + Words.first(marks);
        if (k < n && b[k] == '"') {
          return k;
        }
        throw NOT_SURE; // an escape, a control character, or the end of the line
      }
      i += 8;
    }
    while (i < n) {
      byte c = b[i];
      if (c == '"') {
        return i;
      }
      if (c == '\\' || (c >= 0 && c < 0x20)) {
        throw NOT_SURE;
      }
      i++;
    }
    throw NOT_SURE;
  }

  private static final long QUOTES = Words.ONES * '"';
  private static final long BACKSLASHES = Words.ONES * '\\';
  private static final long SPACES = Words.ONES * ' ';

  /**
   * Reads a property name, at its opening quote. Lines written the same way name the same
   * properties in the same order, so the name that followed the previous one last time is tried
   * first: when the line holds exactly its bytes and then a quote, that is the name (its bytes
   * hold no quote, backslash or control character). Otherwise the name is read and looked up.
   */
  private String name() {
    int from = pos + 1;
    int slot = nextNames[lastName];
    int length;
    if (slot >= 0 && NAMES.isAt(slot, buf, from, end)) {
      length = NAMES.length(slot);
      pos = from + length + 1;
    } else {
      int to = endOfText();
      pos = to + 1;
      length = to - from;
      slot = NAMES.slot(buf, from, length);
      if (slot < 0) {
        throw NOT_SURE;
      }
      nextNames[lastName] = slot;
    }
    if (length >= maxNameBytes) {
      throw NOT_SURE;
    }
    lastName = slot;
    nameIndex = NAMES.index(slot);
    return NAMES.value(slot);
  }

  /** The properties of one object, in order; names are the codecs' own instances. */
  private static final class Obj {
    private String[] names = new String[12];
    private Object[] values = new Object[12];
    private long[] spans = new long[12];
    private int size;
    /** The bits of the names put, by their numbers ({@link #nameIndex}): 0 to 63, then more. */
    private long seenLow;
    private long seenHigh;

    void put(String name, int index, Object value, long span) {
      if (index < Long.SIZE) {
        long bit = 1L << index;
        if ((seenLow & bit) != 0) {
          throw NOT_SURE; // repeated: strict mode refuses it, lenient mode keeps the last
        }
        seenLow |= bit;
      } else {
        long bit = 1L << (index - Long.SIZE);
        if ((seenHigh & bit) != 0) {
          throw NOT_SURE;
        }
        seenHigh |= bit;
      }
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
        spans = Arrays.copyOf(spans, size * 2);
      }
      names[size] = name;
      values[size] = value;
      spans[size++] = span;
    }

    /** Where {@code name} (a string literal, so interned like every name here) is; -1 if absent. */
    int indexOf(String name) {
      for (int i = 0; i < size; i++) {
        if (names[i] == name) {
          return i;
        }
      }
      return -1;
    }

    /** Gives up unless every property is one of those whose bits are {@code allowed}. */
    void only(Bits allowed) {
      if ((seenLow & ~allowed.low()) != 0 || (seenHigh & ~allowed.high()) != 0) {
        throw NOT_SURE;
      }
    }
  }

  /** The items of one array. */
  private static final class Arr {
    private Object[] values = new Object[4];
    private long[] spans = new long[4];
    private int size;

    void add(Object value, long span) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
        spans = Arrays.copyOf(spans, size * 2);
      }
      values[size] = value;
      spans[size++] = span;
    }
  }

  // ---- values by the bytes of their text ----
  //
  // A text is keyed by its first sixteen bytes, packed into two longs with zeros past its end
  // (a JSON string here holds no zero byte, so a text of up to 16 bytes is its key), and by its
  // length; a longer text also keeps its bytes, to compare the rest.

  /** Words in a key: the first eight bytes, the next eight, the length. */
  private static final int KEY = 3;

  private static long firstWord(byte[] b, int from, int length) {
    return Words.at(b, from, length);
  }

  private static long secondWord(byte[] b, int from, int length) {
    return length > 8 ? Words.at(b, from + 8, length - 8) : 0;
  }

  private static int mix(long first, long second, int length) {
    long h = (first + length) * 0x9E3779B97F4A7C15L + second * 0xC2B2AE3D27D4EB4FL;
    return (int) (h ^ (h >>> 29) ^ (h >>> 41));
  }

  /** Whether the slot at {@code k} of {@code words} holds this key. */
  private static boolean holds(long[] words, int k, long first, long second, int length) {
    return words[k] == first && words[k + 1] == second && words[k + 2] == length;
  }

  /**
   * Whether the bytes after the sixteenth are those of {@code key}, for texts above 16 bytes;
   * the key is padded ({@link #padded}), so it is read eight bytes at a time.
   */
  private static boolean sameRest(byte[] key, byte[] b, int from, int length) {
    return sameFrom(16, key, b, from, length);
  }

  /**
   * Whether the bytes of a text from its {@code start}th are those of {@code key}, which has
   * at least eight bytes more than the text.
   */
  private static boolean sameFrom(int start, byte[] key, byte[] b, int from, int length) {
    for (int i = start; i < length; i += 8) {
      int n = length - i;
      if (Words.at(key, i, n) != Words.at(b, from + i, n)) {
        return false;
      }
    }
    return true;
  }

  /** The bytes of a text, with eight zero bytes after them. */
  private static byte[] padded(byte[] b, int from, int length) {
    byte[] key = new byte[length + 8];
    System.arraycopy(b, from, key, 0, length);
    return key;
  }

  /** Values by the UTF-8 bytes of their names, found without making a string; read-only. */
  private static final class Lookup<V> {
    private static final int SLOTS = 256;
    private final long[] words = new long[SLOTS * KEY];
    private final byte[][] keys = new byte[SLOTS][];
    private final Object[] values = new Object[SLOTS];
    private final int[] indexes = new int[SLOTS];
    private int size;

    /** Adds a name (the first value given for a name is kept), numbered in order from 0. */
    void add(String name, V value) {
      byte[] key = name.getBytes(StandardCharsets.UTF_8);
      if (key.length == 0 || slot(key, 0, key.length) >= 0) {
        return;
      }
      if (2 * (size + 1) > SLOTS) {
        throw new IllegalStateException("too many names");
      }
      long first = firstWord(key, 0, key.length);
      long second = secondWord(key, 0, key.length);
      int i = mix(first, second, key.length) & (SLOTS - 1);
      while (words[i * KEY + 2] != 0) {
        i = (i + 1) & (SLOTS - 1);
      }
      words[i * KEY] = first;
      words[i * KEY + 1] = second;
      words[i * KEY + 2] = key.length;
      keys[i] = padded(key, 0, key.length);
      values[i] = value;
      indexes[i] = size++;
    }

    /** The slot of the name in the bytes, or -1. */
    int slot(byte[] b, int from, int length) {
      if (length <= 0) {
        return -1;
      }
      long first = firstWord(b, from, length);
      long second = secondWord(b, from, length);
      int i = mix(first, second, length) & (SLOTS - 1);
      while (words[i * KEY + 2] != 0) {
        if (holds(words, i * KEY, first, second, length)
            && (length <= 16 || sameRest(keys[i], b, from, length))) {
          return i;
        }
        i = (i + 1) & (SLOTS - 1);
      }
      return -1;
    }

    @SuppressWarnings("unchecked")
    V value(int slot) {
      return (V) values[slot];
    }

    /** The length in bytes of the name in a slot. */
    int length(int slot) {
      return (int) words[slot * KEY + 2];
    }

    /**
     * Whether the bytes from {@code from} are the name in a slot followed by a quote, before
     * {@code end}.
     */
    boolean isAt(int slot, byte[] b, int from, int end) {
      int k = slot * KEY;
      int length = (int) words[k + 2];
      return from + length < end && b[from + length] == '"'
          && holds(words, k, firstWord(b, from, length), secondWord(b, from, length), length)
          && (length <= 16 || sameRest(keys[slot], b, from, length));
    }

    /** The number of the name in a slot, from 0 in the order added. */
    int index(int slot) {
      return indexes[slot];
    }

    V find(byte[] b, int from, int length) {
      int i = slot(b, from, length);
      return i < 0 ? null : value(i);
    }
  }

  /**
   * Identifiers by the bytes of their text: a text seen again while still in the table gives
   * the same instance, checked and built once, so the rules that look it up find it by
   * identity and its hash already computed. Slots go in pairs (a text may sit in either of its
   * pair) and a lookup looks at one pair. An identifier enters a full pair only when its text
   * comes again right after missing there (the pair notes the text that missed last): texts that
   * keep coming back (a community, the members of a busy week) are kept, while the many that come
   * once or rarely are built and let go. The table starts small and grows fourfold, up to a
   * bound, while more than a quarter of lookups miss: a community's roster of thousands of members
   * soon fits, while memory stays bounded however many identifiers a log names.
   */
  private static final class Ids<T> {
    private final Function<String, T> of;
    private final int maxSlots;
    private int mask;
    private long[] words;
    private long[] missed;
    private byte[][] keys;
    private Object[] ids;
    private int lookups;
    private int misses;

    /**
     * A table of {@code slots} slots, made when first used, growing up to {@code maxSlots}.
     *
     * @param of creates an identifier, refusing a bad shape
     * @param slots a power of two, at least two
     * @param maxSlots a power of two, at least {@code slots}
     */
    Ids(Function<String, T> of, int slots, int maxSlots) {
      this.of = of;
      this.mask = slots - 1;
      this.maxSlots = maxSlots;
    }

    @SuppressWarnings("unchecked")
    T of(byte[] b, int from, int length) {
      if (ids == null) {
        allocate(mask + 1);
      }
      lookups++;
      long first = firstWord(b, from, length);
      long second = secondWord(b, from, length);
      int i = hash(first, second, b, from, length) & mask & ~1;
      if (length > 0) {
        if (holds(words, i * KEY, first, second, length)
            && (length <= 16 || sameRest(keys[i], b, from, length))) {
          return (T) ids[i];
        }
        if (holds(words, (i + 1) * KEY, first, second, length)
            && (length <= 16 || sameRest(keys[i + 1], b, from, length))) {
          return (T) ids[i + 1];
        }
      }
      T id = of.apply(new String(b, from, length, StandardCharsets.UTF_8)); // refuses bad shapes
      int k = i * KEY;
      if (words[k + 2] == 0) {
        put(i, first, second, length, b, from, id);
      } else if (words[k + KEY + 2] == 0) {
        put(i + 1, first, second, length, b, from, id);
      } else if (holds(missed, k, first, second, length)) {
        // the second way's text moves to the first, the newcomer takes the second
        words[k] = words[k + KEY];
        words[k + 1] = words[k + KEY + 1];
        words[k + 2] = words[k + KEY + 2];
        keys[i] = keys[i + 1];
        ids[i] = ids[i + 1];
        put(i + 1, first, second, length, b, from, id);
      } else {
        missed[k] = first;
        missed[k + 1] = second;
        missed[k + 2] = length;
      }
      misses++;
      if (lookups > mask) {
        if (4 * misses > lookups) {
          grow();
        }
        lookups = 0;
        misses = 0;
      }
      return id;
    }

    private void put(int slot, long first, long second, int length, byte[] b, int from, T id) {
      int k = slot * KEY;
      words[k] = first;
      words[k + 1] = second;
      words[k + 2] = length;
      keys[slot] = length > 16 ? padded(b, from, length) : null;
      ids[slot] = id;
    }

    private void allocate(int slots) {
      mask = slots - 1;
      words = new long[slots * KEY];
      missed = new long[slots * KEY];
      keys = new byte[slots][];
      ids = new Object[slots];
    }

    /**
     * The hash of a text by its first sixteen bytes and, when longer, its last eight, every bit
     * of them mixed into the low bits (MurmurHash3's finaliser), so that identifiers that differ
     * only in a few digits, or only after a long common start, spread over the slots.
     */
    private static int hash(long first, long second, byte[] b, int from, int length) {
      long h = first ^ Long.rotateLeft(second, 21) ^ length;
      if (length > 16) {
        h ^= Long.rotateLeft(Words.at(b, from + length - 8, 8), 42);
      }
      h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
      h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
      return (int) (h ^ (h >>> 33));
    }

    /** Makes the table four times as large, keeping its texts, unless it is at its bound. */
    private void grow() {
      int slots = mask + 1;
      if (slots >= maxSlots) {
        return;
      }
      long[] oldWords = words;
      byte[][] oldKeys = keys;
      Object[] oldIds = ids;
      allocate(Math.min(maxSlots, slots * 4));
      for (int s = 0; s < slots; s++) {
        int k = s * KEY;
        int length = (int) oldWords[k + 2];
        if (length == 0) {
          continue;
        }
        int i = hash(oldWords[k], oldWords[k + 1], oldKeys[s], 0, length) & mask & ~1;
        int slot = words[i * KEY + 2] == 0 ? i : words[(i + 1) * KEY + 2] == 0 ? i + 1 : -1;
        if (slot >= 0) {
          words[slot * KEY] = oldWords[k];
          words[slot * KEY + 1] = oldWords[k + 1];
          words[slot * KEY + 2] = length;
          keys[slot] = oldKeys[s];
          ids[slot] = oldIds[s];
        }
      }
    }
  }
}
