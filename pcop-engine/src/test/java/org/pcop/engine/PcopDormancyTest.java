package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pcop.model.MembershipStatus;
import org.pcop.spi.Notification;

class PcopDormancyTest {
  @Test
  void membersWithoutParticipationBecomeDormantAndTheirSiteLeadHears() {
    World world = new World();
    world.populate(world.engine());
    assertTrue(world.engine().applyDormancy(world.as(ADMIN)).events().isEmpty());

    Clock later = Clock.fixed(NOW.plus(Duration.ofDays(200)), ZoneOffset.UTC);
    Pcop pcop = world.engine(world.store, later);
    CommandResult result = pcop.applyDormancy(world.as(ADMIN));
    assertEquals(3, result.events().size());
    assertTrue(pcop.roster().stream().allMatch(m -> m.getStatus() == MembershipStatus.DORMANT));
    Notification toLead = world.sink.getDelivered().stream()
        .filter(n -> n.getText().contains("m-advisor")).findFirst().orElseThrow();
    assertEquals("membership.dormant", toLead.getKind());
    assertEquals(Set.of(M_LEAD), toLead.getRecipients());
    assertTrue(pcop.applyDormancy(world.as(ADMIN)).events().isEmpty());
  }
}
