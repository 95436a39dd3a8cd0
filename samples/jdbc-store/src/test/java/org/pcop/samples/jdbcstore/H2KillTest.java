package org.pcop.samples.jdbcstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.spi.RecordedEvent;

/**
 * Durability on H2 as a crash sees it, not as a clean close does (a close flushes everything): a
 * child JVM appends through {@link JdbcEventStore} to a file database and is killed with SIGKILL
 * right after an append returned, at a random point, many times over the same file. Every event
 * of every append that returned must be there when the database is opened again.
 */
class H2KillTest {
  private static final int RUNS = 12;

  @TempDir
  Path folder;

  @Test
  void everyAcknowledgedAppendSurvivesAKillOfTheProcess() throws Exception {
    long seed = Long.getLong("pcop.test.seed", System.nanoTime());
    Random random = new Random(seed);
    Path file = folder.resolve("events").toAbsolutePath();
    Set<String> acknowledged = new HashSet<>();
    for (int run = 1; run <= RUNS; run++) {
      int killAfter = 1 + random.nextInt(random.nextBoolean() ? 5 : 150);
      Process child = new ProcessBuilder(childCommand(file, run, random.nextLong()))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      List<String> acked = new ArrayList<>();
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith("acked ")) {
            acked.add(line);
            if (acked.size() == killAfter) {
              child.destroyForcibly(); // SIGKILL on Unix
              break;
            }
          }
        }
      } finally {
        child.destroyForcibly();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child process ended");
      }
      if (acked.size() < killAfter) {
        fail("seed " + seed + ", run " + run + ": the child stopped by itself after "
            + acked.size() + " appends (exit " + child.exitValue() + ")");
      }
      for (String line : acked) {
        for (String id : line.substring("acked ".length()).split(" ")) {
          acknowledged.add(id);
        }
      }

      Set<String> stored = storedIds(file);
      Set<String> lost = new HashSet<>(acknowledged);
      lost.removeAll(stored);
      assertEquals(Set.of(), lost, "seed " + seed + ", run " + run + " (killed after "
          + killAfter + " appends): acknowledged events lost; "
          + stored.size() + " stored");
    }
  }

  private static Set<String> storedIds(Path file) {
    DataSource database = new DriverDataSource("jdbc:h2:file:" + file + ";DB_CLOSE_DELAY=-1",
        "sa", "");
    try {
      JdbcEventStore store = JdbcEventStore.open(database);
      Set<String> ids = new HashSet<>();
      long after = 0;
      List<RecordedEvent> page;
      while (!(page = store.readAll(after, 1000)).isEmpty()) {
        for (RecordedEvent event : page) {
          ids.add(event.getEvent().getEventId().value());
        }
        after = page.get(page.size() - 1).getPosition();
      }
      return ids;
    } finally {
      TestDatabases.shutDownH2(database);
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
    return List.of(java, "-Xmx128m", "-cp", String.join(File.pathSeparator, path),
        AppendUntilKilled.class.getName(), file.toString(), Integer.toString(run),
        Long.toString(seed));
  }
}
