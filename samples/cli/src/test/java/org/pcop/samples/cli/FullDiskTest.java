package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up during an import or the demo, on a 600 KB tmpfs this test mounts (where
 * the machine lets it: as root; elsewhere it skips and says so). The command exits 1 with one
 * plain line, stores nothing half-way, and a later run with more space ends with the same log as
 * a run that never ran out.
 */
class FullDiskTest {
  @TempDir
  Path temp;

  private Path disk;

  @BeforeEach
  void mountASmallDisk() throws Exception {
    disk = temp.resolve("small-disk");
    Files.createDirectories(disk);
    String problem = command("mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs",
        disk.toString());
    Assumptions.assumeTrue(problem == null, () -> "skipped: this machine does not let the test"
        + " mount a small tmpfs (it needs root): " + problem);
  }

  @AfterEach
  void unmount() throws Exception {
    command("umount", "-l", disk.toString());
  }

  /** Runs a command; null if it succeeded, else what it printed. */
  private static String command(String... args) throws Exception {
    Process process;
    try {
      process = new ProcessBuilder(args).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.getMessage();
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return "timed out";
    }
    return process.exitValue() == 0 ? null : output.strip();
  }

  private void growTheDisk() throws Exception {
    String problem = command("mount", "-o", "remount,size=64m", disk.toString());
    assertEquals(null, problem, "remounting the tmpfs bigger");
  }

  /** The folder's files, less the command's log file ({@code pcop.log}). */
  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("pcop.log"))
          .sorted().toList();
    }
  }

  private static String exportedLog(Path dir, Path file) throws IOException {
    Run export = Run.of("export", "--data", dir.toString(), "--events", file.toString());
    assertEquals(PcopCli.EXIT_OK, export.code(), export::toString);
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void anEventLogImportOnAFullDiskStoresNothingAndARerunWithSpaceStoresAll() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path log = temp.resolve("log.ndjson");
    Path doc = temp.resolve("community.json");
    String original = exportedLog(demo, log);
    assertEquals(PcopCli.EXIT_OK, Run.of("export", "--data", demo.toString(), "--document",
        doc.toString()).code());
    Path dir = disk.resolve("data");
    Run frame = Run.of("import", "--data", dir.toString(), "--document", doc.toString(),
        "--frame-only");
    assertEquals(PcopCli.EXIT_OK, frame.code(), frame::toString);

    Run full = Run.of("import", "--data", dir.toString(), "--events", log.toString());

    assertEquals(PcopCli.EXIT_FAILURE, full.code(), full::toString);
    assertEquals(List.of("pcop import: nothing was imported: the disk that holds the data"
        + " folder " + dir + " is full; free some space and run the command again"),
        full.errLines().subList(full.errLines().size() - 1, full.errLines().size()),
        full::toString);
    assertFalse(full.out().contains("Imported"), full::toString);
    assertEquals(List.of("community.json", "pcop.lock", "pcop.mv.db", "pcop.seal"), files(dir),
        "no trace file");

    growTheDisk();
    assertEquals("", exportedLog(dir, temp.resolve("after-failure.ndjson")),
        "the failed import stored no event");
    Run again = Run.of("import", "--data", dir.toString(), "--events", log.toString());
    assertEquals(PcopCli.EXIT_OK, again.code(), again::toString);
    assertEquals(original, exportedLog(dir, temp.resolve("after-rerun.ndjson")));
  }

  @Test
  void aDocumentImportOnAFullDiskLeavesNoFolderBehind() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path doc = temp.resolve("community.json");
    assertEquals(PcopCli.EXIT_OK, Run.of("export", "--data", demo.toString(), "--document",
        doc.toString()).code());
    // Fill the disk to its last 20 KB, less than the document's events take.
    Path filler = disk.resolve("filler");
    Files.write(filler, new byte[(int) (Files.getFileStore(disk).getUsableSpace() - 20_000)]);
    Path dir = disk.resolve("data");

    Run full = Run.of("import", "--data", dir.toString(), "--document", doc.toString());

    assertEquals(PcopCli.EXIT_FAILURE, full.code(), full::toString);
    assertEquals("pcop import: nothing was imported: the disk that holds the data folder " + dir
        + " is full; free some space and run the command again",
        full.errLines().get(full.errLines().size() - 1), full::toString);
    assertFalse(Files.exists(dir), "the folder the import created is gone");

    Files.delete(filler);
    Run again = Run.of("import", "--data", dir.toString(), "--document", doc.toString());
    assertEquals(PcopCli.EXIT_OK, again.code(), again::toString);
    assertEquals(List.of("community.json", "pcop.lock", "pcop.mv.db", "pcop.seal"), files(dir));
  }

  @Test
  void theDemoOnAFullDiskSaysSoAndResumesWithSpaceToTheSameLog() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    String clean = exportedLog(demo, temp.resolve("clean.ndjson"));
    Path dir = disk.resolve("demo");

    Run full = Run.of("demo", "--data", dir.toString());

    assertEquals(PcopCli.EXIT_FAILURE, full.code(), full::toString);
    assertEquals("pcop demo: the disk that holds the data folder " + dir + " is full; free some"
        + " space and run the command again", full.errLines().get(full.errLines().size() - 1),
        full::toString);
    assertFalse(Files.exists(dir.resolve("pcop.trace.db")), "no trace file");

    growTheDisk();
    Run again = Run.of("demo", "--data", dir.toString());
    assertEquals(PcopCli.EXIT_OK, again.code(), again::toString);
    assertTrue(again.out().startsWith("Resumed " + dir), again::toString);
    assertEquals(clean, exportedLog(dir, temp.resolve("resumed.ndjson")));
  }
}
