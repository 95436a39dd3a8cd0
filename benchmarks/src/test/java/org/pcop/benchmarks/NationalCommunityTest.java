package org.pcop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pcop.model.AgencyId;
import org.pcop.model.SiteId;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.EngagementRecord;
import org.pcop.model.taxonomy.CoreAreaId;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated history is the same every time, has exactly the events asked for, holds every
 * kind of event a community has, and is one the rules' record accepts event by event.
 */
class NationalCommunityTest {
  private static final NationalCommunity HISTORY = NationalCommunity.of(6, 40, 200, 900, 30_000);

  @Test
  void the_same_arguments_give_the_same_events_and_exactly_as_many_as_asked() {
    List<PcopEvent> first = new ArrayList<>();
    HISTORY.forEach(first::add);
    List<PcopEvent> second = new ArrayList<>();
    HISTORY.forEach(second::add);
    assertEquals(30_000, first.size());
    assertEquals(first, second);
  }

  @Test
  void the_history_has_every_kind_and_the_record_accepts_it() {
    Set<String> kinds = new TreeSet<>();
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    for (PcopEvent event : HISTORY) {
      kinds.add(event.getClass().getSimpleName().replace("Immutable", ""));
      record.apply(event);
    }
    assertEquals(new TreeSet<>(Set.of("ActivityRecorded", "AgencyRegistered",
        "ConductFlagRecorded", "EngagementLevelChanged", "ExchangeApproved", "ExchangeCancelled",
        "ExchangeDeclined", "ExchangeDocumented", "ExchangeHeld", "ExchangeRequested",
        "ExchangeScheduled", "MemberDeactivated", "MemberEnrolled", "MembershipChanged",
        "ParticipationRecorded", "RfiAccepted", "RfiAnswered", "RfiClosed", "RfiPosted",
        "SiteRegistered", "TaxonomyChanged")), kinds);
  }

  @Test
  void the_host_chances_are_the_documented_process() {
    NationalCommunity twenty = NationalCommunity.of(20, 400, 3_000, 1_826, 10_000);
    // Gun violence is core area 0: sites 0, 5, 8, 13 and 16 are strong in it (s mod 8 = 0 or
    // 3s + 1 mod 8 = 0).
    CoreAreaId gunViolence = CoreAreaId.of("gun-violence");
    Map<SiteId, Double> none = twenty.hostChances(gunViolence, Optional.empty());
    assertEquals(20, none.size());
    assertEquals(0.6 / 5 + 0.4 / 20, none.get(SiteId.of("s-5")), 1e-12);
    assertEquals(0.4 / 20, none.get(SiteId.of("s-1")), 1e-12);
    Map<SiteId, Double> back = twenty.hostChances(gunViolence, Optional.of(SiteId.of("s-1")));
    assertEquals(0.2 + 0.2 / 20, back.get(SiteId.of("s-1")), 1e-12);
    assertEquals(0.6 / 5 + 0.2 / 20, back.get(SiteId.of("s-0")), 1e-12);
    assertEquals(1.0, back.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
  }

  @Test
  void the_history_draws_its_hosts_by_those_chances() {
    NationalCommunity twenty = NationalCommunity.of(20, 400, 3_000, 1_826, 60_000, 2_021);
    Map<AgencyId, SiteId> last = new HashMap<>();
    double drawn = 0;
    double expected = 0;
    int exchanges = 0;
    for (PcopEvent event : twenty) {
      if (event instanceof ExchangeRequested requested) {
        var exchange = requested.getExchange();
        AgencyId visitor = exchange.getVisitingAgencies().iterator().next();
        Map<SiteId, Double> chances = twenty.hostChances(
            exchange.getCoreAreas().iterator().next(), Optional.ofNullable(last.get(visitor)));
        drawn += chances.get(exchange.getHostSite());
        expected += chances.values().stream().mapToDouble(p -> p * p).sum();
        exchanges++;
        last.put(visitor, exchange.getHostSite());
      }
    }
    // Sites drawn by these chances have on average the chance sum(p * p); drawn by other
    // chances (say evenly, 1 in 20) they would have a lower one.
    assertTrue(exchanges > 200, "exchanges: " + exchanges);
    assertEquals(expected / exchanges, drawn / exchanges, 0.02,
        "mean chance of the host drawn against its expectation");
    assertTrue(drawn / exchanges > 0.09, "mean chance of the host drawn: " + drawn / exchanges);
  }
}
