package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pcop.model.AgencyId;
import org.pcop.model.ExchangeId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.SiteId;
import org.pcop.rules.HostSuggestion;

/** The engine ranks host sites for a requested exchange under its rule set's exchange policy. */
class PcopSuggestHostsTest {
  private static final SiteId MEM = SiteId.of("s-mem");
  private static final AgencyId A_MEM = AgencyId.of("a-mem");

  @Test
  void aSiteAtTheDefaultPolicysCapacityRanksBelowOneWithRoom() {
    World world = new World();
    Pcop pcop = world.engine();
    world.populate(pcop);
    pcop.registerSite(world.as(ADMIN), site(MEM));
    pcop.registerAgency(world.as(ADMIN), agency(A_MEM, MEM));
    pcop.requestExchange(world.as(PAT), exchange("x-1"));
    pcop.requestExchange(world.as(PAT), exchange("x-2"));
    pcop.requestExchange(world.as(PAT), org.pcop.model.activity.Exchange.builder()
        .from(exchange("x-3")).hostAgency(A_MEM).hostSite(MEM).build());
    int audited = world.audit.getRecords().size();

    List<HostSuggestion> ranked = pcop.suggestHosts(ExchangeId.of("x-3"), LEAD, 5);
    assertEquals(List.of(MEM, KC), ranked.stream().map(HostSuggestion::site)
        .collect(Collectors.toList()), "the visitors' site is left out: " + ranked);
    assertTrue(ranked.get(1).explanation().contains("already hosts 2 of 2 exchanges"),
        ranked.get(1).explanation());
    assertEquals(audited, world.audit.getRecords().size(), "a query is not audited");
    InvalidValueException unknown = assertThrows(InvalidValueException.class,
        () -> pcop.suggestHosts(ExchangeId.of("x-none"), LEAD, 5));
    assertTrue(unknown.getMessage().contains("x-none"), unknown.getMessage());
  }
}
