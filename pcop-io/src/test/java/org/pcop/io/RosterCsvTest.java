package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pcop.io.roster.RosterCsv;
import org.pcop.io.roster.RosterEntry;
import org.pcop.model.AgencyId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.SiteId;

class RosterCsvTest {
  private final RosterCsv roster = RosterCsv.create();

  private String write(List<RosterEntry> entries) throws IOException {
    StringWriter out = new StringWriter();
    roster.write(entries, out);
    return out.toString();
  }

  private ImportResult<List<RosterEntry>> read(String csv) throws IOException {
    return roster.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void writeThenReadGivesEqualEntries() throws IOException {
    List<RosterEntry> entries = List.of(
        RosterEntry.of(Samples.jordan(), Optional.of(SiteId.of("s-memphis"))),
        RosterEntry.of(Samples.sam(), Optional.of(SiteId.of("s-kc"))),
        RosterEntry.of(Samples.alex(), Optional.empty()));
    String csv = write(entries);
    assertTrue(csv.startsWith(String.join(",", RosterCsv.HEADER) + "\r\n"), csv);
    assertEquals(entries, read(csv).orElseThrow());
  }

  @Test
  void cellsWithCommasQuotesAndLineBreaksAreQuoted() throws IOException {
    Member member = Member.builder().from(Samples.sam()).name("Sam \"Doc\" O'Neil, Jr.")
        .title("Chief, Trials").build();
    String csv = write(List.of(RosterEntry.of(member, Optional.empty())));
    assertTrue(csv.contains("\"Sam \"\"Doc\"\" O'Neil, Jr.\""), csv);
    assertEquals(member, read(csv).orElseThrow().get(0).getMember());
  }

  @ParameterizedTest(name = "a cell starting with {0} is neutralised")
  @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r", "'"})
  void formulaCellsAreNeutralisedOnExport(String start) throws IOException {
    Member member = Member.builder().from(Samples.sam()).title(start + "HYPERLINK(\"x\")")
        .build();
    String csv = write(List.of(RosterEntry.of(member, Optional.empty())));
    String row = csv.substring(csv.indexOf("\r\n") + 2);
    String titleCell = row.split(",", -1)[2];
    assertTrue(titleCell.replace("\"", "").startsWith("'" + start), titleCell);
  }

  @ParameterizedTest(name = "a title starting with {0} is restored on import")
  @ValueSource(strings = {"=", "+", "-", "@", "'"})
  void neutralisedCellsAreRestoredOnImport(String start) throws IOException {
    Member member = Member.builder().from(Samples.sam()).title(start + "SUM(A1:A9)").build();
    String csv = write(List.of(RosterEntry.of(member, Optional.empty())));
    assertEquals(member, read(csv).orElseThrow().get(0).getMember());
  }

  @Test
  void aPhoneNumberStartingWithPlusSurvivesTheRoundTrip() throws IOException {
    String csv = write(List.of(RosterEntry.of(Samples.jordan(), Optional.empty())));
    assertTrue(csv.contains(",'+1 901 222 1300,"), csv);
    assertEquals(Samples.jordan(), read(csv).orElseThrow().get(0).getMember());
  }

  @Test
  void everyBadRowIsReportedAndNothingIsReturned() throws IOException {
    String csv = String.join(",", RosterCsv.HEADER) + "\n"
        + "m-1,Jordan,,jordan@example.org,,a-1,,,\n"
        + "m 2,Sam,,sam@example.org,,a-1,,,\n"
        + "m-3,Alex,,alex@example.org,,a-1,,,\n"
        + "m-4,,,no-email,,a-1,,,\n";
    ImportResult<List<RosterEntry>> result = read(csv);
    assertFalse(result.isValid());
    assertTrue(result.value().isEmpty());
    assertEquals(List.of("row 3, column 1 (member_id)", "row 5, column 2 (name)"),
        result.errors().stream().map(ImportError::where).toList());
  }

  @Test
  void lineFeedsAndCrlfAreBothRowEnds() throws IOException {
    String lf = String.join(",", RosterCsv.HEADER) + "\nm-1,Jordan,,j@example.org,,a-1,,,\n";
    String crlf = lf.replace("\n", "\r\n");
    assertEquals(read(lf).orElseThrow(), read(crlf).orElseThrow());
    assertEquals(MemberId.of("m-1"), read(lf).orElseThrow().get(0).getMember().getId());
    assertEquals(AgencyId.of("a-1"), read(lf).orElseThrow().get(0).getMember().getAgency());
  }
}
