package org.pcop.benchmarks.suggest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.model.ExchangeId;
import org.pcop.model.MemberId;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.event.ExchangeHeld;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiPosted;
import org.pcop.rules.EngagementRecord;

/**
 * Time replayed forward over a history, stopping at each request posted whose answer was later
 * accepted and each exchange requested that was later held, with the record as it stood the
 * moment the request or exchange came in (nothing after it applied yet).
 *
 * <p>The targets come from a first pass over the history: the member whose response was
 * accepted, the site that held the exchange. The second pass applies the events one by one to a
 * fresh record and hands each case to the visitor right after the event that opened it; the
 * visitor must read the record then and there, as the next event changes it.
 */
final class Replay {
  /** What is done at each case. */
  interface Visitor {
    /**
     * A request just posted.
     *
     * @param record the record as of the posting
     * @param request the request
     * @param at when it was posted
     * @param target the member whose answer will be accepted
     * @param activity each member's participations, requests and answers so far
     */
    void request(EngagementRecord record, RequestForInformation request, Instant at,
        MemberId target, Map<MemberId, Integer> activity);

    /**
     * An exchange just requested.
     *
     * @param record the record as of the request
     * @param exchange the exchange
     * @param at when it was requested
     * @param target the site that will hold it
     * @param held each site's exchanges held so far
     */
    void exchange(EngagementRecord record, Exchange exchange, Instant at, SiteId target,
        Map<SiteId, Integer> held);

    /**
     * Any exchange just requested, held later or not, after its case (if it is one) was
     * visited.
     *
     * @param exchange the exchange as requested
     */
    default void requested(Exchange exchange) {}
  }

  private Replay() {}

  /**
   * Replays the history.
   *
   * @param history the history
   * @param visitor what is done at each case
   */
  static void run(NationalCommunity history, Visitor visitor) {
    Map<ResponseId, MemberId> respondents = new HashMap<>();
    Map<RfiId, MemberId> accepted = new HashMap<>();
    Map<ExchangeId, SiteId> hosts = new HashMap<>();
    Map<ExchangeId, SiteId> heldAt = new HashMap<>();
    for (PcopEvent event : history) {
      if (event instanceof RfiAnswered answered) {
        respondents.put(answered.getResponse().getId(), answered.getResponse().getRespondent());
      } else if (event instanceof RfiAccepted acceptance) {
        accepted.put(acceptance.getRequest(), respondents.get(acceptance.getResponse()));
      } else if (event instanceof ExchangeRequested requested) {
        hosts.put(requested.getExchange().getId(), requested.getExchange().getHostSite());
      } else if (event instanceof ExchangeHeld held) {
        heldAt.put(held.getExchange(), hosts.get(held.getExchange()));
      }
    }
    respondents.clear();
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    Map<MemberId, Integer> activity = new HashMap<>();
    Map<SiteId, Integer> held = new HashMap<>();
    for (PcopEvent event : history) {
      record.apply(event);
      if (event instanceof ParticipationRecorded participation) {
        activity.merge(participation.getParticipation().getMember(), 1, Integer::sum);
      } else if (event instanceof RfiAnswered answered) {
        activity.merge(answered.getResponse().getRespondent(), 1, Integer::sum);
      } else if (event instanceof ExchangeHeld done) {
        held.merge(heldAt.get(done.getExchange()), 1, Integer::sum);
      } else if (event instanceof RfiPosted posted) {
        RequestForInformation request = posted.getRequest();
        activity.merge(request.getAskedBy(), 1, Integer::sum);
        MemberId target = accepted.get(request.getId());
        if (target != null) {
          visitor.request(record, record.rfi(request.getId()).orElseThrow(),
              posted.getOccurredAt(), target, activity);
        }
      } else if (event instanceof ExchangeRequested requested) {
        SiteId target = heldAt.get(requested.getExchange().getId());
        if (target != null) {
          visitor.exchange(record, record.exchange(requested.getExchange().getId())
              .orElseThrow(), requested.getOccurredAt(), target, held);
        }
        visitor.requested(requested.getExchange());
      }
    }
  }
}
