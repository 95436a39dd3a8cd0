package org.pcop.benchmarks.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pcop.io.CaseLabels;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.io.eventlog.EventLogWriter;
import org.pcop.model.event.EventId;
import org.pcop.model.event.PcopEvent;
import org.pcop.spi.EventData;
import org.pcop.spi.PayloadFormat;

/**
 * Batches of events to append: the payloads are generated events as pcop-io writes them (one
 * NDJSON line each), taken in turn from a pool; every event of every batch gets a new event id,
 * so batches can be appended to one table for as long as a benchmark runs. Not thread-safe.
 */
public final class EventBatches {
  private final List<EventData> pool;
  private final String prefix;
  private long next;

  private EventBatches(List<EventData> pool, String prefix) {
    this.pool = pool;
    this.prefix = prefix;
  }

  /**
   * A pool of the first {@code poolSize} events of a history.
   *
   * @param events the history
   * @param poolSize how many events the pool keeps, 1 or more
   * @param prefix the start of every event id handed out, so that two sources never clash
   * @return the batches
   * @throws IllegalArgumentException if the pool would be empty
   */
  public static EventBatches of(Iterable<PcopEvent> events, int poolSize, String prefix) {
    List<PcopEvent> taken = new ArrayList<>();
    for (PcopEvent event : events) {
      if (taken.size() == poolSize) {
        break;
      }
      taken.add(event);
    }
    if (taken.isEmpty()) {
      throw new IllegalArgumentException("EventBatches.of: the history gave no events for a pool"
          + " of " + poolSize);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EventLogWriter writer = EventLogFormat.create().writer(out, CaseLabels.INCLUDED)) {
      writer.writeAll(taken);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the events as NDJSON", e);
    }
    byte[] all = out.toByteArray();
    List<EventData> pool = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        PcopEvent event = taken.get(pool.size());
        pool.add(EventData.builder().eventId(event.getEventId()).type(typeOf(event))
            .format(PayloadFormat.JSON).payload(Arrays.copyOfRange(all, start, i)).build());
        start = i + 1;
      }
    }
    return new EventBatches(List.copyOf(pool), prefix);
  }

  private static String typeOf(PcopEvent event) {
    for (Class<?> type : event.getClass().getInterfaces()) {
      if (PcopEvent.class.isAssignableFrom(type)) {
        return type.getSimpleName();
      }
    }
    return event.getClass().getSimpleName();
  }

  /**
   * The next batch: the next events of the pool, each with a new event id.
   *
   * @param size how many events, 1 or more
   * @return the batch
   */
  public List<EventData> next(int size) {
    List<EventData> batch = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      long n = next++;
      EventData template = pool.get((int) (n % pool.size()));
      batch.add(EventData.builder().from(template).eventId(EventId.of(prefix + n)).build());
    }
    return batch;
  }
}
