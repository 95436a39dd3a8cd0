package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pcop backup} while another process holds the data folder and appends to it: the backup
 * does not wait for that run to end, and restores to a log that is a prefix of what that run
 * acknowledged.
 */
class BackupWhileInUseTest {
  @TempDir
  Path temp;

  private static List<String> exported(Path dir, Path file) throws Exception {
    Run export = Run.of("export", "--data", dir.toString(), "--events", file.toString());
    assertEquals(PcopCli.EXIT_OK, export.code(), export::toString);
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  @Test
  void aBackupTakenWhileAnotherProcessAppendsRestoresToAPrefixOfItsLog() throws Exception {
    Path dir = temp.resolve("busy");
    String java = ProcessHandle.current().info().command().orElse("java");
    String modulePath = Path.of("target", "classes") + File.pathSeparator
        + Path.of("target", "modules");
    Process demo = new ProcessBuilder(java, "-p", modulePath, "-m",
        "org.pcop.samples.cli/org.pcop.samples.cli.PcopCli", "demo", "--data", dir.toString())
        .redirectErrorStream(true).redirectOutput(temp.resolve("demo.txt").toFile()).start();
    Path archive = temp.resolve("mid-run.zip");
    Run backup;
    try {
      // Wait until the demo holds the folder and has stored its first events.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!(Files.exists(dir.resolve("community.json"))
          && Files.exists(dir.resolve("pcop.seal"))
          && Files.size(dir.resolve("pcop.seal")) > 100)) {
        assertTrue(demo.isAlive() && System.nanoTime() < deadline, "the demo started");
        Thread.sleep(20);
      }
      assertTrue(demo.isAlive(), "the demo still runs");

      backup = Run.of("backup", "--data", dir.toString(), "--to", archive.toString());

      assertTrue(demo.isAlive(), "the backup did not wait for the demo to end");
    } finally {
      assertTrue(demo.waitFor(300, TimeUnit.SECONDS), "the demo finished");
    }
    assertEquals(0, demo.exitValue(), Files.readString(temp.resolve("demo.txt")));
    assertEquals(PcopCli.EXIT_OK, backup.code(), backup::toString);
    Matcher backedUp = Pattern.compile("Backed up " + Pattern.quote(dir.toString())
        + " \\(([0-9,]+) events\\) to " + Pattern.quote(archive.toString()) + "\n")
        .matcher(backup.out());
    assertTrue(backedUp.matches(), backup::toString);
    long events = Long.parseLong(backedUp.group(1).replace(",", ""));

    Path restored = temp.resolve("restored");
    Run restore = Run.of("restore", "--from", archive.toString(), "--data",
        restored.toString());
    assertEquals(PcopCli.EXIT_OK, restore.code(), restore::toString);
    List<String> acknowledged = exported(dir, temp.resolve("all.ndjson"));
    List<String> copy = exported(restored, temp.resolve("copy.ndjson"));

    assertEquals(events, copy.size());
    assertTrue(copy.size() > 0 && copy.size() < acknowledged.size(),
        "taken mid-run: " + copy.size() + " of " + acknowledged.size() + " events");
    assertEquals(new ArrayList<>(acknowledged.subList(0, copy.size())), copy,
        "a prefix of the log the demo acknowledged");
  }
}
