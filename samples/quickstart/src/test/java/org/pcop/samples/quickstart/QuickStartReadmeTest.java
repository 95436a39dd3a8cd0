package org.pcop.samples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use it" section shows the quick start verbatim, and the quick start stays short:
 * what a new user copies from the README is this module's source, which the build compiles and
 * {@link QuickStartRunTest} runs.
 */
class QuickStartReadmeTest {
  private static final Path SOURCE = Readme.MODULE.resolve(
      "src/main/java/org/pcop/samples/quickstart/QuickStart.java");

  @Test
  void theReadmeShowsTheQuickStartVerbatim() throws IOException {
    List<String> source = lines(SOURCE);
    List<String> shown = Readme.blockOfUseIt("```java",
        block -> block.stream().anyMatch(line -> line.contains("class QuickStart")),
        "the class QuickStart");
    for (int i = 0; i < Math.max(source.size(), shown.size()); i++) {
      String expected = i < source.size() ? source.get(i) : "(end of the source)";
      String actual = i < shown.size() ? shown.get(i) : "(end of the block)";
      assertEquals(expected, actual, "README.md, section \"Use it\", line " + (i + 1)
          + " of the quick start's block differs from samples/quickstart/"
          + Readme.MODULE.relativize(SOURCE) + "; copy the source into the README");
    }
  }

  @Test
  void theQuickStartHasFewerThanSixtyLinesOfCode() throws IOException {
    long code = lines(SOURCE).stream().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("//") && !line.startsWith("/*")
            && !line.startsWith("*"))
        .count();
    assertTrue(code < 60, "the quick start has " + code + " lines of code; keep it under 60");
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }
}
