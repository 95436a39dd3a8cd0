package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pcop.model.event.PcopEvent;
import org.pcop.samples.cli.folder.DataFolder;

/**
 * A data folder whose database file was cut short or garbled anywhere is either read whole or
 * refused in one plain line; it is never read as an older log. (The database may open a file cut
 * short as the last state it can still read, which is whole but lacks the events stored after
 * it.)
 */
class DamagedFolderTest {
  @TempDir
  Path temp;

  private static String exported(Path dir, Path file) throws Exception {
    Run export = Run.of("export", "--data", dir.toString(), "--events", file.toString());
    assertEquals(PcopCli.EXIT_OK, export.code(), export::toString);
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** Exports a damaged folder's log: the damaged line, or the same log as before. */
  private void assertRefusedOrWhole(Path demo, String before) throws Exception {
    Path file = temp.resolve("after-" + System.nanoTime() + ".ndjson");
    Run run = Run.of("export", "--data", demo.toString(), "--events", file.toString());
    if (run.code() == PcopCli.EXIT_OK) {
      assertEquals(before, Files.readString(file, StandardCharsets.UTF_8),
          "a folder that is read is read whole");
    } else {
      assertEquals(List.of("pcop export: the data folder " + demo + " is damaged and cannot"
          + " be read; restore a backup into a new folder with 'pcop restore --from FILE"
          + " --data NEW-FOLDER'"), run.errLines(), run::toString);
      assertEquals("", run.out());
      assertFalse(Files.exists(file), "nothing exported");
    }
    assertFalse(Files.exists(demo.resolve("pcop.trace.db")), "no trace file");
  }

  @ParameterizedTest(name = "cut to {0}% of its length")
  @ValueSource(ints = {5, 20, 40, 60, 80, 90, 95, 99})
  void aDatabaseCutShortIsRefusedNotReadAsAnOlderLog(int percent) throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    String before = exported(demo, temp.resolve("before.ndjson"));
    Path database = demo.resolve("pcop.mv.db");
    try (RandomAccessFile file = new RandomAccessFile(database.toFile(), "rw")) {
      file.setLength(file.length() * percent / 100);
    }

    assertRefusedOrWhole(demo, before);
  }

  @ParameterizedTest(name = "its last {0} KiB cut off")
  @ValueSource(ints = {4, 8, 12, 16, 24, 32, 48, 64, 128, 256})
  void aDatabaseMissingItsEndIsRefusedNotReadAsAnOlderLog(int kib) throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    String before = exported(demo, temp.resolve("before.ndjson"));
    Path database = demo.resolve("pcop.mv.db");
    try (RandomAccessFile file = new RandomAccessFile(database.toFile(), "rw")) {
      file.setLength(Math.max(0, file.length() - kib * 1024L));
    }

    assertRefusedOrWhole(demo, before);
  }

  @ParameterizedTest(name = "4 KiB garbled at {0}% of its length")
  @ValueSource(ints = {1, 20, 40, 60, 80, 90, 95, 99})
  void aDatabaseGarbledAnywhereIsRefusedNotReadAsAnOlderLog(int percent) throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    String before = exported(demo, temp.resolve("before.ndjson"));
    Path database = demo.resolve("pcop.mv.db");
    byte[] garbage = new byte[4096];
    new Random(percent).nextBytes(garbage);
    try (RandomAccessFile file = new RandomAccessFile(database.toFile(), "rw")) {
      long at = Math.min(file.length() - garbage.length, file.length() * percent / 100);
      file.seek(at - at % 4096);
      file.write(garbage);
    }

    assertRefusedOrWhole(demo, before);
  }

  /**
   * A folder as a killed command leaves it (its database not closed), garbled at every hundredth
   * of its length in turn. The database opens some of these as an older state; every one must be
   * refused or read whole.
   */
  @Test
  void aFolderLeftByAKilledCommandAndGarbledIsNeverReadAsAnOlderLog() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    List<PcopEvent> events = new ArrayList<>();
    try (DataFolder source = DataFolder.open(demo)) {
      source.forEachEvent(events::add);
    }
    Path frame = temp.resolve("frame.json");
    assertEquals(PcopCli.EXIT_OK, Run.of("export", "--data", demo.toString(), "--document",
        frame.toString()).code());
    Path dir = temp.resolve("appended");
    assertEquals(PcopCli.EXIT_OK, Run.of("import", "--data", dir.toString(), "--document",
        frame.toString(), "--frame-only").code());
    Path killed = temp.resolve("killed");
    try (DataFolder folder = DataFolder.open(dir)) {
      for (int i = 0; i < events.size(); i += 100) {
        folder.appendAll(events.subList(i, Math.min(events.size(), i + 100)));
      }
      // Every append is on disk when it returns: a copy now is what a kill would leave.
      copyFolder(dir, killed);
    }
    String before = exported(dir, temp.resolve("before.ndjson"));
    long length = Files.size(killed.resolve("pcop.mv.db"));

    for (int percent = 0; percent < 100; percent++) {
      Path damaged = temp.resolve("damaged-" + percent);
      copyFolder(killed, damaged);
      byte[] garbage = new byte[4096];
      new Random(percent).nextBytes(garbage);
      try (RandomAccessFile file = new RandomAccessFile(damaged.resolve("pcop.mv.db").toFile(),
          "rw")) {
        long at = length * percent / 100;
        file.seek(at - at % 4096);
        file.write(garbage);
      }

      assertRefusedOrWhole(damaged, before);
    }
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    for (String name : List.of("community.json", "pcop.mv.db", "pcop.seal")) {
      if (Files.exists(from.resolve(name))) {
        Files.copy(from.resolve(name), to.resolve(name));
      }
    }
  }
}
