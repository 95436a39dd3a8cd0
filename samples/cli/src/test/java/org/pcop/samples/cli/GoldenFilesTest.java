package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.io.ImportResult;
import org.pcop.io.ReadLimits;
import org.pcop.io.ruleset.RuleSetFormat;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.spi.RuleKindRegistry;

/**
 * Files written by an earlier version stay readable: an event log, a community document and a
 * rule set written by the code of the first release with durable data folders (the default
 * demo's, in {@code golden/v1}) are read, replayed and evaluated by today's code. When a format
 * moves on, these files stay as they are: reading them migrates them, and these tests say what
 * they must still give.
 */
class GoldenFilesTest {
  private static final String V1 = "/golden/v1/";

  @TempDir
  Path temp;

  private Path resource(String name) throws IOException {
    Path file = temp.resolve(name);
    try (InputStream in = GoldenFilesTest.class.getResourceAsStream(V1 + name)) {
      Files.copy(in, file);
    }
    return file;
  }

  private static String run(String... args) {
    Run run = Run.of(args);
    assertEquals(PcopCli.EXIT_OK, run.code(), run::toString);
    return run.out();
  }

  @Test
  void theGoldenLogAndDocumentReplayToTheSameCommunityAndReports() throws Exception {
    Path document = resource("community.json");
    Path log = resource("events.ndjson");
    Path dir = temp.resolve("golden");
    run("import", "--data", dir.toString(), "--document", document.toString(), "--frame-only");
    run("import", "--data", dir.toString(), "--events", log.toString());

    Path exported = temp.resolve("exported.json");
    run("export", "--data", dir.toString(), "--document", exported.toString());
    assertEquals(Files.readString(document, StandardCharsets.UTF_8),
        Files.readString(exported, StandardCharsets.UTF_8),
        "the replayed log gives the community the golden document holds");
    Path reexported = temp.resolve("reexported.ndjson");
    run("export", "--data", dir.toString(), "--events", reexported.toString());
    assertEquals(Files.readString(log, StandardCharsets.UTF_8),
        Files.readString(reexported, StandardCharsets.UTF_8));

    // The same report as the demo that wrote the files, run today.
    Path demo = DemoFolders.copyInto(temp);
    for (String asOf : new String[] {"2022-06-30", "2022-12-31"}) {
      assertEquals(run("evaluate", "--data", demo.toString(), "--as-of", asOf)
              .replace(demo.toString(), "DIR"),
          run("evaluate", "--data", dir.toString(), "--as-of", asOf)
              .replace(dir.toString(), "DIR"), "as of " + asOf);
    }
  }

  @Test
  void theGoldenRuleSetReadsAndWritesBackUnchanged() throws Exception {
    String golden = Files.readString(resource("rules.json"), StandardCharsets.UTF_8);
    RuleSetFormat format = RuleSetFormat.with(ReadLimits.defaults(), RuleKindRegistry.builtIn());

    ImportResult<RuleSet> read = format.read(golden);

    assertTrue(read.isValid(), () -> read.errors().toString());
    assertEquals("pcop-default", read.orElseThrow().getId());
    // Rule-set schema version 2 added deadlines ahead; version 1 migrates to the same rules.
    assertEquals(golden.replaceFirst("\"schemaVersion\" : 1,", "\"schemaVersion\" : 2,"),
        format.write(read.orElseThrow()));
  }
}
