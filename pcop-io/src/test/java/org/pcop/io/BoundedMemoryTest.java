package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Refusing a file takes memory independent of its size: a child JVM given 256 MB of heap
 * ({@code -Xmx256m}) refuses a million bad event-log lines ({@code {}}), roster rows and
 * document array elements, keeping the first errors and counting the rest. With every error
 * kept, a million lines of {@code {}} took about 1 GB.
 */
class BoundedMemoryTest {
  @ParameterizedTest
  @ValueSource(strings = {"events", "roster", "document"})
  void aMillionBadEntriesAreRefusedIn256MbOfHeap(String format) throws Exception {
    Path out = Files.createTempFile("refuse-" + format, ".txt");
    try {
      Process child = new ProcessBuilder(childCommand(format)).redirectErrorStream(true)
          .redirectOutput(out.toFile()).start();
      assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the child finished");
      String output = Files.readString(out, StandardCharsets.UTF_8).strip();
      assertEquals(0, child.exitValue(), output);
      String last = output.substring(output.lastIndexOf('\n') + 1);
      assertTrue(last.startsWith(format + ": valid=false kept=" + ReadLimits.defaults()
          .getMaxErrors() + " total="), output);
      long total = Long.parseLong(last.substring(last.indexOf(" total=") + 7));
      assertTrue(total >= 1_000_000, output);
      System.out.println(last);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** The child on the class path: the test's module path and class path as one. */
  private static List<String> childCommand(String format) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> path = new ArrayList<>();
    for (String property : List.of("jdk.module.path", "java.class.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isBlank()) {
        path.add(value);
      }
    }
    for (String dir : List.of("test-classes", "classes")) {
      Path classes = Path.of("target", dir).toAbsolutePath();
      if (Files.isDirectory(classes)) {
        path.add(classes.toString());
      }
    }
    return List.of(java, "-Xmx256m", "-cp", String.join(File.pathSeparator, path),
        RefuseManyBadLines.class.getName(), format);
  }
}
