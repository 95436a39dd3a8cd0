package org.pcop.benchmarks;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.pcop.benchmarks.drools.Breach;
import org.pcop.model.event.ExchangeHeld;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.ExchangeScheduled;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiPosted;

/**
 * Prints what the national history of a given number of events holds: the events of each kind
 * with their share, and how many requests, approvals and follow-up reports were late or are
 * overdue at its end (from {@link TightPass}), and how many exchanges were held after their
 * scheduled days. The figures BENCHMARKS.md gives for the history come from here.
 */
public final class HistoryMix {
  private HistoryMix() {}

  /**
   * Prints the mix.
   *
   * @param args the number of events (default 1,000,000)
   */
  public static void main(String[] args) {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    NationalCommunity history = NationalCommunity.national(n);
    Map<String, Long> kinds = new TreeMap<>();
    Map<String, LocalDate> scheduledUntil = new HashMap<>();
    long total = 0;
    long rfis = 0;
    long exchanges = 0;
    long held = 0;
    long heldLate = 0;
    for (PcopEvent event : history) {
      total++;
      kinds.merge(event.getClass().getSimpleName().replace("Immutable", ""), 1L, Long::sum);
      if (event instanceof RfiPosted) {
        rfis++;
      } else if (event instanceof ExchangeRequested) {
        exchanges++;
      } else if (event instanceof ExchangeScheduled) {
        ExchangeScheduled scheduled = (ExchangeScheduled) event;
        scheduledUntil.put(scheduled.getExchange().value(),
            scheduled.getSchedule().getLastDay());
      } else if (event instanceof ExchangeHeld) {
        ExchangeHeld h = (ExchangeHeld) event;
        held++;
        LocalDate until = scheduledUntil.get(h.getExchange().value());
        if (until != null && h.getHeldOn().isAfter(until)) {
          heldLate++;
        }
      }
    }
    System.out.printf("%,d events%n", total);
    for (Map.Entry<String, Long> kind : kinds.entrySet()) {
      System.out.printf("%-24s %,10d %6.2f%%%n", kind.getKey(), kind.getValue(),
          100.0 * kind.getValue() / total);
    }
    TightPass.Result result = TightPass.evaluate(history, history.end(),
        NationalCommunity.COMMUNITY.getTimeZone());
    Map<String, Long> breaches = new TreeMap<>();
    for (Breach breach : result.breaches()) {
      breaches.merge(breach.obligation() + (breach.outstanding() ? " (outstanding)" : " (late)"),
          1L, Long::sum);
    }
    System.out.printf("requests for information %,d; exchanges requested %,d, held %,d, held"
        + " after their scheduled days %,d (%.1f%%)%n", rfis, exchanges, held, heldLate,
        held == 0 ? 0 : 100.0 * heldLate / held);
    for (Map.Entry<String, Long> breach : breaches.entrySet()) {
      long of = breach.getKey().startsWith("first") ? rfis
          : breach.getKey().startsWith("approval") ? exchanges : held;
      System.out.printf("breach %-40s %,8d  %5.1f%% of %,d%n", breach.getKey(), breach.getValue(),
          of == 0 ? 0 : 100.0 * breach.getValue() / of, of);
    }
    int[] levels = result.perLevel();
    System.out.printf("members at a level at the end: active %,d, contributor %,d, mentor %,d%n",
        levels[0], levels[1], levels[2]);
  }
}
