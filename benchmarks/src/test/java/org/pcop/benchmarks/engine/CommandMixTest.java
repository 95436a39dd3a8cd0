package org.pcop.benchmarks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcop.engine.CommandResult;
import org.pcop.engine.Pcop;
import org.pcop.model.activity.ExchangeState;
import org.pcop.spi.memory.InMemoryEventStore;

/**
 * The benchmark's command mix is work the engine accepts: every command of many cycles commits
 * (none is a retry or refused), each cycle appends the events it says, and exchanges end
 * documented, so the benchmark measures commands, not refusals.
 */
class CommandMixTest {
  @Test
  void manyCyclesCommitEveryCommandAndAppendTheirEvents() {
    CommandMix mix = new CommandMix("t-");
    try (Pcop pcop = mix.engine(InMemoryEventStore.create())) {
      mix.populate(pcop);
      long before = pcop.position();
      int cycles = 200; // more than a quarter of days, so hosts meet the capacity rule
      for (int c = 0; c < cycles; c++) {
        List<String> types = new ArrayList<>();
        for (int i = 0; i < CommandMix.CYCLE; i++) {
          CommandResult result = mix.next(pcop);
          assertFalse(result.retry(), "cycle " + c + " command " + i);
          types.addAll(result.eventTypes());
        }
        assertEquals(CommandMix.cycleTypes(), types, "cycle " + c);
      }
      assertEquals(before + (long) cycles * CommandMix.CYCLE, pcop.position());
      assertEquals(List.of(), pcop.openExchanges());
      assertEquals(List.of(), pcop.openRfis());
      assertEquals(cycles, pcop.exchanges(org.pcop.spi.HostUserId.of("u-coordinator")).stream()
          .filter(x -> x.getState() == ExchangeState.DOCUMENTED).count());
    }
  }
}
