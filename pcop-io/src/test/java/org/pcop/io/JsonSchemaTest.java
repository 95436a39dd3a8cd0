package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcop.io.document.CommunityDocumentFormat;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.io.eventlog.EventLogWriter;
import org.pcop.io.json.EventTypes;
import org.pcop.io.schema.PcopSchemas;

/** Everything pcop writes validates against the shipped schemas; hostile documents do not. */
class JsonSchemaTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static JsonSchema load(InputStream in) {
    try (in) {
      return FACTORY.getSchema(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final JsonSchema DOCUMENT = load(PcopSchemas.communityDocument());
  private static final JsonSchema EVENT = load(PcopSchemas.eventLine());

  private static JsonNode writtenDocument() throws IOException {
    return PLAIN.readTree(CommunityDocumentFormat.create().write(Samples.document()));
  }

  private static List<String> writtenEvents() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EventLogWriter writer = EventLogFormat.create().writer(out)) {
      writer.writeAll(Samples.events());
    }
    return List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
  }

  @Test
  void theSchemasAreDraft202012() throws IOException {
    for (InputStream in : List.of(PcopSchemas.communityDocument(), PcopSchemas.eventLine())) {
      try (in) {
        assertEquals("https://json-schema.org/draft/2020-12/schema",
            PLAIN.readTree(in).get("$schema").asText());
      }
    }
  }

  @Test
  void aWrittenDocumentValidates() throws IOException {
    Set<ValidationMessage> errors = DOCUMENT.validate(writtenDocument());
    assertTrue(errors.isEmpty(), errors::toString);
  }

  @Test
  void everyWrittenEventValidates() throws IOException {
    List<String> lines = writtenEvents();
    assertEquals(EventTypes.names().size(), lines.size());
    for (String line : lines) {
      Set<ValidationMessage> errors = EVENT.validate(PLAIN.readTree(line));
      assertTrue(errors.isEmpty(), () -> line + " " + errors);
    }
  }

  @Test
  void theEventSchemaListsExactlyTheEventTypes() throws IOException {
    try (InputStream in = PcopSchemas.eventLine()) {
      JsonNode names = PLAIN.readTree(in).get("properties").get("type").get("enum");
      assertEquals(EventTypes.names(), PLAIN.convertValue(names, List.class));
    }
  }

  private static Arguments hostile(String name, Consumer<ObjectNode> change) {
    return Arguments.of(Named.of(name, change));
  }

  static Stream<Arguments> hostileDocuments() {
    return Stream.of(
        hostile("unknown property", d -> d.put("extra", 1)),
        hostile("@class payload", d -> ((ObjectNode) d.get("members").get(0)).put("@class", "x")),
        hostile("missing program", d -> d.remove("program")),
        hostile("old schema version", d -> d.put("schemaVersion", 1)),
        hostile("email is a number", d -> ((ObjectNode) d.get("members").get(0)).put("email", 5)),
        hostile("bad identifier", d -> ((ObjectNode) d.get("members").get(0)).put("id", "m 1")),
        hostile("NUL in a name", d -> ((ObjectNode) d.get("members").get(0))
            .put("name", "a\u0000")),
        hostile("blank name", d -> ((ObjectNode) d.get("sites").get(0)).put("name", "   ")),
        hostile("impossible month", d -> ((ObjectNode) d.get("sites").get(0).get("engagements")
            .get(0)).put("start", "2019-13-01")),
        hostile("unknown enum constant", d -> ((ObjectNode) d.get("agencies").get(0))
            .put("kind", "SHERIFF")),
        hostile("null optional", d -> ((ObjectNode) d.get("members").get(0)).putNull("title")),
        hostile("instant with offset", d -> ((ObjectNode) d.get("memberships").get(0)
            .get("history").get(0)).put("at", "2024-03-01T15:00:00+01:00")),
        hostile("empty history", d -> ((ObjectNode) d.get("memberships").get(0))
            .putArray("history")),
        hostile("rule set not yet defined", d -> d.putObject("ruleSet")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileDocuments")
  void hostileDocumentsDoNotValidate(Consumer<ObjectNode> change) throws IOException {
    ObjectNode doc = (ObjectNode) writtenDocument();
    change.accept(doc);
    assertFalse(DOCUMENT.validate(doc).isEmpty());
    assertFalse(CommunityDocumentFormat.create().read(PLAIN.writeValueAsString(doc)).isValid(),
        "the reader and the schema agree");
  }

  static Stream<Arguments> hostileEvents() {
    return Stream.of(
        hostile("unknown type name", e -> e.put("type", "member-vanished")),
        hostile("class name as type", e -> e.put("type", "org.pcop.model.event.MemberEnrolled")),
        hostile("missing type", e -> e.remove("type")),
        hostile("@class payload", e -> e.put("@class", "java.lang.Runtime")),
        hostile("property of another kind", e -> e.put("heldOn", "2024-01-01")),
        hostile("missing actor", e -> e.remove("actor")),
        hostile("occurredAt as a number", e -> e.put("occurredAt", 1700000000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileEvents")
  void hostileEventsDoNotValidate(Consumer<ObjectNode> change) throws IOException {
    ObjectNode event = (ObjectNode) PLAIN.readTree(writtenEvents().get(1));
    change.accept(event);
    assertFalse(EVENT.validate(event).isEmpty());
    assertFalse(EventLogFormat.create().check(new java.io.ByteArrayInputStream(
        (PLAIN.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8))).isValid(),
        "the reader and the schema agree");
  }
}
