package org.pcop.io.internal;

import java.nio.charset.StandardCharsets;

/**
 * The property names the quick reader knows, exactly those of the codecs (so a line it reads has
 * no property the careful reading would refuse), interned so that they are compared by identity
 * with the string literals of the readers; every name numbered in one table ({@link #NAMES}), and
 * for each kind of object the bits of the names it may have.
 */
final class QuickNames {
  private QuickNames() {}

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

  static final QuickLookup<String> NAMES = names(PARTICIPATION_RECORDED, ACTIVITY_RECORDED,
      MEMBERSHIP_CHANGED, RFI_POSTED, RFI_ANSWERED, RFI_ACCEPTED, RFI_CLOSED, EXCHANGE_APPROVED,
      EXCHANGE_DECLINED, EXCHANGE_CANCELLED, MEMBER_DEACTIVATED, CONDUCT_FLAG_RECORDED,
      ENGAGEMENT_LEVEL_CHANGED, ENGAGEMENT_LEVEL_LOCKED, MEMBER_ENROLLED, AGENCY_REGISTERED,
      SITE_REGISTERED, EXCHANGE_REQUESTED, EXCHANGE_SCHEDULED, EXCHANGE_HELD, EXCHANGE_DOCUMENTED,
      PARTICIPATION, ACTIVITY, REQUEST, RESPONSE, MEMBER, BAR_ADMISSION, AGENCY, SITE,
      SITE_ENGAGEMENT, EXCHANGE, APPROVAL, SCHEDULE, REPORT);

  // The bits of the properties each kind of object may have, for Obj.only.
  static final Bits PARTICIPATION_RECORDED_BITS = bits(PARTICIPATION_RECORDED);
  static final Bits ACTIVITY_RECORDED_BITS = bits(ACTIVITY_RECORDED);
  static final Bits MEMBERSHIP_CHANGED_BITS = bits(MEMBERSHIP_CHANGED);
  static final Bits RFI_POSTED_BITS = bits(RFI_POSTED);
  static final Bits RFI_ANSWERED_BITS = bits(RFI_ANSWERED);
  static final Bits RFI_ACCEPTED_BITS = bits(RFI_ACCEPTED);
  static final Bits RFI_CLOSED_BITS = bits(RFI_CLOSED);
  static final Bits EXCHANGE_APPROVED_BITS = bits(EXCHANGE_APPROVED);
  static final Bits EXCHANGE_DECLINED_BITS = bits(EXCHANGE_DECLINED);
  static final Bits EXCHANGE_CANCELLED_BITS = bits(EXCHANGE_CANCELLED);
  static final Bits MEMBER_DEACTIVATED_BITS = bits(MEMBER_DEACTIVATED);
  static final Bits CONDUCT_FLAG_RECORDED_BITS = bits(CONDUCT_FLAG_RECORDED);
  static final Bits ENGAGEMENT_LEVEL_CHANGED_BITS = bits(ENGAGEMENT_LEVEL_CHANGED);
  static final Bits ENGAGEMENT_LEVEL_LOCKED_BITS = bits(ENGAGEMENT_LEVEL_LOCKED);
  static final Bits PARTICIPATION_BITS = bits(PARTICIPATION);
  static final Bits ACTIVITY_BITS = bits(ACTIVITY);
  static final Bits REQUEST_BITS = bits(REQUEST);
  static final Bits RESPONSE_BITS = bits(RESPONSE);
  static final Bits MEMBER_ENROLLED_BITS = bits(MEMBER_ENROLLED);
  static final Bits AGENCY_REGISTERED_BITS = bits(AGENCY_REGISTERED);
  static final Bits SITE_REGISTERED_BITS = bits(SITE_REGISTERED);
  static final Bits EXCHANGE_REQUESTED_BITS = bits(EXCHANGE_REQUESTED);
  static final Bits EXCHANGE_SCHEDULED_BITS = bits(EXCHANGE_SCHEDULED);
  static final Bits EXCHANGE_HELD_BITS = bits(EXCHANGE_HELD);
  static final Bits EXCHANGE_DOCUMENTED_BITS = bits(EXCHANGE_DOCUMENTED);
  static final Bits MEMBER_BITS = bits(MEMBER);
  static final Bits BAR_ADMISSION_BITS = bits(BAR_ADMISSION);
  static final Bits AGENCY_BITS = bits(AGENCY);
  static final Bits SITE_BITS = bits(SITE);
  static final Bits SITE_ENGAGEMENT_BITS = bits(SITE_ENGAGEMENT);
  static final Bits EXCHANGE_BITS = bits(EXCHANGE);
  static final Bits APPROVAL_BITS = bits(APPROVAL);
  static final Bits SCHEDULE_BITS = bits(SCHEDULE);
  static final Bits REPORT_BITS = bits(REPORT);

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

  /** The bits of names in {@link #NAMES}: bit {@code i} for the name numbered {@code i}. */
  record Bits(long low, long high) {}

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

  private static QuickLookup<String> names(String[]... lists) {
    QuickLookup<String> out = new QuickLookup<>();
    for (String[] list : lists) {
      for (String name : list) {
        out.add(name, name);
      }
    }
    if (out.size() > 2 * Long.SIZE) {
      throw new IllegalStateException("more names than bits to tell them apart");
    }
    return out;
  }
}
