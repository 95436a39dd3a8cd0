package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pcop.engine.World.*;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pcop.model.ActivityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.MemberId;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;

/**
 * An engine started over a store answers every query and evaluation as the engine that wrote it:
 * the replay (the record first, the evaluator when first asked) loses nothing.
 */
class PcopRestartTest {
  @Test
  void aRestartedEngineAnswersAsTheOneThatWroteTheLog() {
    World world = new World();
    MovingClock clock = new MovingClock();
    Pcop first = world.engine(world.store, clock);
    world.populate(first);
    for (int week = 0; week < 4; week++) {
      Instant starts = NOW.plus(Duration.ofDays(1 + 7L * week));
      clock.set(starts.minus(Duration.ofDays(1)));
      first.recordActivity(world.as(ADMIN), Activity.builder().id(ActivityId.of("call-" + week))
          .community(PCOP).kind(ActivityKind.MEETING).title("Monthly call " + week)
          .startsAt(starts).endsAt(starts.plus(Duration.ofHours(1))).build());
      clock.set(starts);
      first.recordParticipation(world.as(PAT), Participation.of(ActivityId.of("call-" + week),
          M_PAT, ParticipationKind.ATTENDED, starts));
    }
    first.requestExchange(world.as(PAT), exchange("x-1"));
    first.approveExchange(world.as(ADVISOR), ExchangeId.of("x-1"), ApproverRole.PROGRAM_ADVISOR);
    first.postRfi(world.as(PAT), rfi("q-1"));
    first.answerRfi(world.as(LEAD), RfiId.of("q-1"), ResponseId.of("a-1"), "Daily triage.");
    first.lockLevel(world.as(ADMIN), M_LEAD, "active");
    first.raiseConductFlag(world.as(ADMIN), M_ADVISOR, null);
    clock.advance(Duration.ofDays(30));
    first.applyRuleResults(world.as(ADMIN));
    clock.advance(Duration.ofDays(3));

    Pcop second = world.engine(world.store, clock);
    assertEquals(first.evaluation().getResults(), second.evaluation().getResults());
    assertEquals(first.roster(), second.roster());
    assertEquals(first.openExchanges(), second.openExchanges());
    assertEquals(first.openRfis(), second.openRfis());
    for (MemberId member : new MemberId[] {M_PAT, M_LEAD, M_ADVISOR, M_ADMIN}) {
      assertEquals(first.history(member), second.history(member), member.toString());
    }
    assertEquals(first.position(), second.position());
    assertEquals(first.refusedEvents(), second.refusedEvents());
  }
}
