package org.pcop.samples.cli;

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
 * {@code pcop restore}: brings a data folder back from an archive {@code pcop backup} wrote,
 * into a new folder, whole or not at all.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = "Bring a data folder back from a file 'pcop backup' wrote, into a new folder.")
final class RestoreCommand implements Callable<Integer> {
  @Mixin
  DataFolderOption data;

  @Option(names = "--from", paramLabel = "FILE", required = true,
      description = "The archive 'pcop backup' wrote.")
  Path from;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    long events = DataFolder.restore(from, data.dir);
    spec.commandLine().getOut().println(String.format(Locale.ROOT,
        "Restored %s (%,d events) from %s", data.dir, events, from));
    return PcopCli.EXIT_OK;
  }
}
