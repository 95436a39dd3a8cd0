package org.pcop.benchmarks.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.model.event.PcopEvent;
import org.pcop.spi.EventData;

/** Batches carry pcop-io's NDJSON of real events, under event ids that never repeat. */
class EventBatchesTest {
  private static final NationalCommunity HISTORY = NationalCommunity.of(4, 30, 50, 60, 2_000);

  @Test
  void payloads_read_back_as_the_events_and_ids_never_repeat() throws Exception {
    EventBatches batches = EventBatches.of(HISTORY, 40, "x-");
    Set<String> ids = new HashSet<>();
    List<PcopEvent> firstForty = new java.util.ArrayList<>();
    HISTORY.forEach(e -> {
      if (firstForty.size() < 40) {
        firstForty.add(e);
      }
    });
    for (int round = 0; round < 3; round++) {
      List<EventData> batch = batches.next(40);
      for (int i = 0; i < batch.size(); i++) {
        EventData data = batch.get(i);
        assertTrue(ids.add(data.getEventId().value()), "repeated id " + data.getEventId());
        String line = new String(data.getPayload(), StandardCharsets.UTF_8);
        try (var events = EventLogFormat.create().reader(line).stream()) {
          PcopEvent read = events.findFirst().orElseThrow();
          assertEquals(firstForty.get(i), read);
          assertTrue(read.getClass().getSimpleName().endsWith(data.getType()), data.getType());
        }
      }
    }
    assertEquals(120, ids.size());
  }

  @Test
  void an_empty_history_is_refused_with_the_pool_size() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EventBatches.of(List.of(), 10, "x-"));
    assertTrue(e.getMessage().contains("pool of 10"), e.getMessage());
  }
}
