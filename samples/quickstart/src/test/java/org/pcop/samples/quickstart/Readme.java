package org.pcop.samples.quickstart;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** The repository's README.md, read for its "Use it" section. */
final class Readme {
  /** This module's folder: surefire's {@code basedir}, or the working directory. */
  static final Path MODULE = Path.of(System.getProperty("basedir",
      System.getProperty("user.dir")));
  static final Path FILE = MODULE.resolve("../../README.md").normalize();
  private static final String SECTION = "## Use it";

  private Readme() {}

  /**
   * The first fenced block of the "Use it" section that opens with {@code fence} and matches.
   *
   * @param fence the opening line, such as {@code ```java}
   * @param wanted which block
   * @param what the block's description for the failure message
   * @return the block's lines, without the fences
   */
  static List<String> blockOfUseIt(String fence, Predicate<List<String>> wanted, String what)
      throws IOException {
    List<String> readme = Files.readAllLines(FILE, StandardCharsets.UTF_8);
    int start = readme.indexOf(SECTION);
    if (start < 0) {
      fail("README.md has no section \"" + SECTION + "\"");
    }
    for (int i = start + 1; i < readme.size() && !readme.get(i).startsWith("## "); i++) {
      if (readme.get(i).startsWith("```")) {
        int end = readme.subList(i + 1, readme.size()).indexOf("```") + i + 1;
        List<String> block = readme.subList(i + 1, end);
        if (readme.get(i).equals(fence) && wanted.test(block)) {
          return block;
        }
        i = end;
      }
    }
    return fail("README.md, section \"" + SECTION + "\", has no " + fence + " block with "
        + what);
  }
}
