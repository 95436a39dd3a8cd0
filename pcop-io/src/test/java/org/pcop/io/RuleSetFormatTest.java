package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcop.io.ruleset.RuleSetFormat;
import org.pcop.model.CommunityId;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.definition.CustomRule;
import org.pcop.rules.definition.DormancyRule;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.MeasureKind;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.Window;
import org.pcop.rules.spi.RuleKindRegistry;

class RuleSetFormatTest {
  private static final CommunityId PCOP = CommunityId.of("c-pcop");
  private final RuleSetFormat format = RuleSetFormat.with(ReadLimits.defaults(),
      Samples.registry());
  private final ObjectMapper plain = new ObjectMapper();

  @Test
  void writeThenReadGivesAnEqualRuleSetWithEveryKind() {
    RuleSet set = Samples.ruleSet();
    String json = format.write(set);
    assertEquals(set, format.read(json).orElseThrow());
    assertTrue(json.startsWith("{\n  \"schemaVersion\" : 2,"), json);
    List<String> kinds = set.getRules().stream().map(r -> r.kind()).distinct().toList();
    assertTrue(kinds.containsAll(RuleKindRegistry.builtIn().names()), kinds.toString());
  }

  @Test
  void theDefaultRulesRoundTripWithTheBuiltInKindsAlone() {
    RuleSet set = DefaultRules.forCommunity(PCOP);
    assertEquals(set, RuleSetFormat.create().read(RuleSetFormat.create().write(set))
        .orElseThrow());
  }

  @Test
  void aPluginKindTravelsUnderItsRegisteredNameWithItsParameters() throws Exception {
    JsonNode rule = plain.readTree(format.write(Samples.ruleSet())).get("rules").get(11);
    assertEquals("exchange-diversity", rule.get("kind").asText());
    assertEquals("3", rule.get("parameters").get("minAgencies").asText());
    CustomRule back = (CustomRule) format.read(format.write(Samples.ruleSet())).orElseThrow()
        .rule(RuleId.of("diverse")).orElseThrow();
    assertEquals("counts visiting\noffices", back.getParameters().get("note"));
  }

  @Test
  void anUnknownKindIsRefusedNamingWhereAndTheKnownKinds() throws Exception {
    ImportResult<RuleSet> result = RuleSetFormat.create().read(format.write(Samples.ruleSet()));
    ImportError error = result.errors().get(0);
    assertEquals("/rules/11/kind", error.pointer());
    assertTrue(error.line() > 0 && error.column() > 0, error.toString());
    assertTrue(error.message().contains("dormancy") && error.message().contains("registry"),
        error.message());
  }

  @Test
  void defaultsMayBeLeftOutAndAreWrittenInFull() throws Exception {
    String minimal = "{\"schemaVersion\":1,\"id\":\"tiny\",\"version\":1,\"rules\":["
        + "{\"kind\":\"coverage\",\"id\":\"c\",\"community\":\"c-pcop\"},"
        + "{\"kind\":\"engagement-level\",\"id\":\"l\",\"community\":\"c-pcop\",\"levels\":"
        + "[{\"name\":\"active\",\"requirements\":[{\"kind\":\"TENURE_DAYS\",\"threshold\":30}]}]}"
        + "]}";
    RuleSet set = format.read(minimal).orElseThrow();
    assertEquals(Window.allTime(),
        ((org.pcop.rules.definition.CoverageRule) set.getRules().get(0)).getMatrixWindow());
    assertEquals(Measure.tenureDays(30), ((org.pcop.rules.definition.EngagementLevelRule)
        set.getRules().get(1)).getLevels().get(0).getRequirements().get(0));
    JsonNode written = plain.readTree(format.write(set)).get("rules").get(1);
    assertEquals(0.9, written.get("demotionFraction").asDouble());
    assertEquals(MeasureKind.TENURE_DAYS.name(), written.get("levels").get(0)
        .get("requirements").get(0).get("kind").asText());
  }

