package org.pcop.samples.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Loads a page in headless Chromium and reports its rendered DOM and the console and script
 * errors Chromium logged while loading it.
 */
final class BrowserCheck {
  /** What to install where Chromium is missing. */
  static final String INSTALL_HINT = "headless Chromium is not installed; install Debian's"
      + " chromium (apt-get install -y chromium) or put chromium on the PATH to run this test";

  record Result(int exitCode, String dom, List<String> errors) {}

  private BrowserCheck() {}

  /** The Chromium executable on the PATH, if any. */
  static Optional<Path> chromium() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Loads {@code page} and collects the DOM and the errors. */
  static Result load(Path chromium, Path page, Path profile) throws IOException,
      InterruptedException {
    return load(chromium, page, profile, 1280);
  }

  /** Loads {@code page} in a window {@code width} pixels wide. */
  static Result load(Path chromium, Path page, Path profile, int width) throws IOException,
      InterruptedException {
    Path log = profile.resolveSibling(profile.getFileName() + ".log");
    ProcessBuilder builder = new ProcessBuilder(chromium.toString(), "--headless",
        "--disable-gpu", "--no-sandbox", "--user-data-dir=" + profile,
        "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000",
        "--window-size=" + width + ",900", "--dump-dom",
        page.toUri().toString());
    builder.redirectError(log.toFile());
    Process process = builder.start();
    byte[] dom = process.getInputStream().readAllBytes();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("chromium did not finish loading " + page + " in 90 s");
    }
    List<String> errors = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.contains("CONSOLE") || line.contains("Uncaught")
          || line.contains("Content Security Policy") || line.contains("ERR_FILE_NOT_FOUND")) {
        errors.add(line);
      }
    }
    return new Result(process.exitValue(), new String(dom, StandardCharsets.UTF_8), errors);
  }
}
