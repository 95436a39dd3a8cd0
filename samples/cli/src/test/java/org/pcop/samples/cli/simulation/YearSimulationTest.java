package org.pcop.samples.cli.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcop.model.ExchangeId;
import org.pcop.model.activity.Exchange;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.ExchangeScheduled;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.samples.cli.community.DemoCommunity;

class YearSimulationTest {
  private static List<PcopEvent> planned(YearSimulation plan) {
    List<YearSimulation.Step> steps = plan.steps();
    return steps.stream().filter(YearSimulation.Action.class::isInstance)
        .map(s -> ((YearSimulation.Action) s).event().apply(plan.eventId(1))).toList();
  }

  /** The engine refuses exchanges beyond the default exchange policy; the plan stays within it. */
  @Test
  void plannedExchangesKeepToTheDefaultExchangePolicy() {
    int exchanges = 0;
    for (long seed = 1; seed <= 12; seed++) {
      for (int year : new int[] {2021, 2022, 2023}) {
        Map<ExchangeId, Exchange> requested = new HashMap<>();
        Map<ExchangeId, LocalDate> firstDays = new HashMap<>();
        for (PcopEvent event : planned(YearSimulation.plan(seed, year))) {
          if (event instanceof ExchangeRequested r) {
            requested.put(r.getExchange().getId(), r.getExchange());
          } else if (event instanceof ExchangeScheduled s) {
            firstDays.put(s.getExchange(), s.getSchedule().getFirstDay());
          }
        }
        Map<String, Integer> perQuarter = new HashMap<>();
        Map<String, BigDecimal> perFiscalYear = new HashMap<>();
        for (Exchange x : requested.values()) {
          LocalDate asked = LocalDate.ofInstant(x.getRequestedAt(), DemoCommunity.ZONE);
          LocalDate first = firstDays.getOrDefault(x.getId(), asked);
          perQuarter.merge(x.getHostSite() + " " + CalendarPeriod.QUARTER.start(first), 1,
              Integer::sum);
          perFiscalYear.merge(x.getHostSite() + " " + CalendarPeriod.fiscalYear(asked),
              x.getTravelFunding().orElse(BigDecimal.ZERO), BigDecimal::add);
        }
        String where = "seed " + seed + ", year " + year;
        perQuarter.forEach((key, count) -> assertTrue(count <= 2,
            () -> where + ": " + key + " hosts " + count + " exchanges"));
        perFiscalYear.forEach((key, sum) -> assertTrue(sum.compareTo(new BigDecimal("25000"))
            <= 0, () -> where + ": " + key + " is funded " + sum));
        exchanges += requested.size();
      }
    }
    assertTrue(exchanges > 300, "the plans have exchanges to check: " + exchanges);
  }
}
