package org.pcop.io.internal;

import static org.pcop.io.internal.QuickValues.object;

import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;

/**
 * Reads participations and the activities they are in, the bulk of a log. Part of the quick reader
 * ({@link QuickEvents}); gives up ({@link QuickJson#NOT_SURE}) on anything it is not sure of. Not
 * thread-safe; one per reader.
 */
final class QuickParticipations {
  private static final QuickLookup<ParticipationKind> PARTICIPATION_KINDS =
      QuickLookup.byName(ParticipationKind.class);
  private static final QuickLookup<ActivityKind> ACTIVITY_KINDS =
      QuickLookup.byName(ActivityKind.class);

  private final QuickValues v;

  QuickParticipations(QuickValues values) {
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
      case "participation-recorded": {
        o.only(QuickNames.PARTICIPATION_RECORDED_BITS);
        QuickObject p = object(o, "participation");
        p.only(QuickNames.PARTICIPATION_BITS);
        Participation participation = Participation.of(v.id(p, "activity", v.activityIds),
            v.id(p, "member", v.memberIds), v.value(p, "kind", PARTICIPATION_KINDS),
            v.instant(p, "at"));
        return ParticipationRecorded.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).participation(participation).build();
      }
      case "activity-recorded": {
        o.only(QuickNames.ACTIVITY_RECORDED_BITS);
        QuickObject a = object(o, "activity");
        a.only(QuickNames.ACTIVITY_BITS);
        Activity activity = Activity.builder().id(v.id(a, "id", v.activityIds))
            .community(v.id(a, "community", v.communityIds))
            .kind(v.value(a, "kind", ACTIVITY_KINDS)).title(v.string(a, "title"))
            .startsAt(v.instant(a, "startsAt")).endsAt(v.instant(a, "endsAt"))
            .hostSite(v.optionalId(a, "hostSite", v.siteIds))
            .coreAreas(v.set(a, "coreAreas", v.coreAreaIds)).topics(v.set(a, "topics", v.topicIds))
            .exchange(v.optionalId(a, "exchange", v.exchangeIds))
            .series(v.optionalString(a, "series")).build();
        return ActivityRecorded.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).activity(activity).build();
      }
      default:
        return null;
    }
  }
}
