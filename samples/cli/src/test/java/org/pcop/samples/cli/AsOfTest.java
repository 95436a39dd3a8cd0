package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.model.event.PcopEvent;
import org.pcop.samples.cli.folder.DataFolder;

/**
 * An answer as of a day is the answer the log gave on that day: {@code evaluate},
 * {@code report} and {@code export} with {@code --as-of} print and write exactly what the same
 * command prints and writes on a copy of the log truncated at that instant.
 */
class AsOfTest {
  private static final String DAY = "2022-06-30";

  @TempDir
  Path temp;

  private Path full;
  private Path truncated;
  private long kept;
  private long total;

  @BeforeEach
  void folders() throws Exception {
    full = DemoFolders.copyInto(temp);
    truncated = temp.resolve("truncated");
    List<PcopEvent> events = new ArrayList<>();
    try (DataFolder folder = DataFolder.open(full)) {
      ZoneId zone = folder.frame().getCommunities().get(0).getTimeZone();
      // --as-of DAY is the end of that day in the community's time zone (23:59).
      Instant cut = LocalDate.parse(DAY).plusDays(1).atStartOfDay(zone).toInstant()
          .minusSeconds(60);
      long[] count = {0};
      folder.forEachEvent(event -> {
        count[0]++;
        if (!event.getOccurredAt().isAfter(cut)) {
          events.add(event);
        }
      });
      total = count[0];
      try (DataFolder cutFolder = DataFolder.create(truncated, folder.frame())) {
        cutFolder.append(events, n -> { });
      }
    }
    kept = events.size();
    assertTrue(kept > 0 && kept < total, kept + " of " + total);
  }

  private static Run ok(String... args) {
    Run run = Run.of(args);
    assertEquals(PcopCli.EXIT_OK, run.code(), run::toString);
    return run;
  }

  @Test
  void evaluateAsOfADayIsEvaluateOnTheLogOfThatDay() {
    String asOf = ok("evaluate", "--data", full.toString(), "--as-of", DAY).out();
    String onTruncated = ok("evaluate", "--data", truncated.toString(), "--as-of", DAY).out();
    assertEquals(onTruncated, asOf);
    // What was wrong before, section by section: the header counted every event of the log,
    // breaches due later were listed, members were dormant since a later day.
    assertTrue(asOf.contains(String.format("%,d events in the log", kept)), asOf);
    // What is due soon is due on or after the day; everything else happened by then.
    int dueSoon = asOf.indexOf("\nDue soon: ");
    int after = asOf.indexOf("\n\n", dueSoon + 1);
    assertTrue(dueSoon > 0 && after > dueSoon, asOf);
    for (String date : dates(asOf.substring(0, dueSoon) + asOf.substring(after))) {
      assertTrue(date.compareTo(DAY) <= 0, "a date after " + DAY + ": " + date + "\n" + asOf);
    }
    for (String date : dates(asOf.substring(dueSoon, after))) {
      assertTrue(date.compareTo(DAY) >= 0, "due soon before " + DAY + ": " + date + "\n"
          + asOf);
    }
  }

  @Test
  void theReportAsOfADayIsTheReportOnTheLogOfThatDay() throws Exception {
    Path a = temp.resolve("a.html");
    Path b = temp.resolve("b.html");
    ok("report", "--data", full.toString(), "--as-of", DAY, "--html", a.toString());
    ok("report", "--data", truncated.toString(), "--as-of", DAY, "--html", b.toString());
    assertEquals(Files.readString(b), Files.readString(a));
  }

  @Test
  void everyExportAsOfADayIsTheExportOfTheLogOfThatDay() throws Exception {
    for (String format : List.of("--document", "--roster", "--events")) {
      Path a = temp.resolve("a" + format);
      Path b = temp.resolve("b" + format);
      ok("export", "--data", full.toString(), "--as-of", DAY, format, a.toString());
      ok("export", "--data", truncated.toString(), "--as-of", DAY, format, b.toString());
      assertEquals(Files.readString(b), Files.readString(a), format);
    }
    assertEquals(kept, Files.readAllLines(temp.resolve("a--events")).size());
  }

  @Test
  void withoutAsOfTheWholeLogCounts() {
    String all = ok("evaluate", "--data", full.toString()).out();
    assertTrue(all.contains(String.format("%,d events in the log", total)), all);
    assertFalse(all.equals(ok("evaluate", "--data", full.toString(), "--as-of", DAY).out()));
  }

  /** Every date (yyyy-mm-dd) in a text. */
  private static List<String> dates(String text) {
    List<String> dates = new ArrayList<>();
    Matcher m = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b").matcher(text);
    while (m.find()) {
      dates.add(m.group(1));
    }
    return dates;
  }
}
