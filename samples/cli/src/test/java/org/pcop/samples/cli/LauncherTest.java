package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real thing, {@code java -p ... -m org.pcop.samples.cli/...}, outside the test
 * harness (which opens packages the real module path does not), so a missing {@code requires}
 * or {@code opens} shows here.
 */
class LauncherTest {
  @TempDir
  Path temp;

  private static List<String> launch(String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    String modulePath = Path.of("target", "classes") + File.pathSeparator
        + Path.of("target", "modules");
    List<String> command = new java.util.ArrayList<>(List.of(java, "-p", modulePath, "-m",
        "org.pcop.samples.cli/org.pcop.samples.cli.PcopCli"));
    command.addAll(List.of(args));
    return command;
  }

  private static Run run(Path dir, String... args) throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = new ProcessBuilder(launch(args)).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command finished");
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theModuleRunsAReportAndAnExportOnTheModulePath() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path html = temp.resolve("report.html");
    Path doc = temp.resolve("community.json");

    Run report = run(temp, "report", "--data", demo.toString(), "--html", html.toString());
    assertEquals(PcopCli.EXIT_OK, report.code(), report::toString);
    assertEquals("", report.err(), "no warnings from the libraries");
    Run export = run(temp, "export", "--data", demo.toString(), "--document", doc.toString());
    assertEquals(PcopCli.EXIT_OK, export.code(), export::toString);

    assertTrue(Files.readString(html).contains("<svg id=\"heatmap\""));
    assertTrue(Files.readString(doc).contains("\"schemaVersion\""));
  }

  @Test
  void aFolderInUseByAnotherProcessIsRefusedInOneLine() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    try (org.pcop.samples.cli.folder.DataFolder open =
        org.pcop.samples.cli.folder.DataFolder.open(demo)) {
      Run run = run(temp, "evaluate", "--data", demo.toString());

      assertEquals(PcopCli.EXIT_FAILURE, run.code(), run::toString);
      assertEquals(1, run.errLines().size(), run::toString);
      assertEquals("pcop evaluate: the data folder " + demo + " is in use by another pcop"
          + " command; wait for it to finish and run this one again\n", run.err(),
          run::toString);
      assertTrue(open.eventCount() > 0);
    }
  }

  /**
   * The first run of {@code ./pcop} builds with Maven; its output reaches the user, so it carries
   * no terminal escape codes: the script runs Maven in batch mode with colour off, and the
   * repository's {@code .mvn/jvm.config} stops the console library's reset codes. The same
   * options on a cheap goal show it.
   */
  @Test
  void theBuildLineOfThePcopScriptPrintsNoEscapeCodes() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent().getParent();
    String script = Files.readString(root.resolve("pcop"), StandardCharsets.UTF_8);
    String build = script.lines().filter(l -> l.contains("mvn ")).reduce((a, b) -> b)
        .orElseThrow();
    assertTrue(build.contains("mvn -B -q -Dstyle.color=never "), build);
    Path out = temp.resolve("mvn.txt");
    Process mvn = new ProcessBuilder("mvn", "-B", "-q", "-o", "-Dstyle.color=never", "-N",
        "validate").directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    assertTrue(mvn.waitFor(120, TimeUnit.SECONDS), "maven finished");
    String printed = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, mvn.exitValue(), printed);
    assertTrue(printed.indexOf('\u001b') < 0, "escape codes: " + printed.replace('\u001b', '^'));
  }

  @Test
  void aFailureOnTheModulePathIsOneLine() throws Exception {
    Run run = run(temp, "evaluate", "--data", temp.resolve("missing").toString());

    assertEquals(PcopCli.EXIT_FAILURE, run.code(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
  }
}
