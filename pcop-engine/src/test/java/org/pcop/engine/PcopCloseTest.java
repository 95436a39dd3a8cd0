package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pcop.model.ExchangeId;
import org.pcop.model.RfiId;
import org.pcop.spi.Notification;

class PcopCloseTest {
  private final World world = new World();
  private final Pcop pcop = world.engine();

  private List<String> kept() {
    return world.sink.getDelivered().stream().map(Notification::getId)
        .collect(Collectors.toList());
  }

  @Test
  void closeFlushesTheOutboxOnce() {
    world.populate(pcop);
    world.sink.failNext(3);
    pcop.requestExchange(CommandContext.of(PAT, "ask-x-1"), exchange("x-1"));
    assertEquals(List.of(), kept());
    pcop.close();
    assertEquals(List.of("n-ask-x-1.0"), kept());
  }

  @Test
  void aNotificationStillRefusedAtCloseIsDeliveredByTheNextEngine() {
    world.populate(pcop);
    world.sink.failNext(6);
    pcop.requestExchange(CommandContext.of(PAT, "ask-x-1"), exchange("x-1"));
    pcop.close();
    assertEquals(List.of(), kept());
    world.engine();
    assertEquals(List.of("n-ask-x-1.0"), kept());
  }

  @Test
  void aClosedEngineRefusesCommandsQueriesAndFlushesWithAClearError() {
    world.populate(pcop);
    pcop.close();
    List<Executable> calls = List.of(
        () -> pcop.requestExchange(world.as(PAT), exchange("x-1")),
        () -> pcop.enrolMember(world.as(ADMIN), member(M_PAT, A_STL)),
        () -> pcop.resolveCaseReference(world.as(LEAD), "cms-7731"),
        () -> pcop.roster(),
        () -> pcop.openExchanges(),
        () -> pcop.exchanges(LEAD),
        () -> pcop.exchange(ExchangeId.of("x-1"), LEAD),
        () -> pcop.rfi(RfiId.of("q-1")),
        () -> pcop.history(M_PAT, LEAD),
        () -> pcop.evaluation(),
        () -> pcop.flushNotifications());
    for (Executable call : calls) {
      IllegalStateException closed = assertThrows(IllegalStateException.class, call);
      assertTrue(closed.getMessage().contains("Pcop engine of community pcop is closed"),
          closed.getMessage());
    }
    int audited = world.audit.getRecords().size();
    long stored = world.memoryStore.readAll(0, 1000).size();
    pcop.close();
    assertEquals(audited, world.audit.getRecords().size(), "a refused call is not a command");
    assertEquals(stored, world.memoryStore.readAll(0, 1000).size());
  }

  @Test
  void anEngineWorksInTryWithResources() {
    try (Pcop scoped = world.engine()) {
      world.populate(scoped);
      assertEquals(3, scoped.roster().size());
    }
    assertEquals(3, world.engine().roster().size());
  }
}
