package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcop.engine.CommandRefusedException.Reason;
import org.pcop.model.ExchangeId;
import org.pcop.model.activity.ApproverRole;

/**
 * The exchange commands refuse a suspended requester through the last day of the suspension,
 * under the default rule set's exchange policy, as its rule results do: a new request and the
 * approval of a pending one are refused, nothing is appended, and both go through once the
 * member is reinstated.
 */
class PcopSuspendedRequesterTest {
  private final World world = new World();
  private final Pcop pcop = world.engine();

  @Test
  void aSuspendedMemberCannotRequestAnExchangeNorHaveOneApprovedUntilReinstated() {
    world.populate(pcop);
    pcop.requestExchange(world.as(PAT), exchange("x-1"));
    pcop.suspendMember(world.as(ADMIN), M_PAT, "Shared a document marked internal.",
        LocalDate.of(2026, 6, 30));
    long before = world.memoryStore.readAll(0, 10_000).size();

    CommandRefusedException refused = assertThrows(CommandRefusedException.class,
        () -> pcop.requestExchange(world.as(PAT), exchange("x-2")));
    assertEquals(Reason.RULE, refused.getReason(), refused.getMessage());
    assertEquals(List.of("exchange policy exchange-policy: the requester m-pat is suspended"
        + " through 2026-06-30"), refused.getProblems());
    CommandRefusedException approval = assertThrows(CommandRefusedException.class,
        () -> pcop.approveExchange(world.as(ADVISOR), ExchangeId.of("x-1"),
            ApproverRole.PROGRAM_ADVISOR));
    assertTrue(approval.getMessage().contains("m-pat is suspended"), approval.getMessage());
    assertEquals(before, world.memoryStore.readAll(0, 10_000).size(), "nothing is appended");
    assertEquals(1, pcop.openExchanges().size());

    pcop.reinstateMember(world.as(ADMIN), M_PAT, "Review closed.");
    pcop.approveExchange(world.as(ADVISOR), ExchangeId.of("x-1"), ApproverRole.PROGRAM_ADVISOR);
    pcop.requestExchange(world.as(PAT), exchange("x-2"));
    assertEquals(2, pcop.openExchanges().size());
  }

  @Test
  void aSuspensionIsExtendedBySuspendingAgainAndAnIdenticalOneIsRefusedSayingWhatToDo() {
    world.populate(pcop);
    pcop.suspendMember(world.as(ADMIN), M_PAT, "Shared a document marked internal.",
        LocalDate.of(2026, 6, 30));
    pcop.suspendMember(world.as(ADMIN), M_PAT, "Shared a document marked internal.",
        LocalDate.of(2026, 7, 31));
    CommandRefusedException refused = assertThrows(CommandRefusedException.class,
        () -> pcop.requestExchange(world.as(PAT), exchange("x-2")));
    assertEquals(List.of("exchange policy exchange-policy: the requester m-pat is suspended"
        + " through 2026-07-31"), refused.getProblems());
    long before = world.memoryStore.readAll(0, 10_000).size();
    CommandRefusedException repeated = assertThrows(CommandRefusedException.class,
        () -> pcop.suspendMember(world.as(ADMIN), M_PAT, "Shared a document marked internal.",
            LocalDate.of(2026, 7, 31)));
    assertEquals(List.of("member m-pat is already suspended until 2026-07-31 for that reason;"
        + " give another end date or reason to update the suspension, or reinstate the member"
        + " to end it"), repeated.getProblems());
    assertEquals(before, world.memoryStore.readAll(0, 10_000).size(), "nothing is appended");
  }
}
