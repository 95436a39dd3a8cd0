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
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.engine.Pcop;
import org.pcop.io.ReadLimits;
import org.pcop.io.json.EventTypes;
import org.pcop.io.json.PcopJsonModule;
import org.pcop.model.event.PcopEvent;
import org.pcop.samples.jdbcstore.JdbcEventStore;
import org.pcop.samples.jdbcstore.JdbcSnapshotStore;
import org.pcop.spi.EventData;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.SnapshotStore;
import org.pcop.spi.StreamId;

/**
 * An engine over the sample {@link JdbcEventStore} on an H2 file database holding the national
 * history in the community's stream, in whatever heap the JVM was given (the goal: the
 * 5,000,000-event history in {@code -Xmx512m}). Arguments: the number of events and a folder
 * for the database; the first run fills the database (batches of 10,000: each append forces
 * the database to disk, and smaller batches make filling a large history take hours), later
 * runs reuse it, and a run after a fill was stopped appends the rest. Options after them:
 * {@code fill} stops there; {@code snapshots} gives the engine a {@link JdbcSnapshotStore} on
 * the same database, so a run writes a snapshot when it closes and the next starts from it;
 * {@code no-evaluation} closes the engine once started.
 * It prints the start time, the used heap after a full collection
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
      long stored = stored(store, stream, events);
      if (stored < events) {
        long start = System.nanoTime();
        fill(store, stream, events, stored);
        System.out.printf("filled the database with %,d events (%,d were stored) in %,d s%n",
            events, stored, (System.nanoTime() - start) / 1_000_000_000L);
      }
      List<String> options = List.of(args).subList(2, args.length);
      if (options.contains("fill")) {
        return;
      }
      System.out.printf("max heap %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
      Optional<SnapshotStore> snapshots = options.contains("snapshots")
          ? Optional.of(JdbcSnapshotStore.open(h2)) : Optional.empty();
      long start = System.nanoTime();
      Pcop pcop = EngineHistory.engine(store, snapshots);
      try {
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("engine start %,d ms, position %,d, used heap %,d MB%n", millis,
            pcop.position(), used() >> 20);
        if (!options.contains("no-evaluation")) {
          start = System.nanoTime();
          int results = pcop.evaluation().getResults().size();
          millis = (System.nanoTime() - start) / 1_000_000;
          System.out.printf("first evaluation %,d ms (%,d results), used heap %,d MB%n", millis,
              results, used() >> 20);
        }
      } finally {
        start = System.nanoTime();
        pcop.close();
        if (snapshots.isPresent()) {
          System.out.printf("closed, writing a snapshot, in %,d ms%n",
              (System.nanoTime() - start) / 1_000_000);
        }
      }
    }
  }

  /**
   * How many of the history's events the stream holds: a fill that was stopped leaves a prefix
   * (each batch is one transaction), found by a binary search of one-event reads.
   */
  private static long stored(JdbcEventStore store, StreamId stream, long events) {
    long low = 0; // versions up to low are stored
    long high = events + 1; // versions from high are not
    while (high - low > 1) {
      long middle = (low + high) >>> 1;
      if (store.readStream(stream, middle - 1, 1).isEmpty()) {
        high = middle;
      } else {
        low = middle;
      }
    }
    return low;
  }

  /**
   * Appends the history's events after the first {@code stored} (the history is generated the
   * same way every time), each batch at the exact version after the last, which the store checks
   * with one index lookup where {@code any()} would read the stream's last version.
   */
  private static void fill(JdbcEventStore store, StreamId stream, long events, long stored)
      throws JsonProcessingException {
    ObjectMapper mapper = PcopJsonModule.strictMapper(ReadLimits.defaults());
    List<EventData> batch = new ArrayList<>(BATCH);
    long version = stored;
    long skipped = 0;
    for (PcopEvent event : NationalCommunity.national(events)) {
      if (skipped < stored) {
        skipped++;
        continue;
      }
      batch.add(EventData.json(event.getEventId(), EventTypes.nameOf(event),
          mapper.writeValueAsString(event)));
      if (batch.size() == BATCH) {
        version = append(store, stream, version, batch);
        batch = new ArrayList<>(BATCH);
      }
    }
    if (!batch.isEmpty()) {
      append(store, stream, version, batch);
    }
  }

  private static long append(JdbcEventStore store, StreamId stream, long version,
      List<EventData> batch) {
    return store.append(stream, version == 0 ? ExpectedVersion.noStream()
        : ExpectedVersion.exactly(version), batch).getLastVersion();
  }

  private static long used() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
