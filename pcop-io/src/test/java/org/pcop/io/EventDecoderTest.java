package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pcop.io.eventlog.EventDecoder;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.io.eventlog.EventLogWriter;
import org.pcop.io.json.PcopJsonModule;
import org.pcop.model.event.PcopEvent;

/**
 * One event decoded from its JSON, as an event store holds it: the same event whichever way the
 * decoder takes, from the strict mapper's text and from an event log's line alike, and a bad one
 * refused with what is wrong and where.
 */
class EventDecoderTest {
  private final EventDecoder decoder = EventDecoder.with(ReadLimits.defaults());
  private final ObjectMapper mapper = PcopJsonModule.strictMapper(ReadLimits.defaults());

  @Test
  void decodesEveryKindOfEventAsTheMapperWroteIt() throws IOException {
    for (PcopEvent event : Samples.events()) {
      byte[] json = mapper.writeValueAsBytes(event);
      assertEquals(event, decoder.decode(json), new String(json, StandardCharsets.UTF_8));
    }
  }

  @Test
  void decodesEveryLineOfAnEventLog() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EventLogWriter writer = EventLogFormat.create().writer(out, CaseLabels.INCLUDED)) {
      for (PcopEvent event : Samples.events()) {
        writer.write(event);
      }
    }
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(Samples.events().size(), lines.length);
    for (int i = 0; i < lines.length; i++) {
      assertEquals(Samples.events().get(i),
          decoder.decode(lines[i].getBytes(StandardCharsets.UTF_8)), lines[i]);
    }
  }

  @Test
  void refusesABadEventNamingWhereAndWhat() throws IOException {
    PcopEvent event = Samples.events().get(0);
    String json = mapper.writeValueAsString(event);
    String broken = json.replace("\"eventId\":\"", "\"eventId\":\" ");
    assertFalse(broken.equals(json), json);
    ImportException e = assertThrows(ImportException.class,
        () -> decoder.decode(broken.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("/eventId"), e.getMessage());

    ImportException truncated = assertThrows(ImportException.class,
        () -> decoder.decode("{\"type\":".getBytes(StandardCharsets.UTF_8)));
    assertFalse(truncated.errors().isEmpty());
  }

  @Test
  void storedEventsAreReadWithoutTheTypingConstraintsTheyWereAcceptedUnder() throws IOException {
    PcopEvent enrolled = Samples.events().stream()
        .filter(e -> e instanceof org.pcop.model.event.MemberEnrolled).findFirst().orElseThrow();
    String json = mapper.writeValueAsString(enrolled);
    String typo = json.replaceFirst("\"email\":\"[^\"]*\"", "\"email\":\"jordan at example\"");
    assertFalse(typo.equals(json), json);
    byte[] bytes = typo.getBytes(StandardCharsets.UTF_8);

    ImportException refused = assertThrows(ImportException.class, () -> decoder.decode(bytes));
    assertTrue(refused.getMessage().contains("email"), refused.getMessage());
    PcopEvent stored = EventDecoder.forStoredEvents(ReadLimits.defaults()).decode(bytes);
    assertEquals("jordan at example", ((org.pcop.model.event.MemberEnrolled) stored).getMember()
        .getEmail());
    assertThrows(ImportException.class, () -> EventDecoder.forStoredEvents(ReadLimits.defaults())
        .decode("{\"type\":\"member-enrolled\"}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anActivityWrittenBeforeSeriesExistedReadsWithoutOne() throws IOException {
    org.pcop.model.event.ActivityRecorded recorded = Samples.events().stream()
        .filter(e -> e instanceof org.pcop.model.event.ActivityRecorded)
        .map(e -> (org.pcop.model.event.ActivityRecorded) e).findFirst().orElseThrow();
    assertTrue(recorded.getActivity().getSeries().isPresent());
    String json = mapper.writeValueAsString(recorded);
    String older = json.replaceFirst(",\"series\":\"[^\"]*\"", "");
    assertFalse(older.equals(json), json);
    PcopEvent read = decoder.decode(older.getBytes(StandardCharsets.UTF_8));
    assertEquals(java.util.Optional.empty(),
        ((org.pcop.model.event.ActivityRecorded) read).getActivity().getSeries());
    assertEquals(recorded.getActivity().getId(),
        ((org.pcop.model.event.ActivityRecorded) read).getActivity().getId());

    String blank = json.replaceFirst("\"series\":\"[^\"]*\"", "\"series\":\" \"");
    ImportException refused = assertThrows(ImportException.class,
        () -> decoder.decode(blank.getBytes(StandardCharsets.UTF_8)));
    assertTrue(refused.getMessage().contains("series"), refused.getMessage());
  }
}
