package org.pcop.samples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pcop.samples.cli.folder.DataFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pcop backup}: writes a consistent copy of a data folder, its frame and its database as
 * of one instant, to a zip archive that {@code pcop restore} brings back.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = "Write a consistent copy of a data folder to a file (a zip archive) that"
        + " 'pcop restore' brings back.")
final class BackupCommand implements Callable<Integer> {
  @Mixin
  DataFolderOption data;

  @Option(names = "--to", paramLabel = "FILE", required = true,
      description = "The archive to write; it must not exist.")
  Path to;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Path parent = to.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new CommandFailure("cannot write " + to + ": the folder " + parent
          + " does not exist");
    }
    if (Files.exists(to)) {
      throw new CommandFailure(to + " already exists; give another file");
    }
    // Also while another command holds the folder: see DataFolder.backup.
    long events = DataFolder.backup(data.dir, to);
    spec.commandLine().getOut().println(String.format(Locale.ROOT,
        "Backed up %s (%,d events) to %s", data.dir, events, to));
    return PcopCli.EXIT_OK;
  }
}
