package org.pcop.samples.cli.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.memory.InMemoryEventStore;

/** Runs the start of a plan through the engine over an in-memory store, for tests. */
public final class EngineLogs {
  private EngineLogs() {}

  /**
   * What the engine stores for the first {@code commands} commands of a plan.
   *
   * @param plan the plan
   * @param commands how many commands to issue
   * @return the stored events in log order
   */
  public static List<RecordedEvent> firstCommands(YearSimulation plan, long commands) {
    InMemoryEventStore store = InMemoryEventStore.create();
    EngineSimulation.over(plan, store).run(Set.of(), commands, n -> { });
    List<RecordedEvent> events = new ArrayList<>();
    List<RecordedEvent> page;
    while (!(page = store.readAll(events.size(), 1000)).isEmpty()) {
      events.addAll(page);
    }
    return events;
  }
}
