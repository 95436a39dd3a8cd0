package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcop.model.MemberId;
import org.pcop.engine.CommandRefusedException.Reason;

class PcopDirectoryTest {
  private static final MemberId M_NEW = MemberId.of("m-new");

  @Test
  void syncEnrolsNewPeopleAndDeactivatesThoseWhoLeftKeepingHistory() {
    World world = new World();
    Pcop pcop = world.engine();
    world.populate(pcop);
    world.directory.put(member(M_NEW, A_KC));
    world.directory.put(member(M_PAT, A_STL));
    CommandResult first = pcop.syncDirectory(world.as(ADMIN));
    assertEquals(List.of("member-enrolled"), first.eventTypes());
    assertTrue(pcop.member(M_NEW).isPresent());

    assertTrue(pcop.syncDirectory(world.as(ADMIN)).events().isEmpty());

    world.directory.deactivate(M_PAT);
    Pcop restarted = world.engine();
    CommandResult second = restarted.syncDirectory(world.as(ADMIN));
    assertEquals(List.of("member-deactivated"), second.eventTypes());
    assertTrue(restarted.isDeactivated(M_PAT));
    assertTrue(pcop.isDeactivated(M_PAT));
    assertFalse(restarted.history(M_PAT).isEmpty());
    assertTrue(restarted.member(M_PAT).isPresent());
  }

  @Test
  void syncIsDeniedToUsersWithoutTheGrant() {
    World world = new World();
    Pcop pcop = world.engine();
    world.identities.map(STRANGER, M_NEW);
    assertEquals(Reason.DENIED, assertThrows(CommandRefusedException.class,
        () -> pcop.syncDirectory(world.as(STRANGER))).getReason());
  }
}
