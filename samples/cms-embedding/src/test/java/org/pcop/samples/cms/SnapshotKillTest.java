package org.pcop.samples.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.engine.Pcop;
import org.pcop.samples.jdbcstore.JdbcEventStore;
import org.pcop.samples.jdbcstore.JdbcSnapshotStore;
import org.pcop.spi.AppendResult;
import org.pcop.spi.EventData;
import org.pcop.spi.EventStore;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.Snapshot;
import org.pcop.spi.StreamId;

/**
 * Snapshots as a crash sees them: a child JVM runs commands through an engine that writes a
 * snapshot every one to five events to an H2 file database and is killed with SIGKILL at a random
 * moment (after a random number of commands, then a random pause, so that many kills strike
 * while a snapshot is being written), many times over the same file. After every kill, an engine
 * started over the database must start from the latest snapshot it finds (reading the stream
 * only after the snapshot's version, which shows the snapshot was usable) and answer every query
 * and evaluation as an engine that replays the whole stream; no acknowledged command is lost.
 */
class SnapshotKillTest {
  private static final int RUNS = 10;
  private static final StreamId STREAM = StreamId.of("pcop-kc");

  @TempDir
  Path folder;

  /** The store, remembering from which version the engine first read the community's stream. */
  private static final class FirstRead implements EventStore {
    private final EventStore store;
    long firstAfterVersion = -1;

    FirstRead(EventStore store) {
      this.store = store;
    }

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected,
        List<EventData> events) {
      return store.append(stream, expected, events);
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long afterVersion, int maxCount) {
      if (firstAfterVersion < 0 && stream.equals(STREAM)) {
        firstAfterVersion = afterVersion;
      }
      return store.readStream(stream, afterVersion, maxCount);
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
      return store.readAll(afterPosition, maxCount);
    }
  }

  @Test
  void anEngineKilledWhileWritingSnapshotsRestartsFromAUsableOne() throws Exception {
    long seed = Long.getLong("pcop.test.seed", System.nanoTime());
    Random random = new Random(seed);
    Path file = folder.resolve("kc").toAbsolutePath();
    long acknowledged = 0;
    int fromSnapshot = 0;
    for (int run = 1; run <= RUNS; run++) {
      int killAfter = 1 + random.nextInt(random.nextBoolean() ? 5 : 60);
      int pauseMillis = random.nextInt(30);
      Process child = new ProcessBuilder(childCommand(file, run, random.nextLong()))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      int acks = 0;
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith("acked ")) {
            acks++;
            acknowledged = Math.max(acknowledged, Long.parseLong(line.substring(6)));
            if (acks == killAfter) {
              Thread.sleep(pauseMillis);
              child.destroyForcibly(); // SIGKILL on Unix
              break;
            }
          }
        }
      } finally {
        child.destroyForcibly();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child process ended");
      }
      String when = "seed " + seed + ", run " + run + " (killed " + pauseMillis + " ms after "
          + killAfter + " commands)";
      if (acks < killAfter) {
        fail(when + ": the child stopped by itself after " + acks + " commands (exit "
            + child.exitValue() + ")");
      }

      JdbcDataSource database = SnapshotWorld.database(file);
      try {
        JdbcEventStore events = JdbcEventStore.open(database);
        JdbcSnapshotStore snapshots = JdbcSnapshotStore.open(database);
        Optional<Snapshot> latest = snapshots.load(STREAM);
        FirstRead counted = new FirstRead(events);
        SnapshotWorld world = new SnapshotWorld();
        Pcop restarted = world.engine(counted, Optional.of(snapshots), 1_000_000);
        Pcop replayed = world.engine(events, Optional.empty(), 1);
        assertEquals(latest.map(Snapshot::version).orElse(0L), counted.firstAfterVersion,
            when + ": the engine must start from the latest snapshot " + latest);
        fromSnapshot += latest.isPresent() ? 1 : 0;
        List<Object> expected = SnapshotWorld.answers(replayed);
        List<Object> actual = SnapshotWorld.answers(restarted);
        for (int i = 0; i < expected.size(); i++) {
          assertEquals(expected.get(i), actual.get(i), when + ": answer " + i);
        }
        assertEquals(expected.size(), actual.size(), when);
        assertTrue(restarted.position() >= acknowledged, when + ": the engine is at position "
            + restarted.position() + ", before the acknowledged " + acknowledged);
        replayed.close();
        restarted.close();
      } finally {
        shutDown(database);
      }
    }
    assertTrue(fromSnapshot >= RUNS - 1, "seed " + seed + ": only " + fromSnapshot
        + " restarts found a snapshot");
  }

  private static void shutDown(JdbcDataSource database) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
  }

  /** The child on the class path: the test's module path and class path as one. */
  private static List<String> childCommand(Path file, int run, long seed) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> path = new ArrayList<>();
    for (String property : List.of("jdk.module.path", "java.class.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isBlank()) {
        path.add(value);
      }
    }
    Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
    if (Files.isDirectory(testClasses)) {
      path.add(testClasses.toString());
    }
    return List.of(java, "-Xmx256m", "-cp", String.join(File.pathSeparator, path),
        CommandsUntilKilled.class.getName(), file.toString(), Integer.toString(run),
        Long.toString(seed));
  }
}
