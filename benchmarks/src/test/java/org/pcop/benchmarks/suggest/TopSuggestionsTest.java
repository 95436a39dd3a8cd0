package org.pcop.benchmarks.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcop.model.MemberId;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.rules.AnswererSuggestion;
import org.pcop.rules.AnswererSuggestions;
import org.pcop.rules.AnswererWeights;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.HostSuggestion;
import org.pcop.rules.HostSuggestions;
import org.pcop.rules.HostWeights;

/**
 * Asking for the best few gives exactly the head of the whole ranking, scores and explanations
 * included: the ranking scores every candidate before it puts the best few in words, and that
 * must not change who comes first, in which order, or what is said about them.
 */
class TopSuggestionsTest {
  @Test
  void theBestFiveAreTheHeadOfTheWholeRankingAtEveryRequestAndExchange() {
    int[] compared = new int[2];
    Replay.run(SuggestionEvaluation.history(7, 20_000), new Replay.Visitor() {
      @Override
      public void request(EngagementRecord record, RequestForInformation request, Instant at,
          MemberId target, Map<MemberId, Integer> activity) {
        List<AnswererSuggestion> all = AnswererSuggestions.forRequest(record, request.getId(),
            at, AnswererWeights.DEFAULTS, Integer.MAX_VALUE);
        for (int limit : new int[] {1, 5}) {
          assertEquals(all.subList(0, Math.min(limit, all.size())),
              AnswererSuggestions.forRequest(record, request.getId(), at,
                  AnswererWeights.DEFAULTS, limit), request.getId().value());
        }
        compared[0]++;
      }

      @Override
      public void exchange(EngagementRecord record, Exchange exchange, Instant at,
          SiteId target, Map<SiteId, Integer> held) {
        List<HostSuggestion> all = HostSuggestions.forExchange(record, exchange.getId(), at,
            SuggestionEvaluation.defaultPolicy(), HostWeights.DEFAULTS, Integer.MAX_VALUE);
        assertEquals(all.subList(0, Math.min(3, all.size())), HostSuggestions.forExchange(
            record, exchange.getId(), at, SuggestionEvaluation.defaultPolicy(),
            HostWeights.DEFAULTS, 3), exchange.getId().value());
        compared[1]++;
      }
    });
    assertTrue(compared[0] > 100 && compared[1] > 20, compared[0] + " requests, " + compared[1]
        + " exchanges");
  }
}
