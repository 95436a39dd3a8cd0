package org.pcop.benchmarks.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.engine.Pcop;
import org.pcop.io.ReadLimits;
import org.pcop.io.json.EventTypes;
import org.pcop.io.json.PcopJsonModule;
import org.pcop.model.event.PcopEvent;
import org.pcop.samples.jdbcstore.JdbcEventStore;
import org.pcop.spi.EventData;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.StreamId;

/**
 * An engine over the sample {@link JdbcEventStore} on an H2 file database holding the national
 * history in the community's stream, in whatever heap the JVM was given (the goal: the
 * 5,000,000-event history in {@code -Xmx512m}). Arguments: the number of events and a folder
 * for the database; the first run fills the database (batches of 10,000: each append forces
 * the database to disk, and smaller batches make filling a large history take hours), later
 * runs reuse it. It prints the start time, the used heap after a full collection
 * once started, and the same after the first evaluation; an {@code OutOfMemoryError} is the
 * answer that the heap was too small.
 */
public final class EngineOverJdbc {
  private static final int BATCH = 10_000;

  private EngineOverJdbc() {}

  /**
   * Fills the database if needed, starts the engine and prints.
   *
   * @param args the number of events and the database folder
   * @throws Exception if the database fails
   */
  public static void main(String[] args) throws Exception {
    long events = Long.parseLong(args[0]);
    Path folder = Path.of(args[1]);
    Files.createDirectories(folder);
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + folder.resolve("events").toAbsolutePath());
    h2.setUser("sa");
    try (Connection keepOpen = h2.getConnection()) {
      JdbcEventStore store = JdbcEventStore.open(h2);
      StreamId stream = StreamId.of("pcop-" + NationalCommunity.COMMUNITY.getId());
      if (store.readStream(stream, 0, 1).isEmpty()) {
        long start = System.nanoTime();
        fill(store, stream, events);
        System.out.printf("filled the database with %,d events in %,d s%n", events,
            (System.nanoTime() - start) / 1_000_000_000L);
      }
      System.out.printf("max heap %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
      long start = System.nanoTime();
      try (Pcop pcop = EngineHistory.engine(store)) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("engine start %,d ms, position %,d, used heap %,d MB%n", millis,
            pcop.position(), used() >> 20);
        start = System.nanoTime();
        int results = pcop.evaluation().getResults().size();
        millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("first evaluation %,d ms (%,d results), used heap %,d MB%n", millis,
            results, used() >> 20);
      }
    }
  }

  private static void fill(JdbcEventStore store, StreamId stream, long events)
      throws JsonProcessingException {
    ObjectMapper mapper = PcopJsonModule.strictMapper(ReadLimits.defaults());
    List<EventData> batch = new ArrayList<>(BATCH);
    for (PcopEvent event : NationalCommunity.national(events)) {
      batch.add(EventData.json(event.getEventId(), EventTypes.nameOf(event),
          mapper.writeValueAsString(event)));
      if (batch.size() == BATCH) {
        store.append(stream, ExpectedVersion.any(), batch);
        batch = new ArrayList<>(BATCH);
      }
    }
    if (!batch.isEmpty()) {
      store.append(stream, ExpectedVersion.any(), batch);
    }
  }

  private static long used() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
