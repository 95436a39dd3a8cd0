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

  /** Whether {@code target} lies in {@code dir} (or a folder in it), following links. */
  private static boolean inside(Path target, Path dir) {
    try {
      Path realDir = dir.toRealPath();
      Path realParent = target.getParent() == null ? null : target.getParent().toRealPath();
      return realParent != null && realParent.startsWith(realDir);
    } catch (IOException e) {
      return false; // the data folder does not exist (the command fails on it anyway)
    }
  }

  /**
   * Writes {@code file}, replacing it if it exists.
   *
   * @param file the file
   * @param dataDir the data folder of the command, whose own files are never written
   * @param content the content
   */
  static void write(Path file, Path dataDir, Content content) {
    write(file, true, dataDir, content);
  }

  /**
   * Writes {@code file}.
   *
   * @param file the file
   * @param replace whether an existing file may be replaced (the command's {@code --force})
   * @param dataDir the data folder of the command, whose own files are never written
   * @param content the content
   * @throws CommandFailure if the file exists and may not be replaced, lies in the data folder,
   *     or cannot be written
   */
  static void write(Path file, boolean replace, Path dataDir, Content content) {
    Path target = file.toAbsolutePath();
    Path parent = target.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new CommandFailure("cannot write " + file + ": the folder " + parent
          + " does not exist");
    }
    if (inside(target, dataDir)) {
      throw new CommandFailure("will not write " + file + ": it is in the data folder " + dataDir
          + ", whose files belong to pcop; write it elsewhere");
    }
    if (!replace && Files.exists(target)) {
      throw new CommandFailure(file + " already exists; give another file, or add --force to"
          + " replace it");
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
