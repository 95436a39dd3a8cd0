package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import refuses events and roster rows whose references do not resolve, names each, and
 * shows every error of the file on the first run, without {@code --verbose}.
 */
class ImportReferencesTest {
  @TempDir
  Path temp;

  private static long eventCount(Path dir) throws Exception {
    Path file = Files.createTempFile("count", ".ndjson");
    Files.delete(file);
    Run export = Run.of("export", "--data", dir.toString(), "--events", file.toString());
    assertEquals(PcopCli.EXIT_OK, export.code(), export::toString);
    long lines = Files.readAllLines(file).size();
    Files.delete(file);
    return lines;
  }

  @Test
  void anEventOfAMemberNeverEnrolledIsRefusedWithItsLine() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    long before = eventCount(demo);
    Path log = temp.resolve("ghost.ndjson");
    Files.writeString(log, "{\"type\":\"participation-recorded\",\"eventId\":\"ghost-1\","
        + "\"actor\":\"m-coordinator\",\"occurredAt\":\"2022-12-30T18:00:00Z\","
        + "\"participation\":{\"activity\":\"act-2022-002\",\"member\":\"m-ghost\","
        + "\"kind\":\"ATTENDED\",\"at\":\"2022-12-30T18:00:00Z\"}}\n");

    Run run = Run.of("import", "--data", demo.toString(), "--events", log.toString());

    assertEquals(PcopCli.EXIT_FAILURE, run.code(), run::toString);
    assertEquals(List.of("pcop import: " + log + ": line 1, at /participation/member: member"
        + " m-ghost does not exist at this point of the log; expected one registered by an"
        + " earlier event; nothing was imported"), run.errLines());
    assertEquals(before, eventCount(demo));
  }

  @Test
  void everyBadRosterRowShowsOnTheFirstRunUnknownAgencyAndTopicIncluded() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path roster = temp.resolve("roster.csv");
    Files.writeString(roster, String.join("\n",
        "member_id,name,title,email,phone,agency_id,site_id,bar_admissions,expertise",
        "m-new-1,Ann Lee,ADA,not-an-email,,a-usao-dc,,,",
        "m-new-2,Bo Chan,ADA,bo@example.org,,a-nowhere,,,",
        "m-new-3,Cy Diaz,ADA,cy@example.org,,a-usao-dc,,,no-such-topic", ""));

    Run run = Run.of("import", "--data", demo.toString(), "--roster", roster.toString());

    assertEquals(PcopCli.EXIT_FAILURE, run.code(), run::toString);
    assertEquals(List.of(
        "  row 2, column 4 (email): must be a well-formed email address",
        "  row 3, column 6 (agency_id): agency a-nowhere is not registered; expected an agency"
            + " of the community",
        "  row 4, column 9 (expertise): topic no-such-topic is not in the community's taxonomy",
        "pcop import: " + roster + ": 3 errors (listed above); nothing was imported"),
        run.errLines());
  }

  @Test
  void aSiteThatIsNotItsAgencysSiteShowsWithTheOtherBadRows() throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    long before = eventCount(demo);
    Path roster = temp.resolve("roster.csv");
    Files.writeString(roster, String.join("\n",
        "member_id,name,title,email,phone,agency_id,site_id,bar_admissions,expertise",
        "m-new-1,Ann Lee,ADA,not-an-email,,a-usao-dc,,,",
        "m-new-2,Bo Chan,ADA,bo@example.org,,a-compton-ca,flint-mi,,",
        "m-new-3,Cy Diaz,ADA,cy@example.org,,a-usao-dc,compton-ca,,", ""));

    Run run = Run.of("import", "--data", demo.toString(), "--roster", roster.toString());

    assertEquals(PcopCli.EXIT_FAILURE, run.code(), run::toString);
    assertEquals(List.of(
        "  row 2, column 4 (email): must be a well-formed email address",
        "  row 3, column 7 (site_id): site flint-mi is not the site of agency a-compton-ca"
            + " (compton-ca); expected that site or an empty cell",
        "  row 4, column 7 (site_id): site compton-ca is not the site of agency a-usao-dc"
            + " (none); expected an empty cell",
        "pcop import: " + roster + ": 3 errors (listed above); nothing was imported"),
        run.errLines());
    assertEquals(before, eventCount(demo));
  }
}
