package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pcop export --events} leaves the labels of case references out, keeping the handle,
 * and says so in one line; with {@code --include-case-labels} it writes them as they are.
 */
class CaseLabelsExportTest {
  private static final String LABEL = "Riverside carjackings";

  @TempDir
  Path temp;

  private static Run ok(String... args) {
    Run run = Run.of(args);
    assertEquals(PcopCli.EXIT_OK, run.code(), run::toString);
    return run;
  }

  /** A copy of the demo whose first exchange carries a case reference with a label. */
  private Path folderWithACaseLabel() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path doc = temp.resolve("community.json");
    Path log = temp.resolve("log.ndjson");
    ok("export", "--data", demo.toString(), "--document", doc.toString());
    ok("export", "--data", demo.toString(), "--events", log.toString());
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    String empty = "\"caseReferences\":[]";
    int at = -1;
    for (int i = 0; i < lines.size() && at < 0; i++) {
      if (lines.get(i).contains("\"exchange-requested\"") && lines.get(i).contains(empty)) {
        at = i;
      }
    }
    assertTrue(at >= 0, "the demo requests an exchange");
    lines.set(at, lines.get(at).replace(empty,
        "\"caseReferences\":[{\"handle\":\"cms-7731\",\"label\":\"" + LABEL + "\"}]"));
    Files.write(log, lines);
    Path copy = temp.resolve("copy");
    ok("import", "--data", copy.toString(), "--document", doc.toString(), "--frame-only");
    ok("import", "--data", copy.toString(), "--events", log.toString());
    return copy;
  }

  @Test
  void anEventLogLeavesCaseLabelsOutUnlessAsked() throws Exception {
    Path folder = folderWithACaseLabel();
    Path without = temp.resolve("without.ndjson");
    Path with = temp.resolve("with.ndjson");

    Run left = ok("export", "--data", folder.toString(), "--events", without.toString());
    String written = Files.readString(without);
    assertFalse(written.contains(LABEL), "the label is left out");
    assertTrue(written.contains("{\"handle\":\"cms-7731\",\"label\":\"(label left out)\"}"),
        "the handle is kept");
    assertTrue(left.out().contains("Left out 1 case labels (each written as \"(label left"
        + " out)\", the handle kept); --include-case-labels writes them"), left::toString);

    Run included = ok("export", "--data", folder.toString(), "--events", with.toString(),
        "--include-case-labels");
    assertTrue(Files.readString(with).contains(
        "{\"handle\":\"cms-7731\",\"label\":\"" + LABEL + "\"}"), "the label is written");
    assertFalse(included.out().contains("Left out"), included::toString);
    assertEquals(Files.readAllLines(without).size(), Files.readAllLines(with).size());
  }

  @Test
  void includeCaseLabelsIsRefusedWhereItHasNoEffect() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    for (String format : List.of("--document", "--roster")) {
      Path file = temp.resolve("out" + format);
      Run run = Run.of("export", "--data", demo.toString(), format, file.toString(),
          "--include-case-labels");

      assertEquals(PcopCli.EXIT_USAGE, run.code(), run::toString);
      assertEquals(List.of("pcop export: --include-case-labels applies to --events only; a"
          + " community document and a roster hold no case labels (see 'pcop export --help')"), run.errLines());
      assertEquals("", run.out());
      assertFalse(Files.exists(file), "nothing written");
    }
  }
}
