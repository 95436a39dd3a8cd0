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
import org.pcop.io.ruleset.RuleSetFormat;
import org.pcop.io.schema.PcopSchemas;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.MeasureKind;
import org.pcop.rules.definition.ServiceLevelKind;
import org.pcop.rules.spi.RuleKindRegistry;

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
  private static final JsonSchema RULE_SET = load(PcopSchemas.ruleSet());
  private static final RuleSetFormat RULES = RuleSetFormat.with(ReadLimits.defaults(),
      Samples.registry());

  private static JsonNode writtenRuleSet() throws IOException {
    return PLAIN.readTree(RULES.write(Samples.ruleSet()));
  }

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
    for (InputStream in : List.of(PcopSchemas.communityDocument(), PcopSchemas.eventLine(),
        PcopSchemas.ruleSet())) {
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

  @Test
  void aWrittenRuleSetValidates() throws IOException {
    Set<ValidationMessage> errors = RULE_SET.validate(writtenRuleSet());
    assertTrue(errors.isEmpty(), errors::toString);
  }

  @Test
  void aWrittenDocumentWithARuleSetValidates() throws IOException {
    Set<ValidationMessage> errors = DOCUMENT.validate(PLAIN.readTree(
        CommunityDocumentFormat.create().write(Samples.documentWithRules())));
    assertTrue(errors.isEmpty(), errors::toString);
  }

  @Test
  void theDocumentSchemaCarriesTheSameRuleSetDefinitions() throws IOException {
    JsonNode document;
    JsonNode rules;
    try (InputStream a = PcopSchemas.communityDocument(); InputStream b = PcopSchemas.ruleSet()) {
      document = PLAIN.readTree(a).get("$defs");
      rules = PLAIN.readTree(b).get("$defs");
    }
    for (String name : List.of("window", "measure", "level", "eligibilityRule",
        "engagementLevelRule", "pointsRule", "serviceLevelRule", "exchangePolicyRule",
        "coverageRule", "dormancyRule", "recommendationRule", "answererWeights",
        "hostWeights", "answererInvitationRule", "pluginRule", "rule", "ruleSet", "measureKind",
        "calendarPeriod", "serviceLevelKind", "participationKind", "activityKind",
        "membershipRole", "agencyKind", "jurisdictionLevel")) {
      assertEquals(rules.get(name), document.get(name), name);
    }
  }

  @Test
  void theRuleSetSchemaListsTheEnumConstantsAndBuiltInKinds() throws IOException {
    JsonNode defs;
    try (InputStream in = PcopSchemas.ruleSet()) {
      defs = PLAIN.readTree(in).get("$defs");
    }
    assertEquals(names(MeasureKind.values()), PLAIN.convertValue(defs.get("measureKind")
        .get("enum"), List.class));
    assertEquals(names(org.pcop.rules.definition.ContributionKind.values()),
        PLAIN.convertValue(defs.get("contributionKind").get("enum"), List.class));
    assertEquals(names(CalendarPeriod.values()), PLAIN.convertValue(defs.get("calendarPeriod")
        .get("enum"), List.class));
    assertEquals(names(ServiceLevelKind.values()), PLAIN.convertValue(
        defs.get("serviceLevelKind").get("enum"), List.class));
    assertEquals(names(ParticipationKind.values()), PLAIN.convertValue(
        defs.get("participationKind").get("enum"), List.class));
    List<?> builtIn = PLAIN.convertValue(defs.get("pluginRule").get("properties").get("kind")
        .get("not").get("enum"), List.class);
    assertEquals(RuleKindRegistry.builtIn().names(), builtIn.stream().sorted().toList());
  }

  private static List<String> names(Enum<?>[] values) {
    return java.util.Arrays.stream(values).map(Enum::name).toList();
  }

  static Stream<Arguments> hostileRuleSets() {
    return Stream.of(
        hostile("unknown property", r -> r.put("extra", 1)),
        hostile("missing schemaVersion", r -> r.remove("schemaVersion")),
        hostile("@class payload", r -> ((ObjectNode) r.get("rules").get(0))
            .put("@class", "java.lang.Runtime")),
        hostile("class name as kind", r -> ((ObjectNode) r.get("rules").get(8))
            .put("kind", "org.pcop.rules.definition.DormancyRule")),
        hostile("built-in kind with parameters", r -> ((ObjectNode) r.get("rules").get(8))
            .putObject("parameters")),
        hostile("property of another kind", r -> ((ObjectNode) r.get("rules").get(7))
            .put("days", 3)),
        hostile("dormancy without days", r -> ((ObjectNode) r.get("rules").get(8))
            .remove("days")),
        hostile("invitation without enabled", r -> ((ObjectNode) r.get("rules").get(9))
            .remove("enabled")),
        hostile("invitation of eleven answerers", r -> ((ObjectNode) r.get("rules").get(9))
            .put("answerers", 11)),
        hostile("demotion fraction above 1", r -> ((ObjectNode) r.get("rules").get(1))
            .put("demotionFraction", 1.5)),
        hostile("points for an unknown kind", r -> ((ObjectNode) r.get("rules").get(2)
            .get("pointsPerKind")).put("SLEPT", 2)),
        hostile("funding cap as a number", r -> ((ObjectNode) r.get("rules").get(6))
            .put("travelFundingCap", 25000)),
        hostile("plugin parameter as a number", r -> ((ObjectNode) r.get("rules").get(11)
            .get("parameters")).put("minAgencies", 3)),
        hostile("NUL in a level name", r -> ((ObjectNode) r.get("rules").get(1).get("levels")
            .get(0)).put("name", "a\u0000")),
        hostile("bad rule id", r -> ((ObjectNode) r.get("rules").get(0)).put("id", "r 1")),
        hostile("window of no days", r -> ((ObjectNode) r.get("rules").get(7)
            .get("matrixWindow")).put("days", 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileRuleSets")
  void hostileRuleSetsDoNotValidate(Consumer<ObjectNode> change) throws IOException {
    ObjectNode set = (ObjectNode) writtenRuleSet();
    change.accept(set);
    assertFalse(RULE_SET.validate(set).isEmpty());
    assertFalse(RULES.read(PLAIN.writeValueAsString(set)).isValid(),
        "the reader and the schema agree");
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
        hostile("rule set without id and version", d -> d.putObject("ruleSet")));
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
