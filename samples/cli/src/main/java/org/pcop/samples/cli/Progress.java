package org.pcop.samples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Reports the progress of a long write on the error stream, so that the report on the output
 * stream stays clean: one line every time another tenth of the work is done.
 */
final class Progress implements LongConsumer {
  private final PrintWriter err;
  private final String what;
  private final long total;
  private long shownTenths = -1;

  Progress(PrintWriter err, String what, long total) {
    this.err = err;
    this.what = what;
    this.total = total;
  }

  @Override
  public void accept(long done) {
    long tenths = total == 0 ? 10 : done * 10 / total;
    if (tenths != shownTenths) {
      shownTenths = tenths;
      err.printf(Locale.ROOT, "%s: %,d of %,d (%d%%)%n", what, done, total,
          total == 0 ? 100 : done * 100 / total);
      err.flush();
    }
  }
}
