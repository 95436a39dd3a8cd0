package org.pcop.samples.jdbcstore;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pcop.model.event.EventId;
import org.pcop.spi.EventData;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.StreamId;

/**
 * The child process of {@link H2KillTest}: appends batches of one to five events to a few
 * streams of an H2 file database through {@link JdbcEventStore}, forever, and prints the event
 * ids of each batch on one line as soon as its append returns, for the parent to kill it at any
 * point.
 */
public final class AppendUntilKilled {
  private AppendUntilKilled() {}

  /**
   * Appends until killed.
   *
   * @param args the database file (without {@code .mv.db}), the run number and a seed
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    DriverDataSource database = new DriverDataSource("jdbc:h2:file:" + args[0]
        + ";DB_CLOSE_DELAY=-1", "sa", "");
    JdbcEventStore store = JdbcEventStore.open(database);
    String run = args[1];
    Random random = new Random(Long.parseLong(args[2]));
    out.println("open");
    out.flush();
    for (int batchNumber = 0; ; batchNumber++) {
      int size = 1 + random.nextInt(5);
      List<EventData> batch = new ArrayList<>();
      StringBuilder line = new StringBuilder("acked");
      for (int i = 0; i < size; i++) {
        String id = "r" + run + "-b" + batchNumber + "-" + i;
        batch.add(EventData.json(EventId.of(id), "pcop.Test/1", "{\"id\":\"" + id + "\"}"));
        line.append(' ').append(id);
      }
      store.append(StreamId.of("run-" + run + "-s" + random.nextInt(3)), ExpectedVersion.any(),
          batch);
      out.println(line);
      out.flush();
    }
  }
}
