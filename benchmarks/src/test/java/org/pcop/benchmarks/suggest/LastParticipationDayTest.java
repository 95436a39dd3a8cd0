package org.pcop.benchmarks.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.rules.EngagementRecord;

/**
 * The dormancy factor reads a member's last participation day straight from the record's log;
 * on a generated history it is the day the participation days map gives, for every member and
 * for days before, inside and after their participations.
 */
class LastParticipationDayTest {
  @Test
  void theLastParticipationDayIsTheFloorOfTheParticipationDays() {
    NationalCommunity history = NationalCommunity.of(6, 40, 200, 900, 30_000);
    EngagementRecord record = EngagementRecord.of(NationalCommunity.COMMUNITY);
    history.forEach(record::apply);
    CommunityId community = NationalCommunity.COMMUNITY.getId();
    int compared = 0;
    for (int m = 0; m < 210; m++) {
      MemberId member = MemberId.of("m-" + m);
      var days = record.participationDays(member, community);
      for (LocalDate day = NationalCommunity.START.minusDays(3);
          day.isBefore(NationalCommunity.START.plusDays(903)); day = day.plusDays(17)) {
        assertEquals(Optional.ofNullable(days.floorKey(day)),
            record.lastParticipationDay(member, community, day), member + " on " + day);
        compared += days.isEmpty() ? 0 : 1;
      }
    }
    assertEquals(true, compared > 1_000, "members with participations were compared");
  }
}
