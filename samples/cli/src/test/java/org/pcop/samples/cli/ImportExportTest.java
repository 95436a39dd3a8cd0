package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.samples.cli.folder.DataFolder;

class ImportExportTest {
  @TempDir
  Path temp;

  private static Run ok(String... args) {
    Run run = Run.of(args);
    assertEquals(PcopCli.EXIT_OK, run.code(), run::toString);
    return run;
  }

  private static long events(Path dir) {
    try (DataFolder folder = DataFolder.open(dir)) {
      return folder.eventCount();
    }
  }

  @Test
  void anEventLogRoundTripsByteForByte() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path doc = temp.resolve("community.json");
    Path log = temp.resolve("log.ndjson");
    Path again = temp.resolve("again.ndjson");
    Path copy = temp.resolve("copy");
    ok("export", "--data", demo.toString(), "--document", doc.toString());
    ok("export", "--data", demo.toString(), "--events", log.toString());

    ok("import", "--data", copy.toString(), "--document", doc.toString(), "--frame-only");
    Run imported = ok("import", "--data", copy.toString(), "--events", log.toString());
    ok("export", "--data", copy.toString(), "--events", again.toString());

    assertArrayEquals(Files.readAllBytes(log), Files.readAllBytes(again));
    assertEquals(events(demo), Files.readAllLines(log).size());
    assertTrue(imported.err().contains("pcop import: events: "), "progress on stderr");
    assertFalse(imported.out().contains("pcop import: events"), "progress stays off stdout");
  }

  @Test
  void aCommunityDocumentRoundTrips() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path doc = temp.resolve("community.json");
    Path again = temp.resolve("again.json");
    ok("export", "--data", demo.toString(), "--document", doc.toString());

    Run run = ok("import", "--data", temp.resolve("copy").toString(), "--document",
        doc.toString());
    ok("export", "--data", temp.resolve("copy").toString(), "--document", again.toString());

    assertEquals(Files.readString(doc), Files.readString(again));
    assertTrue(run.out().contains("126 members") || run.out().contains("members"), run::toString);
  }

  @Test
  void aRosterRoundTripsAndANewRowEnrolsAMember() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path roster = temp.resolve("roster.csv");
    Path again = temp.resolve("again.csv");
    ok("export", "--data", demo.toString(), "--roster", roster.toString());
    List<String> lines = new ArrayList<>(Files.readAllLines(roster));
    String[] cells = lines.get(1).split(",", -1);
    lines.add("m-new-1,Jo Newcomer,Investigator,jo.newcomer@example.org,," + cells[5] + ","
        + cells[6] + ",,");
    Files.write(roster, lines);
    long before = events(demo);

    Run run = ok("import", "--data", demo.toString(), "--roster", roster.toString());
    ok("export", "--data", demo.toString(), "--roster", again.toString());

    assertTrue(run.out().contains("1 new and 0 updated members"), run::toString);
    assertEquals(before + 2, events(demo), "an enrolment and a membership");
    String exported = Files.readString(again);
    assertTrue(exported.contains("m-new-1,Jo Newcomer,Investigator"), exported);
    assertEquals(lines.size(), exported.split("\r\n").length);
  }

  @Test
  void aRosterRowWithAnUnknownAgencyImportsNothing() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path roster = temp.resolve("roster.csv");
    Files.writeString(roster, "member_id,name,title,email,phone,agency_id,site_id,"
        + "bar_admissions,expertise\r\nm-a,A Person,,a@example.org,,a-nowhere,,,\r\n");
    long before = events(demo);

    Run run = Run.of("import", "--data", demo.toString(), "--roster", roster.toString());

    assertEquals(PcopCli.EXIT_FAILURE, run.code(), run::toString);
    assertEquals(List.of("pcop import: " + roster + ": row 2, column 6 (agency_id): agency"
        + " a-nowhere is not registered; expected an agency of the community; nothing was"
        + " imported"), run.errLines());
    assertEquals(before, events(demo));
  }

  @Test
  void aBrokenEventLogImportsNothingAndNamesTheLine() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path log = temp.resolve("log.ndjson");
    ok("export", "--data", demo.toString(), "--events", log.toString());
    List<String> lines = Files.readAllLines(log).subList(0, 3);
    Path broken = temp.resolve("broken.ndjson");
    Files.writeString(broken, "{\"type\":\"rfi-closed\"}\n", StandardCharsets.UTF_8);
    Path copy = temp.resolve("copy");
    Path doc = temp.resolve("community.json");
    ok("export", "--data", demo.toString(), "--document", doc.toString());
    ok("import", "--data", copy.toString(), "--document", doc.toString(), "--frame-only");

    Run run = Run.of("import", "--data", copy.toString(), "--events", broken.toString());

    assertEquals(PcopCli.EXIT_FAILURE, run.code(), run::toString);
    String id = "(1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit)";
    assertEquals(List.of(
        "  line 1, column 1, at /eventId: missing required property \"eventId\"; expected a event"
            + " id " + id,
        "  line 1, column 1, at /actor: missing required property \"actor\"; expected a member id "
            + id,
        "  line 1, column 1, at /occurredAt: missing required property \"occurredAt\"; expected an"
            + " ISO-8601 instant in UTC such as \"2024-05-01T14:30:00Z\"",
        "  line 1, column 1, at /request: missing required property \"request\"; expected a request"
            + " id " + id,
        "pcop import: " + broken + ": 4 errors (listed above); nothing was imported"),
        run.errLines(), "every error on the first run, without --verbose");
    assertEquals(0, events(copy));
    assertEquals(3, lines.size());
  }

  @Test
  void anEventThatDoesNotFitImportsNothing() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path log = temp.resolve("log.ndjson");
    ok("export", "--data", demo.toString(), "--events", log.toString());
    long before = events(demo);

    Run run = Run.of("import", "--data", demo.toString(), "--events", log.toString());

    assertEquals(PcopCli.EXIT_FAILURE, run.code(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().contains("line 1: event demo-2019-2022-000001.0 is already stored"),
        run::toString);
    assertEquals(before, events(demo));
  }

  @Test
  void aDocumentIsNotImportedIntoAFolderThatHasACommunity() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path doc = temp.resolve("community.json");
    ok("export", "--data", demo.toString(), "--document", doc.toString());

    Run run = Run.of("import", "--data", demo.toString(), "--document", doc.toString());

    assertEquals(PcopCli.EXIT_FAILURE, run.code(), run::toString);
    assertEquals(List.of("pcop import: the data folder " + demo + " already holds a community;"
        + " import a community document into a new folder"), run.errLines());
  }
}
