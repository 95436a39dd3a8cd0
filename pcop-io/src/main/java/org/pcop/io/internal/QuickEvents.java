package org.pcop.io.internal;

import java.util.List;
import org.pcop.io.ReadLimits;
import org.pcop.model.event.PcopEvent;

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
 *
 * <p>The parts: {@link QuickJson} reads the JSON subset, {@link QuickValues} the values of
 * properties, and one class per family of events builds them ({@link QuickParticipations},
 * {@link QuickRoster}, {@link QuickExchanges}, {@link QuickRequests}).
 */
public final class QuickEvents {
  /** The kinds this class reads, by their names on the wire. */
  private static final QuickLookup<String> KINDS = QuickLookup.of(List.of(
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

  private final long maxDocumentBytes;
  private final boolean validate;
  private final QuickJson json;
  private final QuickParticipations participations;
  private final QuickRoster roster;
  private final QuickExchanges exchanges;
  private final QuickRequests requests;

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
    this.maxDocumentBytes = maxDocumentLength;
    this.validate = validate;
    this.json = new QuickJson(limits);
    QuickValues values = new QuickValues(json);
    this.participations = new QuickParticipations(values);
    this.roster = new QuickRoster(values);
    this.exchanges = new QuickExchanges(values);
    this.requests = new QuickRequests(values);
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
    try {
      QuickObject root = json.root(bytes, offset, length);
      if (root == null) {
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
      json.release();
    }
  }

  /** The event of a line's object, by the family of its type; null for a type not read here. */
  private PcopEvent event(QuickObject o) {
    long type = QuickValues.text(o, "type");
    String kind = KINDS.find(json.bytes(), QuickJson.start(type), QuickJson.length(type));
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case "participation-recorded", "activity-recorded":
        return participations.event(kind, o);
      case "membership-changed", "member-deactivated", "conduct-flag-recorded",
          "engagement-level-changed", "engagement-level-locked", "member-enrolled",
          "agency-registered", "site-registered":
        return roster.event(kind, o);
      case "rfi-posted", "rfi-answered", "rfi-accepted", "rfi-closed":
        return requests.event(kind, o);
      case "exchange-approved", "exchange-declined", "exchange-cancelled", "exchange-requested",
          "exchange-scheduled", "exchange-held", "exchange-documented":
        return exchanges.event(kind, o);
      default:
        return null;
    }
  }
}
