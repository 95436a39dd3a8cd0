package org.pcop.samples.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.pcop.io.ImportException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code pcop} command line: a demo community simulated on an embedded database, import and
 * export of community documents, event logs and rosters, rule evaluation and an HTML report.
 *
 * <p>Exit codes, the same for every command:
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>{@value #EXIT_OK}</td><td>the command did its work</td></tr>
 *   <tr><td>{@value #EXIT_FAILURE}</td><td>refused input or state: a file that does not read,
 *     a data folder that is missing, in use or holds no community, a file that cannot be
 *     written</td></tr>
 *   <tr><td>{@value #EXIT_USAGE}</td><td>usage: an unknown command or option, a missing
 *     option, an option value that does not parse</td></tr>
 * </table>
 * A failure prints one line on the error stream. Each run is logged (what ran, how it ended, the
 * stack trace of a failure) to {@code pcop.log} in its data folder once that holds a community;
 * {@code --verbose} prints the log on the error stream too.
 */
@Command(name = "pcop", mixinStandardHelpOptions = true, version = "pcop sample 0.1.0",
    description = "Runs a prosecutors' community of practice on pcop: a demo year of the PSP"
        + " sites, import and export, rule evaluation and reports.",
    subcommands = {DemoCommand.class, ImportCommand.class, ExportCommand.class,
        EvaluateCommand.class, ReportCommand.class, SuggestCommand.class, BackupCommand.class,
        RestoreCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the command did its work",
        "1:refused input or state (a bad file, a missing or busy data folder)",
        "2:usage (an unknown command or option, a value that does not parse)"})
public final class PcopCli implements Runnable {
  /** The command did its work. */
  public static final int EXIT_OK = 0;

  /** The command could not do its work. */
  public static final int EXIT_FAILURE = 1;

  /** The command line does not parse. */
  public static final int EXIT_USAGE = 2;

  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "Print the log of the run (also kept in pcop.log in the data folder),"
          + " with the stack trace of a failure, on the error stream.")
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private PcopCli() {}

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /**
   * Runs the command line without exiting.
   *
   * @param out where reports go
   * @param err where progress and errors go
   * @param args the arguments
   * @return the exit code
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
    PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
    boolean verbose = Arrays.asList(args).contains("--verbose");
    try (CliLog log = CliLog.start(errWriter, verbose)) {
      CliLog.LOG.info(() -> "pcop " + String.join(" ", args));
      CommandLine line = new CommandLine(new PcopCli());
      int code = run(line, outWriter, errWriter, args);
      CliLog.LOG.info("exit code " + code);
      dataFolder(line).ifPresent(log::appendTo);
      return code;
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  /** The data folder of the command that ran, if it has one. */
  private static java.util.Optional<java.nio.file.Path> dataFolder(CommandLine line) {
    CommandLine.ParseResult parsed = line.getParseResult();
    if (parsed == null || parsed.subcommand() == null
        || parsed.subcommand().commandSpec().findOption("--data") == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(parsed.subcommand().matchedOptionValue("--data",
        java.nio.file.Path.of(DataFolderOption.DEFAULT)));
  }

  private static int run(CommandLine line, PrintWriter outWriter, PrintWriter errWriter,
      String... args) {
    line.setOut(outWriter);
    line.setErr(errWriter);
    line.setParameterExceptionHandler((ParameterException e, String[] a) -> {
      CommandLine command = e.getCommandLine();
      if (command == line && e instanceof CommandLine.UnmatchedArgumentException unmatched
          && !unmatched.getUnmatched().isEmpty()
          && !unmatched.getUnmatched().get(0).startsWith("-")) {
        String problem = "pcop: unknown command '" + unmatched.getUnmatched().get(0)
            + "'; commands: " + String.join(", ", line.getSubcommands().keySet());
        errWriter.println(problem);
        CliLog.LOG.warning(problem);
        return EXIT_USAGE;
      }
      String problem = command.getCommandSpec().qualifiedName() + ": "
          + oneLine(e.getMessage());
      errWriter.println(problem + " (see '" + command.getCommandSpec().qualifiedName()
          + " --help')");
      CliLog.LOG.log(java.util.logging.Level.WARNING, problem, e);
      return EXIT_USAGE;
    });
    line.setExecutionExceptionHandler((Exception e, CommandLine command,
        CommandLine.ParseResult parsed) -> {
      String problem = command.getCommandSpec().qualifiedName() + ": " + describe(e);
      errWriter.println(problem);
      CliLog.LOG.log(java.util.logging.Level.SEVERE, problem, e);
      return EXIT_FAILURE;
    });
    return line.execute(args);
  }

  /** Without a subcommand, shows the usage. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** One line that says what went wrong, for any failure. */
  static String describe(Throwable e) {
    if (e instanceof ImportException ie && !ie.errors().isEmpty()) {
      int more = ie.errors().size() - 1 + ie.omittedErrorCount();
      return oneLine(ie.errors().get(0).toString()) + (more > 0 ? " (and " + more
          + " more errors)" : "");
    }
    if (e instanceof CommandFailure || e instanceof IllegalArgumentException
        || e instanceof IllegalStateException || e instanceof java.io.IOException
        || e instanceof java.io.UncheckedIOException
        || e instanceof org.pcop.samples.cli.folder.DataFolderException) {
      String message = e.getMessage();
      if (e instanceof java.nio.file.NoSuchFileException) {
        return "no such file: " + message;
      }
      if (e instanceof java.nio.file.AccessDeniedException) {
        return "permission denied: " + message;
      }
      return message == null ? e.getClass().getSimpleName() : oneLine(message);
    }
    return "internal error: " + oneLine(String.valueOf(e))
        + " (run again with --verbose for the stack trace)";
  }

  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.strip();
    int end = line.indexOf('\n');
    return (end < 0 ? line : line.substring(0, end)).strip();
  }
}
