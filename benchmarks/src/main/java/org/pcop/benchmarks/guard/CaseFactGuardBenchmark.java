package org.pcop.benchmarks.guard;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pcop.guard.CaseFactGuard;
import org.pcop.guard.Finding;

/**
 * The guard's cost per kilobyte: one operation scans 1,024 characters of community text (a
 * request, an exchange purpose, a follow-up report) with every built-in detector. {@code clean}
 * text holds look-alikes only (statutes, grant numbers, office lines, dates of events, counts);
 * {@code facts} text holds a case fact of most kinds. The guard runs when a command stores text,
 * never on replay, so this is a cost per command, not per event. {@link #oneRegexPass()} is the
 * yardstick: a single find loop of one simple pattern (the shape of an SSN) over the same text,
 * what a guard of one regular expression would cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CaseFactGuardBenchmark {
  /** One kilobyte. */
  public static final int LENGTH = 1024;

  private static final List<String> CLEAN = List.of(
      "Has anyone built a checklist for eyewitness identification procedures? We are revising"
          + " ours and would love to compare notes before the training on March 14, 2026.",
      "Under A.R.S. 13-1204 and 18 U.S.C. 922(g)(1) the charging options differ; see also"
          + " Rule 404(b).",
      "Grant No. 2019-DC-BX-0042 covers travel for 12 members (37%) from 4 sites.",
      "Call the main line at (602) 555-0100 or the hotline at 1-800-555-0199 for registration.",
      "The session is in Room 204 at 1500 Capitol Avenue, Suite 300; lunch is at noon.",
      "In State v. Henderson, 208 N.J. 208 (2011), the court rewrote the eyewitness"
          + " instruction, and our appellate unit followed.",
      "Victim Services will host a webinar on Tuesday; the Victim Witness Coordinator, Maria"
          + " Lopez, will present the notification workflow.",
      "We closed 1,204 cases in 2025, 37% of them by plea, up 12% from 2024.");
  private static final List<String> FACTS = List.of(
      "Victim Keisha Okafor, DOB 04/12/1988, SSN 123-45-6789, needs a U-visa certification.",
      "Re 2026-CR-0042 State v. Marcus Reed: the defense filed a Franks motion yesterday.",
      "The defendant lives at 1420 W Elm Street, Apt 4B, with his aunt.",
      "His DL D08954796, plate CKR-4417, FBI No. 736542KA4, SID AZ12345678 and NCIC"
          + " W123456789 are on the booking sheet.",
      "Witness Dana Whitfield can be reached at 480-555-0199 or dana.whitfield7@gmail.com.",
      "Has anyone built a checklist for eyewitness identification procedures? We are revising"
          + " ours and would love to compare notes.",
      "We closed 1,204 cases in 2025, 37% of them by plea.");

  /** Which text: {@code clean} or {@code facts}. */
  @Param({"clean", "facts"})
  public String text;

  private static final Pattern SSN_SHAPE = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");

  private String kilobyte;
  private CaseFactGuard guard;

  /** Builds the kilobyte of text and the guard. */
  @Setup
  public void setUp() {
    kilobyte = kilobyte(text.equals("clean") ? CLEAN : FACTS);
    guard = CaseFactGuard.standard();
  }

  /**
   * Sentences repeated in order, joined by spaces, cut to {@link #LENGTH} characters.
   *
   * @param sentences the sentences
   * @return the text
   */
  static String kilobyte(List<String> sentences) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.length() < LENGTH; i++) {
      b.append(sentences.get(i % sentences.size())).append(' ');
    }
    return b.substring(0, LENGTH);
  }

  /**
   * Scans the kilobyte.
   *
   * @return the findings
   */
  @Benchmark
  public List<Finding> scan() {
    return guard.scan("question", kilobyte);
  }

  /**
   * One pattern's find loop over the kilobyte, the yardstick.
   *
   * @return how many matches
   */
  @Benchmark
  public int oneRegexPass() {
    Matcher m = SSN_SHAPE.matcher(kilobyte);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
