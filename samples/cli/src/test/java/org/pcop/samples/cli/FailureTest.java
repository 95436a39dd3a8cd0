package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureTest {
  @TempDir
  Path temp;

  private static void assertOneLine(Run run, int code, String start) {
    assertEquals(code, run.code(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().startsWith(start), run::toString);
    assertFalse(run.err().contains("Exception"), run::toString);
  }

  @Test
  void aMissingDataFolderIsOneLineAndExitCodeOne() {
    Path missing = temp.resolve("missing");

    Run run = Run.of("evaluate", "--data", missing.toString());

    assertOneLine(run, PcopCli.EXIT_FAILURE, "pcop evaluate: the data folder " + missing
        + " holds no community");
    assertFalse(Files.exists(missing), "evaluate creates nothing");
  }

  @Test
  void anUnknownOptionIsOneLineAndExitCodeTwo() {
    assertOneLine(Run.of("demo", "--colour"), PcopCli.EXIT_USAGE,
        "pcop demo: Unknown option: '--colour'");
  }

  @Test
  void anExportWithoutAFormatIsAUsageError() {
    assertOneLine(Run.of("export"), PcopCli.EXIT_USAGE, "pcop export: Error: Missing required");
  }

  @Test
  void aMissingImportFileIsNamed() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path file = temp.resolve("nothing.csv");

    assertOneLine(Run.of("import", "--data", demo.toString(), "--roster", file.toString()),
        PcopCli.EXIT_FAILURE, "pcop import: no such file: " + file);
  }

  @Test
  void anInvalidCommunityDocumentNamesWhereAndCreatesNoFolder() throws Exception {
    Path doc = temp.resolve("bad.json");
    Files.writeString(doc, "{\"schemaVersion\": 1, \"program\": 5}");
    Path dir = temp.resolve("new");

    Run run = Run.of("import", "--data", dir.toString(), "--document", doc.toString());

    assertOneLine(run, PcopCli.EXIT_FAILURE, "pcop import: " + doc + ": ");
    assertTrue(run.err().contains("nothing was imported"), run::toString);
    assertFalse(Files.exists(dir));
  }

  @Test
  void aBadAsOfIsNamed() throws Exception {
    Path demo = DemoFolders.copyInto(temp);

    assertOneLine(Run.of("evaluate", "--data", demo.toString(), "--as-of", "soon"),
        PcopCli.EXIT_USAGE, "pcop evaluate: Invalid value for option '--as-of': 'soon' is"
            + " neither an instant");
  }

  @Test
  void anUnknownCommandIsNamedWithTheCommandsThereAreAndExitCodeTwo() {
    Run run = Run.of("frobnicate");

    assertOneLine(run, PcopCli.EXIT_USAGE, "pcop: unknown command 'frobnicate'; commands: demo,"
        + " import, export, evaluate, report, suggest, backup, restore, help");
    assertEquals("", run.out(), run::toString);
  }

  /** The table of exit codes the help and the README document, one case each. */
  @Test
  void everyCommandExitsWithTheDocumentedCodes() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    assertEquals(PcopCli.EXIT_OK, Run.of("evaluate", "--data", demo.toString()).code());
    assertEquals(PcopCli.EXIT_OK, Run.of("--help").code());
    // Refused input or state.
    assertEquals(PcopCli.EXIT_FAILURE,
        Run.of("evaluate", "--data", temp.resolve("none").toString()).code());
    assertEquals(PcopCli.EXIT_FAILURE, Run.of("import", "--data", demo.toString(), "--roster",
        temp.resolve("none.csv").toString()).code());
    // Usage, whichever command.
    for (String[] usage : List.of(new String[] {"frobnicate"}, new String[] {"demo", "--colour"},
        new String[] {"export"}, new String[] {"report", "--data", demo.toString()},
        new String[] {"evaluate", "--as-of", "soon"}, new String[] {"demo", "--seed", "x"},
        new String[] {"evaluate", "extra"})) {
      assertEquals(PcopCli.EXIT_USAGE, Run.of(usage).code(), String.join(" ", usage));
    }
    Run help = Run.of("--help");
    assertTrue(help.out().contains("Exit codes:"), help::toString);
    for (String code : List.of("0   the command did its work", "1   refused input or state",
        "2   usage")) {
      assertTrue(help.out().contains(code), help::toString);
    }
  }

  @Test
  void anUnwritableReportFileIsNamed() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path html = temp.resolve("no-such-folder").resolve("report.html");

    assertOneLine(Run.of("report", "--data", demo.toString(), "--html", html.toString()),
        PcopCli.EXIT_FAILURE, "pcop report: cannot write " + html + ": the folder");
  }

  @Test
  void verboseAddsTheStackTrace() {
    Run run = Run.of("evaluate", "--data", temp.resolve("missing").toString(), "--verbose");

    assertEquals(PcopCli.EXIT_FAILURE, run.code(), run::toString);
    List<String> lines = run.errLines();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("pcop evaluate: the data folder")),
        run::toString);
    assertTrue(lines.size() > 3, run::toString);
    assertTrue(run.err().contains("at org.pcop.samples.cli"), run::toString);
  }

  @Test
  void aRunIsLoggedToTheDataFolderAndOnlyWithVerboseToTheErrorStream() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path log = demo.resolve(CliLog.FILE);

    Run quiet = Run.of("evaluate", "--data", demo.toString());
    assertEquals(PcopCli.EXIT_OK, quiet.code(), quiet::toString);
    assertEquals("", quiet.err(), "nothing on the error stream without --verbose");
    String logged = Files.readString(log);
    assertTrue(logged.contains("INFO org.pcop.samples.cli: pcop evaluate --data " + demo),
        logged);
    assertTrue(logged.contains("exit code 0"), logged);

    Run failed = Run.of("report", "--data", demo.toString(), "--html",
        temp.resolve("no-such-folder").resolve("r.html").toString());
    assertEquals(PcopCli.EXIT_FAILURE, failed.code(), failed::toString);
    assertEquals(1, failed.errLines().size(), failed::toString);
    logged = Files.readString(log);
    assertTrue(logged.contains("SEVERE org.pcop.samples.cli: pcop report: cannot write"), logged);
    assertTrue(logged.contains("\tat org.pcop.samples.cli"), "the stack trace is kept: " + logged);

    Run verbose = Run.of("evaluate", "--data", demo.toString(), "--verbose");
    assertEquals(PcopCli.EXIT_OK, verbose.code(), verbose::toString);
    assertTrue(verbose.err().contains("INFO org.pcop.samples.cli: pcop evaluate"),
        verbose::toString);
    assertTrue(verbose.err().contains("exit code 0"), verbose::toString);
  }

  @Test
  void aRunOnAFolderWithoutACommunityWritesNoLog() {
    Path missing = temp.resolve("missing");
    Run.of("evaluate", "--data", missing.toString());
    assertFalse(Files.exists(missing.resolve(CliLog.FILE)));
    assertFalse(Files.exists(missing));
  }

  @Test
  void withoutASubcommandTheUsageIsShown() {
    Run run = Run.of();

    assertEquals(PcopCli.EXIT_OK, run.code(), run::toString);
    for (String command : List.of("demo", "import", "export", "evaluate", "report")) {
      assertTrue(run.out().contains(command), run::toString);
    }
  }
}
