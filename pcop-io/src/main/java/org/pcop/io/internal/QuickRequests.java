package org.pcop.io.internal;

import static org.pcop.io.internal.QuickValues.object;

import java.util.ArrayList;
import java.util.List;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.RfiPosted;

/**
 * Reads requests for information: posted, answered, accepted and closed. Part of the quick reader
 * ({@link QuickEvents}); gives up ({@link QuickJson#NOT_SURE}) on anything it is not sure of. Not
 * thread-safe; one per reader.
 */
final class QuickRequests {
  private final QuickValues v;

  QuickRequests(QuickValues values) {
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
      case "rfi-posted": {
        o.only(QuickNames.RFI_POSTED_BITS);
        QuickObject r = object(o, "request");
        r.only(QuickNames.REQUEST_BITS);
        int cases = r.indexOf("caseReferences");
        if (cases >= 0 && !(r.values[cases] instanceof QuickArray none && none.size == 0)) {
          return null;
        }
        List<RfiResponse> responses = List.of();
        int items = r.indexOf("responses");
        if (items >= 0) {
          if (!(r.values[items] instanceof QuickArray list)) {
            return null;
          }
          responses = new ArrayList<>(list.size);
          for (int i = 0; i < list.size; i++) {
            if (!(list.values[i] instanceof QuickObject response)) {
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
            .id(v.id(r, "id", v.rfiIds)).community(v.id(r, "community", v.communityIds))
            .askedBy(v.id(r, "askedBy", v.memberIds)).topic(v.id(r, "topic", v.topicIds))
            .question(v.string(r, "question")).postedAt(v.instant(r, "postedAt"))
            .caseReferences(List.of()).responses(responses)
            .acceptedResponse(v.optionalId(r, "acceptedResponse", v.responseIds))
            .expired(expired >= 0 && (Boolean) r.values[expired]).build();
        return RfiPosted.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).request(request).build();
      }
      case "rfi-answered":
        o.only(QuickNames.RFI_ANSWERED_BITS);
        return RfiAnswered.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).request(v.id(o, "request", v.rfiIds))
            .response(response(object(o, "response"))).build();
      case "rfi-accepted":
        o.only(QuickNames.RFI_ACCEPTED_BITS);
        return RfiAccepted.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).request(v.id(o, "request", v.rfiIds))
            .response(v.id(o, "response", v.responseIds)).build();
      case "rfi-closed":
        o.only(QuickNames.RFI_CLOSED_BITS);
        return RfiClosed.builder().eventId(v.eventId(o)).actor(v.actor(o))
            .occurredAt(v.occurredAt(o)).request(v.id(o, "request", v.rfiIds))
            .reason(v.optionalString(o, "reason")).build();
      default:
        return null;
    }
  }

  private RfiResponse response(QuickObject r) {
    r.only(QuickNames.RESPONSE_BITS);
    return RfiResponse.builder().id(v.id(r, "id", v.responseIds))
        .respondent(v.id(r, "respondent", v.memberIds)).at(v.instant(r, "at"))
        .text(v.string(r, "text")).build();
  }
}
