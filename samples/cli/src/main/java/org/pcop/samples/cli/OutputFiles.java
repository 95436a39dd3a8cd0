package org.pcop.samples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file whole or not at all: into a temporary file next to it, then moved in
 * place, so that a failed export never leaves half a file under the name asked for.
 */
final class OutputFiles {
  /** Writes the content of a file. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private OutputFiles() {}

  static void write(Path file, Content content) {
    Path target = file.toAbsolutePath();
    Path parent = target.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new CommandFailure("cannot write " + file + ": the folder " + parent
          + " does not exist");
    }
    Path temp = null;
    try {
      temp = target.resolveSibling("." + target.getFileName() + ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
      }
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new CommandFailure("cannot write " + file + ": " + PcopCli.describe(e), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // Best effort: the temporary file is hidden and named after the target.
        }
      }
    }
  }
}