  @Test
  void everyErrorIsReportedAndNothingIsReturned() throws Exception {
    ObjectNode set = (ObjectNode) plain.readTree(format.write(Samples.ruleSet()));
    ((ObjectNode) set.get("rules").get(8)).put("days", 0);
    ((ObjectNode) set.get("rules").get(3)).put("obligation", "LUNCH");
    set.put("version", 0);
    ImportResult<RuleSet> result = format.read(plain.writeValueAsString(set));
    assertTrue(result.value().isEmpty());
    List<String> pointers = result.errors().stream().map(ImportError::pointer).toList();
    assertTrue(pointers.containsAll(List.of("/rules/8/days", "/rules/3/obligation")),
        pointers.toString());
  }

  @Test
  void aCustomRuleOfAnUnregisteredKindIsNotWritten() {
    RuleSet set = RuleSet.builder().id("x").version(1).addRule(CustomRule.builder()
        .id(RuleId.of("r")).community(PCOP).kind("exchange-diversity").build()).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RuleSetFormat.create().write(set, new ByteArrayOutputStream()));
    assertTrue(e.getMessage().contains("exchange-diversity"), e.getMessage());
  }

  @Test
  void aCustomRuleUnderABuiltInKindNameIsNotWritten() {
    RuleSet set = RuleSet.builder().id("x").version(1).addRule(CustomRule.builder()
        .id(RuleId.of("r")).community(PCOP).kind(DormancyRule.KIND).build()).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThrows(IllegalArgumentException.class, () -> format.write(set, out));
    assertEquals(0, out.size(), "nothing is written");
  }

  @Test
  void aThresholdJsonCannotCarryIsNotWritten() {
    RuleSet set = RuleSet.builder().id("x").version(1).addRule(
        org.pcop.rules.definition.EngagementLevelRule.builder().id(RuleId.of("l"))
            .community(PCOP).addLevel(org.pcop.rules.definition.Level.of("a",
                Measure.builder().kind(MeasureKind.PARTICIPATIONS)
                    .threshold(Double.POSITIVE_INFINITY).build())).build()).build();
    assertThrows(IllegalArgumentException.class, () -> format.write(set));
  }

  @Test
  void lenientModeIgnoresUnknownPropertiesButNotTypeHints() throws Exception {
    RuleSetFormat lenient = RuleSetFormat.with(ReadLimits.builder().strict(false).build(),
        Samples.registry());
    ObjectNode set = (ObjectNode) plain.readTree(format.write(Samples.ruleSet()));
    ((ObjectNode) set.get("rules").get(0)).put("comment", "added by hand");
    assertEquals(Samples.ruleSet(), lenient.read(plain.writeValueAsString(set)).orElseThrow());
    ((ObjectNode) set.get("rules").get(0)).put("@type", "x");
    assertFalse(lenient.read(plain.writeValueAsString(set)).isValid());
  }

  /** The example of the README, as printed there. */
  static final String README_EXAMPLE = """
      {
        "schemaVersion" : 1,
        "id" : "pcop-default",
        "version" : 4,
        "rules" : [ {
          "kind" : "engagement-level", "id" : "levels", "community" : "c-pcop",
          "levels" : [ { "name" : "active", "requirements" : [
            { "kind" : "ATTENDANCE_RATIO", "activityKind" : "MEETING",
              "window" : { "days" : 100 }, "threshold" : 0.5, "cap" : 20 } ] } ],
          "demotionFraction" : 0.9, "graceDays" : 90
        }, {
          "kind" : "dormancy", "id" : "dormancy", "community" : "c-pcop", "days" : 180
        }, {
          "kind" : "exchange-diversity", "id" : "diverse", "community" : "c-pcop",
          "parameters" : { "minAgencies" : "3" }
        } ]
      }
      """;

  @Test
  void theReadmeExampleReadsWithThePluginAndNotWithout() {
    RuleSet set = format.read(README_EXAMPLE).orElseThrow();
    assertEquals(List.of("levels", "dormancy", "diverse"),
        set.getRules().stream().map(r -> r.getId().value()).toList());
    assertEquals("/rules/2/kind", RuleSetFormat.create().read(README_EXAMPLE).errors().get(0)
        .pointer());
  }
}
