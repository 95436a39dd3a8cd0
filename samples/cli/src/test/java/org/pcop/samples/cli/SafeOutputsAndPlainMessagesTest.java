package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports that never destroy a file by accident, and the plain one-line messages of a bad
 * {@code --as-of} and a damaged database, each asserted word for word (a folder in use: see
 * {@link LauncherTest}).
 */
class SafeOutputsAndPlainMessagesTest {
  @TempDir
  Path temp;

  private static void assertOnlyLine(String expected, Run run) {
    assertEquals(PcopCli.EXIT_FAILURE, run.code(), run::toString);
    assertEquals(List.of(expected), run.errLines(), run::toString);
  }

  @Test
  void aFileGivenAsTheDataFolderIsNamedAsSuchByEveryCommand() throws Exception {
    Path file = temp.resolve("notes.txt");
    Files.writeString(file, "keep me");
    String said = "the data folder " + file + " is a file; --data names a folder (demo and"
        + " import create it)";

    assertOnlyLine("pcop evaluate: " + said, Run.of("evaluate", "--data", file.toString()));
    assertOnlyLine("pcop demo: " + said, Run.of("demo", "--data", file.toString()));
    assertEquals("keep me", Files.readString(file));
  }

  @Test
  void aReportDoesNotReplaceAFileUnlessForced() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path page = temp.resolve("report.html");
    Files.writeString(page, "keep me");

    Run refused = Run.of("report", "--data", demo.toString(), "--html", page.toString());

    assertOnlyLine("pcop report: " + page + " already exists; give another file, or add --force"
        + " to replace it", refused);
    assertEquals("keep me", Files.readString(page));
    Run forced = Run.of("report", "--data", demo.toString(), "--html", page.toString(),
        "--force");
    assertEquals(PcopCli.EXIT_OK, forced.code(), forced::toString);
    assertTrue(Files.readString(page).startsWith("<!DOCTYPE html>")
        || Files.readString(page).startsWith("<!doctype html>"), "an HTML page");
  }

  @Test
  void anExportDoesNotReplaceAFileUnlessForced() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path file = temp.resolve("log.ndjson");
    Files.writeString(file, "keep me");

    Run refused = Run.of("export", "--data", demo.toString(), "--events", file.toString());

    assertOnlyLine("pcop export: " + file + " already exists; give another file, or add --force"
        + " to replace it", refused);
    assertEquals("keep me", Files.readString(file));
    Run forced = Run.of("export", "--data", demo.toString(), "--events", file.toString(),
        "--force");
    assertEquals(PcopCli.EXIT_OK, forced.code(), forced::toString);
    assertTrue(Files.readString(file).startsWith("{"));
  }

  @Test
  void anExportNeverWritesIntoTheDataFolder() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path frame = demo.resolve("community.json");
    String before = Files.readString(frame);

    Run refused = Run.of("export", "--data", demo.toString(), "--events", frame.toString(),
        "--force");

    assertOnlyLine("pcop export: will not write " + frame + ": it is in the data folder " + demo
        + ", whose files belong to pcop; write it elsewhere", refused);
    assertEquals(before, Files.readString(frame));
    Run report = Run.of("report", "--data", demo.toString(), "--html",
        demo.resolve("report.html").toString());
    assertOnlyLine("pcop report: will not write " + demo.resolve("report.html") + ": it is in"
        + " the data folder " + demo + ", whose files belong to pcop; write it elsewhere",
        report);
  }

  @Test
  void asOfTakesTheYears1900To9999AndSaysSoOtherwise() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    for (String value : List.of("-999999999-01-01", "+999999999-12-31", "1899-12-31",
        "+10000-01-01", "1899-12-31T23:59:59Z", "+10000-01-01T00:00:00Z")) {
      assertOnlyLine("pcop evaluate: --as-of: '" + value + "' is not in the years 1900 to 9999",
          Run.of("evaluate", "--data", demo.toString(), "--as-of", value));
    }
    assertEquals(PcopCli.EXIT_OK, Run.of("evaluate", "--data", demo.toString(), "--as-of",
        "1900-01-01").code());
  }

  @Test
  void aDamagedDatabaseSaysToRestoreABackupAndLeavesNoTraceFile() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path database = demo.resolve("pcop.mv.db");
    // Both copies of H2's store header, at fixed places in the file, overwritten. (A file cut
    // short or garbled past its headers is not always noticed: H2 may open the last version it
    // can still read, so this test damages what it always checks.)
    try (RandomAccessFile file = new RandomAccessFile(database.toFile(), "rw")) {
      file.write(new byte[8192]);
    }

    Run run = Run.of("evaluate", "--data", demo.toString());

    assertOnlyLine("pcop evaluate: the data folder " + demo + " is damaged and cannot be read;"
        + " restore a backup into a new folder with 'pcop restore --from FILE --data"
        + " NEW-FOLDER'", run);
    assertFalse(Files.exists(demo.resolve("pcop.trace.db")), "no trace file");
  }
}
