package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import org.junit.jupiter.api.Test;
import org.pcop.model.CaseReference;
import org.pcop.model.activity.Exchange;

class PcopCaseReferenceTest {
  private static final CaseReference CASE = CaseReference.of("cms-7731", "File 2026-CR-0042");

  @Test
  void notificationsAuditRecordsAndRedactedQueriesCarryOnlyTheHandle() {
    World world = new World();
    Pcop pcop = world.engine();
    world.populate(pcop);
    Exchange exchange = Exchange.builder().from(exchange("x-1")).addCaseReference(CASE).build();
    pcop.requestExchange(world.as(PAT), exchange);

    String notification = world.sink.getDelivered().get(0).toString();
    assertTrue(notification.contains("cms-7731"), notification);
    assertFalse(notification.contains("2026-CR-0042"), notification);
    world.audit.getRecords().forEach(r -> assertFalse(r.toString().contains("2026-CR-0042")));

    assertEquals("cms-7731", pcop.openExchanges(LEAD).get(0).getCaseReferences().get(0)
        .getLabel());
    world.access.authoriseCase(LEAD, "cms-7731");
    assertEquals(CASE, pcop.openExchanges(LEAD).get(0).getCaseReferences().get(0));
  }
}
