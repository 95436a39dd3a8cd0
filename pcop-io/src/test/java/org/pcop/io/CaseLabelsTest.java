package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.io.eventlog.EventLogWriter;
import org.pcop.io.schema.PcopSchemas;
import org.pcop.model.CaseReference;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.PcopEvent;

/** Exports leave case labels out unless asked, and what they write still reads back. */
class CaseLabelsTest {
  private static final String LABEL = "CR-2024-0091";
  private static final String HANDLE = "cms:case:991";
  private final EventLogFormat format = EventLogFormat.create();

  private static String write(EventLogWriter writer, ByteArrayOutputStream out)
      throws IOException {
    try (writer) {
      writer.writeAll(Samples.events());
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static CaseReference caseReferenceOf(List<PcopEvent> events) {
    return events.stream().filter(ExchangeRequested.class::isInstance)
        .map(e -> ((ExchangeRequested) e).getExchange().getCaseReferences().get(0))
        .findFirst().orElseThrow();
  }

  @Test
  void anEventLogLeavesCaseLabelsOutByDefaultAndReadsBack() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EventLogWriter writer = format.writer(out);
    assertEquals(CaseLabels.LEFT_OUT, writer.caseLabels());
    String log = write(writer, out);
    assertEquals(1, writer.caseLabelsLeftOut());
    assertFalse(log.contains(LABEL), log);
    assertTrue(log.contains("\"handle\":\"" + HANDLE + "\",\"label\":\""
        + CaseLabels.PLACEHOLDER + "\""), log);

    assertTrue(format.check(new java.io.ByteArrayInputStream(
        log.getBytes(StandardCharsets.UTF_8)), Samples.known()).isValid());
    try (Stream<PcopEvent> events = format.reader(log).stream()) {
      List<PcopEvent> back = events.toList();
      assertEquals(Samples.events().size(), back.size());
      assertEquals(CaseReference.of(HANDLE, CaseLabels.PLACEHOLDER), caseReferenceOf(back));
    }
  }

  @Test
  void anEventLogWritesCaseLabelsWhenAsked() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EventLogWriter writer = format.writer(out, CaseLabels.INCLUDED);
    assertEquals(CaseLabels.INCLUDED, writer.caseLabels());
    String log = write(writer, out);
    assertEquals(0, writer.caseLabelsLeftOut());
    assertTrue(log.contains("\"handle\":\"" + HANDLE + "\",\"label\":\"" + LABEL + "\""), log);
    assertFalse(log.contains(CaseLabels.PLACEHOLDER));
    try (Stream<PcopEvent> events = format.reader(log).stream()) {
      assertEquals(CaseReference.of(HANDLE, LABEL), caseReferenceOf(events.toList()));
    }
  }

  @Test
  void thePlaceholderIsAValidLabel() {
    assertEquals(CaseLabels.PLACEHOLDER,
        CaseReference.of(HANDLE, CaseLabels.PLACEHOLDER).getLabel());
  }

  /**
   * A community document holds no case reference (exchanges and requests travel in the event
   * log), so its writer has no labels to leave out. Should its schema ever reach one, this fails,
   * and the document writer needs the option too.
   */
  @Test
  void aCommunityDocumentCannotHoldACaseReference() throws IOException {
    JsonNode schema;
    try (InputStream in = PcopSchemas.communityDocument()) {
      schema = new ObjectMapper().readTree(in);
    }
    Set<String> reached = new HashSet<>();
    Deque<JsonNode> open = new ArrayDeque<>();
    open.push(schema.get("properties"));
    while (!open.isEmpty()) {
      JsonNode node = open.pop();
      if (node.isObject() && node.has("$ref")) {
        String name = node.get("$ref").asText().replace("#/$defs/", "");
        if (reached.add(name)) {
          open.push(schema.get("$defs").get(name));
        }
      }
      node.elements().forEachRemaining(open::push);
    }
    assertTrue(reached.contains("member"), reached.toString());
    assertFalse(reached.contains("caseReference"), reached.toString());
  }
}
