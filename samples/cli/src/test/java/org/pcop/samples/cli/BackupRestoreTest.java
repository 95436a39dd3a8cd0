package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.model.event.PcopEvent;
import org.pcop.samples.cli.folder.DataFolder;

/** {@code pcop backup} and {@code pcop restore}: a consistent copy, also while appends go on. */
class BackupRestoreTest {
  @TempDir
  Path temp;

  private static String exported(Path dir, Path file) throws Exception {
    Run export = Run.of("export", "--data", dir.toString(), "--events", file.toString());
    assertEquals(PcopCli.EXIT_OK, export.code(), export::toString);
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void aBackupRestoresToTheSameLog() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path archive = temp.resolve("demo.zip");
    Path restored = temp.resolve("restored");

    Run backup = Run.of("backup", "--data", demo.toString(), "--to", archive.toString());
    assertEquals(PcopCli.EXIT_OK, backup.code(), backup::toString);
    assertEquals("Backed up " + demo + " (2,651 events) to " + archive + "\n", backup.out());
    Run restore = Run.of("restore", "--from", archive.toString(), "--data", restored.toString());

    assertEquals(PcopCli.EXIT_OK, restore.code(), restore::toString);
    assertEquals("Restored " + restored + " (2,651 events) from " + archive + "\n",
        restore.out());
    assertEquals(exported(demo, temp.resolve("a.ndjson")),
        exported(restored, temp.resolve("b.ndjson")));
  }

  @Test
  void aBackupTakenWhileAppendsGoOnRestoresToTheLogAsOfThatInstant() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    List<PcopEvent> events = new ArrayList<>();
    try (DataFolder source = DataFolder.open(demo)) {
      source.forEachEvent(events::add);
    }
    Path dir = temp.resolve("growing");
    Run frame = Run.of("export", "--data", demo.toString(), "--document",
        temp.resolve("doc.json").toString());
    assertEquals(PcopCli.EXIT_OK, frame.code(), frame::toString);
    assertEquals(PcopCli.EXIT_OK, Run.of("import", "--data", dir.toString(), "--document",
        temp.resolve("doc.json").toString(), "--frame-only").code());
    Path archive = temp.resolve("mid-run.zip");
    try (DataFolder folder = DataFolder.open(dir)) {
      CountDownLatch halfWay = new CountDownLatch(1);
      AtomicReference<Throwable> failed = new AtomicReference<>();
      Thread writer = new Thread(() -> {
        try {
          for (int i = 0; i < events.size(); i += 50) {
            folder.appendAll(events.subList(i, Math.min(events.size(), i + 50)));
            if (i >= events.size() / 2) {
              halfWay.countDown();
            }
          }
        } catch (Throwable e) {
          failed.set(e);
        } finally {
          halfWay.countDown();
        }
      });
      writer.start();
      halfWay.await();
      folder.backup(archive); // while the writer goes on
      writer.join();
      assertEquals(null, failed.get());
    }

    Path restored = temp.resolve("restored");
    Run restore = Run.of("restore", "--from", archive.toString(), "--data", restored.toString());
    assertEquals(PcopCli.EXIT_OK, restore.code(), restore::toString);

    String full = exported(dir, temp.resolve("full.ndjson"));
    String copy = exported(restored, temp.resolve("copy.ndjson"));
    long lines = copy.lines().count();
    assertTrue(lines > 0 && lines % 50 == 0 || lines == events.size(),
        "whole batches only: " + lines);
    assertTrue(full.startsWith(copy), "the copy is the log as of one instant");
    // The copy is a working folder: the rest of the log goes on from where it was taken.
    Files.writeString(temp.resolve("rest.ndjson"), full.substring(copy.length()));
    if (lines < events.size()) {
      Run rest = Run.of("import", "--data", restored.toString(), "--events",
          temp.resolve("rest.ndjson").toString());
      assertEquals(PcopCli.EXIT_OK, rest.code(), rest::toString);
    }
    assertEquals(full, exported(restored, temp.resolve("again.ndjson")));
  }

  @Test
  void restoreRefusesAFolderThatHoldsSomethingAndAFileThatIsNoBackup() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path archive = temp.resolve("demo.zip");
    assertEquals(PcopCli.EXIT_OK, Run.of("backup", "--data", demo.toString(), "--to",
        archive.toString()).code());

    Run occupied = Run.of("restore", "--from", archive.toString(), "--data", demo.toString());
    assertEquals(List.of("pcop restore: will not restore into " + demo + ": it exists and is not"
        + " an empty folder; give a new folder"), occupied.errLines());

    Path notABackup = temp.resolve("notes.zip");
    Files.writeString(notABackup, "hello");
    Run bad = Run.of("restore", "--from", notABackup.toString(), "--data",
        temp.resolve("new").toString());
    assertEquals(PcopCli.EXIT_FAILURE, bad.code(), bad::toString);
    assertEquals(List.of("pcop restore: " + notABackup + " is not a backup of a data folder: it"
        + " lacks community.json"), bad.errLines());
    assertTrue(Files.notExists(temp.resolve("new")));
  }
}
