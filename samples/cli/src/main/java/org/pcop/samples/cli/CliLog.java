package org.pcop.samples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.pcop.samples.cli.folder.DataFolder;

/**
 * The log of one run of the command line: what was run, how it ended, and the stack trace of a
 * failure, with whatever the libraries log through java.util.logging at INFO or above while it
 * runs. It goes to {@value #FILE} in the data folder once the folder holds a community (a run
 * that creates nothing writes no log), and with {@code --verbose} to the error stream as well;
 * without {@code --verbose} nothing of it reaches the terminal.
 *
 * <p>While a run lasts, the root logger's own handlers (the JDK's console handler) are set aside
 * and put back afterwards.
 */
final class CliLog implements AutoCloseable {
  /** The log file in a data folder. */
  static final String FILE = "pcop.log";

  /** The command line's own logger. */
  static final Logger LOG = Logger.getLogger("org.pcop.samples.cli");

  private final Logger root = Logger.getLogger("");
  private final Handler[] setAside;
  private final Level rootLevel;
  private final List<String> lines = new ArrayList<>();
  private final Handler memory;
  private final Handler console;

  private CliLog(PrintWriter err, boolean verbose) {
    Formatter formatter = new OneLine();
    setAside = root.getHandlers();
    rootLevel = root.getLevel();
    for (Handler handler : setAside) {
      root.removeHandler(handler);
    }
    root.setLevel(Level.INFO);
    memory = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (isLoggable(record)) {
          synchronized (lines) {
            lines.add(formatter.format(record));
          }
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    memory.setLevel(Level.INFO);
    root.addHandler(memory);
    if (verbose) {
      console = new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (isLoggable(record)) {
            err.print(formatter.format(record));
            err.flush();
          }
        }

        @Override
        public void flush() {
          err.flush();
        }

        @Override
        public void close() {}
      };
      console.setLevel(Level.INFO);
      root.addHandler(console);
    } else {
      console = null;
    }
  }

  /**
   * Starts the log of a run.
   *
   * @param err the error stream, for {@code --verbose}
   * @param verbose whether to print the log there too
   * @return the log; close it when the run ends
   */
  static CliLog start(PrintWriter err, boolean verbose) {
    return new CliLog(err, verbose);
  }

  /**
   * Appends what was logged to {@value #FILE} in {@code dir}, if that holds a community.
   *
   * @param dir the data folder of the run
   * @return whether the log was written
   */
  boolean appendTo(Path dir) {
    if (!DataFolder.exists(dir)) {
      return false;
    }
    try (Writer out = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      synchronized (lines) {
        for (String line : lines) {
          out.write(line);
        }
      }
      return true;
    } catch (IOException e) {
      // The log is a help, not the result: a run that did its work still did it.
      return false;
    }
  }

  @Override
  public void close() {
    root.removeHandler(memory);
    if (console != null) {
      root.removeHandler(console);
    }
    root.setLevel(rootLevel);
    for (Handler handler : setAside) {
      root.addHandler(handler);
    }
  }

  /** {@code 2026-12-07T12:00:00Z INFO org.pcop.samples.cli: message}, then a stack trace. */
  private static final class OneLine extends Formatter {
    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder().append(Instant.ofEpochMilli(record.getMillis()))
          .append(' ').append(record.getLevel().getName()).append(' ')
          .append(record.getLoggerName()).append(": ").append(formatMessage(record))
          .append(System.lineSeparator());
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        line.append(trace);
      }
      return line.toString();
    }
  }
}
