package org.pcop.samples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the quick start as a user runs it, in a child JVM on the module path
 * ({@code java -p ... -m org.pcop.samples.quickstart/...}), and reads what it prints: one readable
 * explanation per rule result, for the exchange, the request for information, the sites and the
 * members it set up.
 */
class QuickStartRunTest {
  private static final String MAIN =
      "org.pcop.samples.quickstart/org.pcop.samples.quickstart.QuickStart";
  /** A printed result: rule, subject, outcome, then the explanation's text. */
  private static final Pattern RESULT =
      Pattern.compile("[a-z0-9-]+ [^ ]+: (PASSED|FAILED|INDETERMINATE): .+");

  @TempDir
  static Path dir;
  private static List<String> output;

  @BeforeAll
  static void runTheQuickStart() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process process = new ProcessBuilder(java, "-p", System.getProperty("jdk.module.path"),
        "-m", MAIN).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the quick start did not finish");
    String errors = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), "the quick start failed:\n" + errors);
    output = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertFalse(output.isEmpty(), "the quick start printed nothing; stderr:\n" + errors);
  }

  @Test
  void everyLineIsARuleResultWithItsExplanationRendered() {
    for (String line : output) {
      assertTrue(RESULT.matcher(line).matches(), "not a rendered result: " + line);
      assertFalse(line.contains("Explanation{") || line.contains("Immutable"),
          "an explanation printed as an object: " + line);
    }
  }

  @Test
  void theExchangeWasApprovedByBothPartiesWithinPolicy() {
    assertPrinted("exchange-approval x1: PASSED: ");
    assertPrinted("exchange-policy x1: PASSED: ");
  }

  @Test
  void theRequestForInformationWasAnsweredInTime() {
    assertPrinted("rfi-first-response q-1: PASSED: ");
  }

  @Test
  void bothSitesHaveTheirActiveMembers() {
    assertPrinted("coverage memphis: PASSED: 2 active members");
    assertPrinted("coverage kc: PASSED: 1 active members");
  }

  @Test
  void everyMemberIsEvaluated() {
    for (String member : List.of("ana", "lee", "sam")) {
      assertPrinted("levels " + member + "@pcop: ");
      assertPrinted("dormancy " + member + "@pcop: PASSED: ");
    }
  }

  @Test
  void theReadmeShowsLinesItPrints() throws IOException {
    List<String> shown = Readme.blockOfUseIt("```",
        block -> block.stream().allMatch(line -> RESULT.matcher(line).matches()),
        "lines the quick start prints");
    for (String line : shown) {
      if (line.endsWith(" [...]")) {
        assertPrinted(line.substring(0, line.length() - " [...]".length()));
      } else {
        assertTrue(output.contains(line), "README.md shows \"" + line + "\", which the quick"
            + " start does not print; it prints:\n" + String.join("\n", output));
      }
    }
  }

  private static void assertPrinted(String start) {
    assertTrue(output.stream().anyMatch(line -> line.startsWith(start)),
        "no line starts with \"" + start + "\" in:\n" + String.join("\n", output));
  }
}
