package org.pcop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.EngagementRecord;

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
}
