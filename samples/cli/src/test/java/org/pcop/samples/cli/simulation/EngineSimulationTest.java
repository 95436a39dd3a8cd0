package org.pcop.samples.cli.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pcop.engine.CommandRefusedException;
import org.pcop.spi.memory.InMemoryEventStore;

class EngineSimulationTest {
  @Test
  void aRefusalStopsTheRunNamingTheStepAndNothingOfItIsStored() {
    InMemoryEventStore store = InMemoryEventStore.create();
    EngineSimulation.over(YearSimulation.plan(7, 2022), store).run(Set.of(), 900, n -> { });
    long stored = store.readAll(0, 100_000).size();
    // Another plan over the same community repeats what is already there (the same people and
    // the same activity ids): the engine refuses, and the run must not pass over it.
    EngineSimulation other = EngineSimulation.over(YearSimulation.plan(8, 2022), store);

    SimulationException e = assertThrows(SimulationException.class,
        () -> other.run(Set.of(), Long.MAX_VALUE, n -> { }));

    assertTrue(e.getMessage().matches("step \\d+ of the plan \\(request demo-8-2022-\\d+(-r)?\\)"
        + " was refused: .+ refused \\((RULE|INVALID)\\): .+"), e.getMessage());
    assertTrue(e.getCause() instanceof CommandRefusedException, e.toString());
    long after = store.readAll(0, 100_000).size();
    assertTrue(after >= stored);
    assertFalse(store.readAll(0, 100_000).stream().anyMatch(r -> e.getMessage().contains(
        "(request " + r.getEvent().getMetadata().get("requestId") + ")")),
        "the refused command stored nothing");
  }

  @Test
  void aFinishedRunIsAcknowledgedWholeByTheNextOne() {
    InMemoryEventStore store = InMemoryEventStore.create();
    YearSimulation plan = YearSimulation.plan(5, 2022);
    EngineSimulation.Outcome first = EngineSimulation.over(plan, store)
        .run(Set.of(), 700, n -> { });
    Set<String> requestIds = new java.util.LinkedHashSet<>();
    store.readAll(0, 100_000).forEach(r ->
        requestIds.add(r.getEvent().getMetadata().get("requestId")));
    long stored = store.readAll(0, 100_000).size();

    EngineSimulation.Outcome again = EngineSimulation.over(plan, store)
        .run(requestIds, first.commands(), n -> { });

    assertEquals(requestIds.size(), again.retries());
    assertEquals(0, again.eventsAppended());
    assertEquals(stored, store.readAll(0, 100_000).size());
  }
}
