package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A data folder with the default demo in it, made once per test run and copied for each test
 * that needs its own.
 */
final class DemoFolders {
  private static Path original;

  private DemoFolders() {}

  /** A fresh copy of the demo folder inside {@code parent}. */
  static synchronized Path copyInto(Path parent) throws IOException {
    if (original == null) {
      Path dir = Files.createTempDirectory("pcop-demo");
      Run run = Run.of("demo", "--data", dir.resolve("demo").toString());
      assertEquals(PcopCli.EXIT_OK, run.code(), run::toString);
      original = dir.resolve("demo");
    }
    Path copy = parent.resolve("demo-" + System.nanoTime());
    try (Stream<Path> files = Files.walk(original)) {
      files.forEach(file -> {
        try {
          Files.copy(file, copy.resolve(original.relativize(file).toString()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return copy;
  }
}
