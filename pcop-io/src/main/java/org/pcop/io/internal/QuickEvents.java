package org.pcop.io.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.pcop.io.ReadLimits;
import org.pcop.model.ActivityId;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.EngagementLevelLocked;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ExchangeApproved;
import org.pcop.model.event.ExchangeCancelled;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.MemberDeactivated;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.RfiPosted;
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
 * bytes in a cache per instance (a log names the same members and activities again and again),
 * so each distinct text is checked and built once; an enum constant or an event type is found by
 * its bytes; only free text becomes a string. Not thread-safe; one per reader.
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
  private static final String[] PARTICIPATION = interned(ModelCodecs.PARTICIPATION.names());
  private static final String[] ACTIVITY = interned(ModelCodecs.ACTIVITY.names());
  private static final String[] REQUEST = interned(ModelCodecs.REQUEST_FOR_INFORMATION.names());
  private static final String[] RESPONSE = interned(ModelCodecs.RFI_RESPONSE.names());

  private static final Lookup<String> NAMES = names(PARTICIPATION_RECORDED, ACTIVITY_RECORDED,
      MEMBERSHIP_CHANGED, RFI_POSTED, RFI_ANSWERED, RFI_ACCEPTED, RFI_CLOSED, EXCHANGE_APPROVED,
      EXCHANGE_DECLINED, EXCHANGE_CANCELLED, MEMBER_DEACTIVATED, CONDUCT_FLAG_RECORDED,
      ENGAGEMENT_LEVEL_CHANGED, ENGAGEMENT_LEVEL_LOCKED, PARTICIPATION, ACTIVITY, REQUEST,
      RESPONSE);

  private static final Lookup<ParticipationKind> PARTICIPATION_KINDS =
      byName(ParticipationKind.class);
  private static final Lookup<ActivityKind> ACTIVITY_KINDS = byName(ActivityKind.class);
  private static final Lookup<MembershipRole> MEMBERSHIP_ROLES = byName(MembershipRole.class);
  private static final Lookup<MembershipStatus> MEMBERSHIP_STATUSES =
      byName(MembershipStatus.class);
  private static final Lookup<ApproverRole> APPROVER_ROLES = byName(ApproverRole.class);
  private static final Lookup<ConductFlagStatus> CONDUCT_FLAG_STATUSES =
      byName(ConductFlagStatus.class);

  /** The kinds this class reads, by their names on the wire. */
  private static final Lookup<String> KINDS = lookup(List.of(
      EventCodecs.PARTICIPATION_RECORDED.name(), EventCodecs.ACTIVITY_RECORDED.name(),
      EventCodecs.MEMBERSHIP_CHANGED.name(), EventCodecs.RFI_POSTED.name(),
      EventCodecs.RFI_ANSWERED.name(), EventCodecs.RFI_ACCEPTED.name(),
      EventCodecs.RFI_CLOSED.name(), EventCodecs.EXCHANGE_APPROVED.name(),
      EventCodecs.EXCHANGE_DECLINED.name(), EventCodecs.EXCHANGE_CANCELLED.name(),
      EventCodecs.MEMBER_DEACTIVATED.name(), EventCodecs.CONDUCT_FLAG_RECORDED.name(),
      EventCodecs.ENGAGEMENT_LEVEL_CHANGED.name(), EventCodecs.ENGAGEMENT_LEVEL_LOCKED.name()),
      name -> name);

  private static final int MAX_CACHED = 1 << 15;

  private final int maxStringBytes;
  private final int maxNameBytes;
  private final int maxDepth;
  private final long maxTokens;
  private final long maxDocumentBytes;

  private final Ids<MemberId> memberIds = new Ids<>(MemberId::of);
  private final Ids<CommunityId> communityIds = new Ids<>(CommunityId::of);
  private final Ids<ActivityId> activityIds = new Ids<>(ActivityId::of);
  private final Ids<SiteId> siteIds = new Ids<>(SiteId::of);
  private final Ids<ExchangeId> exchangeIds = new Ids<>(ExchangeId::of);
  private final Ids<RfiId> rfiIds = new Ids<>(RfiId::of);
  private final Ids<ResponseId> responseIds = new Ids<>(ResponseId::of);
  private final Ids<TopicId> topicIds = new Ids<>(TopicId::of);
  private final Ids<CoreAreaId> coreAreaIds = new Ids<>(CoreAreaId::of);

  private final byte[] lastInstantText = new byte[32];
  private int lastInstantLength = -1;
  private Instant lastInstant;

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
   * Creates a reader of lines under {@code limits}.
   *
   * @param limits the limits the careful reading applies
   * @param maxDocumentLength the document length limit the careful reading applies
   */
  public QuickEvents(ReadLimits limits, long maxDocumentLength) {
    this.maxStringBytes = limits.getMaxStringLength();
    this.maxNameBytes = limits.getMaxNameLength();
    this.maxDepth = limits.getMaxNestingDepth();
    this.maxTokens = limits.getMaxTokenCount() > 0 ? limits.getMaxTokenCount() : Long.MAX_VALUE;
    this.maxDocumentBytes = maxDocumentLength;
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
      if (event == null || !Validators.validate(event).isEmpty()) {
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
        o.only(PARTICIPATION_RECORDED);
        Obj p = object(o, "participation");
        p.only(PARTICIPATION);
        Participation participation = Participation.of(id(p, "activity", activityIds),
            id(p, "member", memberIds), value(p, "kind", PARTICIPATION_KINDS),
            instant(p, "at"));
        return ParticipationRecorded.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).participation(participation).build();
      }
      case "activity-recorded": {
        o.only(ACTIVITY_RECORDED);
        Obj a = object(o, "activity");
        a.only(ACTIVITY);
        Activity activity = Activity.builder().id(id(a, "id", activityIds))
            .community(id(a, "community", communityIds))
            .kind(value(a, "kind", ACTIVITY_KINDS)).title(string(a, "title"))
            .startsAt(instant(a, "startsAt")).endsAt(instant(a, "endsAt"))
            .hostSite(optionalId(a, "hostSite", siteIds))
            .coreAreas(set(a, "coreAreas", coreAreaIds)).topics(set(a, "topics", topicIds))
            .exchange(optionalId(a, "exchange", exchangeIds)).build();
        return ActivityRecorded.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).activity(activity).build();
      }
      case "membership-changed":
        o.only(MEMBERSHIP_CHANGED);
        return MembershipChanged.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).member(id(o, "member", memberIds))
            .community(id(o, "community", communityIds))
            .role(value(o, "role", MEMBERSHIP_ROLES))
            .status(value(o, "status", MEMBERSHIP_STATUSES))
            .sponsor(optionalId(o, "sponsor", memberIds)).reason(optionalString(o, "reason"))
            .build();
      case "rfi-posted": {
        o.only(RFI_POSTED);
        Obj r = object(o, "request");
        r.only(REQUEST);
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
        o.only(RFI_ANSWERED);
        return RfiAnswered.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).request(id(o, "request", rfiIds))
            .response(response(object(o, "response"))).build();
      case "rfi-accepted":
        o.only(RFI_ACCEPTED);
        return RfiAccepted.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).request(id(o, "request", rfiIds))
            .response(id(o, "response", responseIds)).build();
      case "rfi-closed":
        o.only(RFI_CLOSED);
        return RfiClosed.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).request(id(o, "request", rfiIds))
            .reason(optionalString(o, "reason")).build();
      case "exchange-approved":
        o.only(EXCHANGE_APPROVED);
        return ExchangeApproved.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).exchange(id(o, "exchange", exchangeIds))
            .role(value(o, "role", APPROVER_ROLES)).build();
      case "exchange-declined":
        o.only(EXCHANGE_DECLINED);
        return ExchangeDeclined.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).exchange(id(o, "exchange", exchangeIds))
            .role(value(o, "role", APPROVER_ROLES)).reason(string(o, "reason")).build();
      case "exchange-cancelled":
        o.only(EXCHANGE_CANCELLED);
        return ExchangeCancelled.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).exchange(id(o, "exchange", exchangeIds))
            .reason(string(o, "reason")).build();
      case "member-deactivated":
        o.only(MEMBER_DEACTIVATED);
        return MemberDeactivated.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).member(id(o, "member", memberIds))
            .reason(optionalString(o, "reason")).build();
      case "conduct-flag-recorded":
        o.only(CONDUCT_FLAG_RECORDED);
        return ConductFlagRecorded.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).member(id(o, "member", memberIds))
            .status(value(o, "status", CONDUCT_FLAG_STATUSES))
            .reason(optionalString(o, "reason")).build();
      case "engagement-level-changed":
        o.only(ENGAGEMENT_LEVEL_CHANGED);
        return EngagementLevelChanged.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).member(id(o, "member", memberIds))
            .community(id(o, "community", communityIds))
            .from(optionalString(o, "from")).to(optionalString(o, "to"))
            .reason(string(o, "reason")).build();
      case "engagement-level-locked":
        o.only(ENGAGEMENT_LEVEL_LOCKED);
        return EngagementLevelLocked.builder().eventId(eventId(o)).actor(actor(o))
            .occurredAt(occurredAt(o)).member(id(o, "member", memberIds))
            .community(id(o, "community", communityIds))
            .level(optionalString(o, "level")).build();
      default:
        return null;
    }
  }

  private RfiResponse response(Obj r) {
    r.only(RESPONSE);
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
    if (n == lastInstantLength
        && Arrays.equals(lastInstantText, 0, n, buf, from, from + n)) {
      return lastInstant;
    }
    Instant at = Scalars.quickInstantOf(string(span));
    if (at == null) {
      throw NOT_SURE;
    }
    if (n <= lastInstantText.length) {
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

  private static Lookup<String> names(String[]... lists) {
    Lookup<String> out = new Lookup<>();
    for (String[] list : lists) {
      for (String name : list) {
        out.add(name, name);
      }
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
      if (next() != ':') {
        throw NOT_SURE;
      }
      Object v = value();
      o.put(name, v, span);
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

  /** The end of a string without escapes or control characters, after its opening quote. */
  private int endOfText() {
    int i = ++pos;
    byte[] b = buf;
    int n = end;
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

  private String name() {
    int from = pos + 1;
    int to = endOfText();
    pos = to + 1;
    if (to - from >= maxNameBytes) {
      throw NOT_SURE;
    }
    String name = NAMES.find(buf, from, to - from);
    if (name == null) {
      throw NOT_SURE;
    }
    return name;
  }

  /** The properties of one object, in order; names are the codecs' own instances. */
  private static final class Obj {
    private String[] names = new String[12];
    private Object[] values = new Object[12];
    private long[] spans = new long[12];
    private int size;

    void put(String name, Object value, long span) {
      for (int i = 0; i < size; i++) {
        if (names[i] == name) {
          throw NOT_SURE; // repeated: strict mode refuses it, lenient mode keeps the last
        }
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

    /** Gives up unless every property is one of {@code allowed}. */
    void only(String[] allowed) {
      outer:
      for (int i = 0; i < size; i++) {
        for (String a : allowed) {
          if (a == names[i]) {
            continue outer;
          }
        }
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

  /** A hash of a name from its length and three of its bytes; {@link #same} decides. */
  private static int nameHash(byte[] b, int from, int length) {
    if (length == 0) {
      return 0;
    }
    int h = length * 0x9E3779B1 + b[from] * 31 + b[from + length - 1] * 961
        + b[from + (length >> 1)] * 29791;
    return h ^ (h >>> 7) ^ (h >>> 15);
  }

  private static int hash(byte[] b, int from, int length) {
    int h = length;
    for (int i = from; i < from + length; i++) {
      h = 31 * h + b[i];
    }
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    return h ^ (h >>> 13);
  }

  private static boolean same(byte[] key, byte[] b, int from, int length) {
    if (key.length != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (key[i] != b[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** Values by the UTF-8 bytes of their names, found without making a string; read-only. */
  private static final class Lookup<V> {
    private final byte[][] keys = new byte[256][];
    private final Object[] values = new Object[256];

    void add(String name, V value) {
      byte[] key = name.getBytes(StandardCharsets.UTF_8);
      int i = nameHash(key, 0, key.length) & 255;
      while (keys[i] != null && !Arrays.equals(keys[i], key)) {
        i = (i + 1) & 255;
      }
      if (keys[i] == null) {
        keys[i] = key;
        values[i] = value;
      }
    }

    @SuppressWarnings("unchecked")
    V find(byte[] b, int from, int length) {
      int i = nameHash(b, from, length) & 255;
      byte[] key;
      while ((key = keys[i]) != null) {
        if (same(key, b, from, length)) {
          return (V) values[i];
        }
        i = (i + 1) & 255;
      }
      return null;
    }
  }

  /**
   * Identifiers by the bytes of their text, each text checked and built once; a table grows to
   * {@value #MAX_CACHED} entries and then starts again. Texts of up to 8 bytes (most identifiers)
   * are keyed by the bytes packed into a long, compared without reaching for an array; a JSON
   * string here holds no zero byte, so the packing is unambiguous.
   */
  private static final class Ids<T> {
    private final Function<String, T> of;
    private long[] packed = new long[64];
    private Object[] packedIds = new Object[64];
    private int packedSize;
    private int[] hashes = new int[64];
    private byte[][] keys = new byte[64][];
    private Object[] ids = new Object[64];
    private int size;

    Ids(Function<String, T> of) {
      this.of = of;
    }

    T of(byte[] b, int from, int length) {
      return length > 0 && length <= 8 ? ofPacked(b, from, length) : ofBytes(b, from, length);
    }

    private T create(byte[] b, int from, int length) {
      return of.apply(new String(b, from, length, StandardCharsets.UTF_8)); // refuses bad shapes
    }

    private static int mix(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 29) ^ (h >>> 41));
    }

    @SuppressWarnings("unchecked")
    private T ofPacked(byte[] b, int from, int length) {
      long key = 0;
      for (int i = 0; i < length; i++) {
        key |= (b[from + i] & 0xFFL) << (8 * i);
      }
      int mask = packed.length - 1;
      int i = mix(key) & mask;
      long k;
      while ((k = packed[i]) != 0) {
        if (k == key) {
          return (T) packedIds[i];
        }
        i = (i + 1) & mask;
      }
      T id = create(b, from, length);
      if (packedSize >= MAX_CACHED) {
        Arrays.fill(packed, 0);
        Arrays.fill(packedIds, null);
        packedSize = 0;
      } else if (2 * (packedSize + 1) > packed.length) {
        long[] oldKeys = packed;
        Object[] oldIds = packedIds;
        packed = new long[oldKeys.length * 2];
        packedIds = new Object[oldKeys.length * 2];
        packedSize = 0;
        for (int j = 0; j < oldKeys.length; j++) {
          if (oldKeys[j] != 0) {
            putPacked(oldKeys[j], oldIds[j]);
          }
        }
      }
      putPacked(key, id);
      return id;
    }

    private void putPacked(long key, Object id) {
      int mask = packed.length - 1;
      int i = mix(key) & mask;
      while (packed[i] != 0) {
        i = (i + 1) & mask;
      }
      packed[i] = key;
      packedIds[i] = id;
      packedSize++;
    }

    @SuppressWarnings("unchecked")
    private T ofBytes(byte[] b, int from, int length) {
      int h = hash(b, from, length);
      if (h == 0) {
        h = 1;
      }
      int mask = hashes.length - 1;
      int i = h & mask;
      int k;
      while ((k = hashes[i]) != 0) {
        if (k == h && same(keys[i], b, from, length)) {
          return (T) ids[i];
        }
        i = (i + 1) & mask;
      }
      T id = create(b, from, length);
      if (size >= MAX_CACHED) {
        Arrays.fill(hashes, 0);
        Arrays.fill(keys, null);
        Arrays.fill(ids, null);
        size = 0;
      } else if (2 * (size + 1) > hashes.length) {
        grow();
      }
      put(h, Arrays.copyOfRange(b, from, from + length), id);
      return id;
    }

    private void put(int h, byte[] key, Object id) {
      int mask = hashes.length - 1;
      int i = h & mask;
      while (hashes[i] != 0) {
        i = (i + 1) & mask;
      }
      hashes[i] = h;
      keys[i] = key;
      ids[i] = id;
      size++;
    }

    private void grow() {
      int[] oldHashes = hashes;
      byte[][] oldKeys = keys;
      Object[] oldIds = ids;
      hashes = new int[oldHashes.length * 2];
      keys = new byte[oldHashes.length * 2][];
      ids = new Object[oldHashes.length * 2];
      size = 0;
      for (int i = 0; i < oldHashes.length; i++) {
        if (oldHashes[i] != 0) {
          put(oldHashes[i], oldKeys[i], oldIds[i]);
        }
      }
    }
  }
}
