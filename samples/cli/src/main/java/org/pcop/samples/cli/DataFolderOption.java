package org.pcop.samples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option every command that works on a data folder shares. */
final class DataFolderOption {
  /** The data folder used when none is given. */
  static final String DEFAULT = "pcop-data";

  @Option(names = {"-d", "--data"}, paramLabel = "DIR", defaultValue = DEFAULT,
      description = "The data folder: an embedded H2 database with the event log, and the"
          + " community's frame (default: ${DEFAULT-VALUE}).")
  Path dir;
}
