package org.pcop.io.internal;

import static org.pcop.io.internal.QuickJson.NOT_SURE;
import static org.pcop.io.internal.QuickValues.flag;
import static org.pcop.io.internal.QuickValues.object;
import static org.pcop.io.internal.QuickValues.objects;

import java.util.ArrayList;
import java.util.List;
import org.pcop.model.Agency;
import org.pcop.model.AgencyKind;
import org.pcop.model.BarAdmission;
import org.pcop.model.EngagementKind;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.Member;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.Site;
import org.pcop.model.SiteEngagement;
import org.pcop.model.event.AgencyRegistered;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.EngagementLevelLocked;
import org.pcop.model.event.MemberDeactivated;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.SiteRegistered;

/**
 * Reads the membership and the directory: enrolments, memberships, deactivations, conduct flags,
 * engagement levels, agencies and sites. Part of the quick reader ({@link QuickEvents}); gives up
 * ({@link QuickJson#NOT_SURE}) on anything it is not sure of. Not thread-safe; one per reader.
 */
final class QuickRoster {
  private static final QuickLookup<MembershipRole> MEMBERSHIP_ROLES =
      QuickLookup.byName(MembershipRole.class);
  private static final QuickLookup<MembershipStatus> MEMBERSHIP_STATUSES =
      QuickLookup.byName(MembershipStatus.class);
  private static final QuickLookup<ConductFlagStatus> CONDUCT_FLAG_STATUSES =
      QuickLookup.byName(ConductFlagStatus.class);
  private static final QuickLookup<AgencyKind> AGENCY_KINDS =
      QuickLookup.byName(AgencyKind.class);
  private static final QuickLookup<JurisdictionLevel> JURISDICTION_LEVELS =
      QuickLookup.byName(JurisdictionLevel.class);
  private static final QuickLookup<EngagementKind> ENGAGEMENT_KINDS =
      QuickLookup.byName(EngagementKind.class);

  private final QuickValues v;

  QuickRoster(QuickValues values) {
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
      case "membership-changed":
        o.only(QuickNames.MEMBERSHIP_CHANGED_BITS);
        if (o.indexOf("until") >= 0) {
          // A suspension, rare: the careful reading reads its end date.
          throw NOT_SURE;
        }
        return MembershipChanged.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).member(v.id(o, "member", v.memberIds))
            .community(v.id(o, "community", v.communityIds))
            .role(v.value(o, "role", MEMBERSHIP_ROLES))
            .status(v.value(o, "status", MEMBERSHIP_STATUSES))
            .sponsor(v.optionalId(o, "sponsor", v.memberIds)).reason(v.optionalString(o, "reason"))
            .build();
      case "member-deactivated":
        o.only(QuickNames.MEMBER_DEACTIVATED_BITS);
        return MemberDeactivated.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).member(v.id(o, "member", v.memberIds))
            .reason(v.optionalString(o, "reason")).build();
      case "conduct-flag-recorded":
        o.only(QuickNames.CONDUCT_FLAG_RECORDED_BITS);
        return ConductFlagRecorded.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).member(v.id(o, "member", v.memberIds))
            .status(v.value(o, "status", CONDUCT_FLAG_STATUSES))
            .reason(v.optionalString(o, "reason")).build();
      case "engagement-level-changed":
        o.only(QuickNames.ENGAGEMENT_LEVEL_CHANGED_BITS);
        return EngagementLevelChanged.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).member(v.id(o, "member", v.memberIds))
            .community(v.id(o, "community", v.communityIds))
            .from(v.optionalString(o, "from")).to(v.optionalString(o, "to"))
            .reason(v.string(o, "reason")).build();
      case "engagement-level-locked":
        o.only(QuickNames.ENGAGEMENT_LEVEL_LOCKED_BITS);
        return EngagementLevelLocked.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).member(v.id(o, "member", v.memberIds))
            .community(v.id(o, "community", v.communityIds))
            .level(v.optionalString(o, "level")).build();
      case "member-enrolled":
        o.only(QuickNames.MEMBER_ENROLLED_BITS);
        return MemberEnrolled.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).member(member(object(o, "member"))).build();
      case "agency-registered":
        o.only(QuickNames.AGENCY_REGISTERED_BITS);
        return AgencyRegistered.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).agency(agency(object(o, "agency"))).build();
      case "site-registered":
        o.only(QuickNames.SITE_REGISTERED_BITS);
        return SiteRegistered.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).site(site(object(o, "site"))).build();
      default:
        return null;
    }
  }

  private Member member(QuickObject m) {
    m.only(QuickNames.MEMBER_BITS);
    List<BarAdmission> bars = new ArrayList<>();
    for (QuickObject bar : objects(m, "barAdmissions")) {
      bar.only(QuickNames.BAR_ADMISSION_BITS);
      bars.add(BarAdmission.of(v.string(bar, "jurisdiction"), v.string(bar, "number")));
    }
    return Member.builder().id(v.id(m, "id", v.memberIds)).name(v.string(m, "name"))
        .title(v.optionalString(m, "title")).agency(v.id(m, "agency", v.agencyIds))
        .email(v.string(m, "email")).phone(v.optionalString(m, "phone")).barAdmissions(bars)
        .expertise(v.set(m, "expertise", v.topicIds)).build();
  }
  private Agency agency(QuickObject a) {
    a.only(QuickNames.AGENCY_BITS);
    return Agency.builder().id(v.id(a, "id", v.agencyIds)).name(v.string(a, "name"))
        .kind(v.value(a, "kind", AGENCY_KINDS))
        .jurisdictionLevel(v.value(a, "jurisdictionLevel", JURISDICTION_LEVELS))
        .state(v.string(a, "state")).ori(v.optionalString(a, "ori"))
        .site(v.optionalId(a, "site", v.siteIds)).build();
  }
  private Site site(QuickObject s) {
    s.only(QuickNames.SITE_BITS);
    List<SiteEngagement> engagements = new ArrayList<>();
    for (QuickObject e : objects(s, "engagements")) {
      e.only(QuickNames.SITE_ENGAGEMENT_BITS);
      engagements.add(SiteEngagement.builder().kind(v.value(e, "kind", ENGAGEMENT_KINDS))
          .pilot(flag(e, "pilot")).start(v.date(e, "start")).end(v.optionalDate(e, "end"))
          .build());
    }
    return Site.builder().id(v.id(s, "id", v.siteIds)).name(v.string(s, "name"))
        .state(v.string(s, "state")).engagements(engagements).build();
  }
}
