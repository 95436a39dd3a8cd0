package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcop.io.document.CommunityDocumentFormat;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.io.eventlog.EventLogReader;
import org.pcop.io.eventlog.EventLogWriter;
import org.pcop.io.roster.RosterCsv;
import org.pcop.io.roster.RosterEntry;
import org.pcop.io.ruleset.RuleSetFormat;
import org.pcop.model.SiteId;
import org.pcop.model.event.PcopEvent;

/**
 * A UTF-8 byte order mark, which spreadsheet programs and some editors put at the start of a
 * file, is accepted by every format and written by none.
 */
class ByteOrderMarkTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static ByteArrayInputStream withBom(byte[] content) {
    byte[] all = new byte[BOM.length + content.length];
    System.arraycopy(BOM, 0, all, 0, BOM.length);
    System.arraycopy(content, 0, all, BOM.length, content.length);
    return new ByteArrayInputStream(all);
  }

  private static void assertNoBom(byte[] written) {
    assertTrue(written.length >= 3);
    assertNotEquals(List.of(BOM[0], BOM[1], BOM[2]),
        List.of(written[0], written[1], written[2]), "a byte order mark was written");
  }

  @Test
  void aRosterWithAByteOrderMarkReadsAsWithout() throws IOException {
    List<RosterEntry> entries = List.of(
        RosterEntry.of(Samples.jordan(), Optional.of(SiteId.of("s-memphis"))));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      RosterCsv.create().write(entries, writer);
    }
    assertNoBom(out.toByteArray());

    ImportResult<List<RosterEntry>> read = RosterCsv.create().read(withBom(out.toByteArray()));

    assertTrue(read.isValid(), () -> read.errors().toString());
    assertEquals(entries, read.orElseThrow());
  }

  @Test
  void aRosterWithAByteOrderMarkCountsColumnsFromTheFirstRealCharacter() throws IOException {
    String csv = "member_id,name,title,email,phone,agency_id,site_id,bar_admissions,expertise\n"
        + "m-1,A,B,not-an-email,,a-1,,,\n";

    ImportResult<List<RosterEntry>> read = RosterCsv.create()
        .read(withBom(csv.getBytes(StandardCharsets.UTF_8)));

    assertEquals(List.of(2L), read.errors().stream().map(ImportError::line).distinct()
        .toList(), () -> read.errors().toString());
  }

  @Test
  void aCommunityDocumentWithAByteOrderMarkReadsAsWithout() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CommunityDocumentFormat.create().write(Samples.document(), out);
    assertNoBom(out.toByteArray());

    ImportResult<?> read = CommunityDocumentFormat.create().read(withBom(out.toByteArray()));

    assertTrue(read.isValid(), () -> read.errors().toString());
    assertEquals(Samples.document(), read.orElseThrow());
  }

  @Test
  void aRuleSetWithAByteOrderMarkReadsAsWithout() throws IOException {
    RuleSetFormat format = RuleSetFormat.with(ReadLimits.defaults(), Samples.registry());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    format.write(Samples.ruleSet(), out);
    assertNoBom(out.toByteArray());

    ImportResult<?> read = format.read(withBom(out.toByteArray()));

    assertTrue(read.isValid(), () -> read.errors().toString());
    assertEquals(Samples.ruleSet(), read.orElseThrow());
  }

  @Test
  void anEventLogWithAByteOrderMarkReadsAndChecksAsWithout() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EventLogWriter writer = EventLogFormat.create().writer(out, CaseLabels.INCLUDED)) {
      writer.writeAll(Samples.events());
    }
    byte[] log = out.toByteArray();
    assertNoBom(log);

    ImportResult<Long> check = EventLogFormat.create().check(withBom(log), Samples.known());
    assertTrue(check.isValid(), () -> check.errors().toString());
    assertEquals((long) Samples.events().size(), check.orElseThrow());
    try (EventLogReader reader = EventLogFormat.create().reader(withBom(log))) {
      List<PcopEvent> events = reader.stream().toList();
      assertEquals(Samples.events(), events);
    }
  }
}
