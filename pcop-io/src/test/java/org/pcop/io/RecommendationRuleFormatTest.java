package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcop.io.ruleset.RuleSetFormat;
import org.pcop.io.schema.PcopSchemas;
import org.pcop.rules.AnswererWeights;
import org.pcop.rules.HostWeights;
import org.pcop.rules.definition.RecommendationRule;
import org.pcop.rules.definition.RuleSet;

/**
 * The recommendation rule in rule-set JSON: weights left out keep their defaults, every weight
 * is written, and a negative weight, a name that is not a weight or a fractional count is
 * refused by the reader and by the schema alike, naming where.
 */
class RecommendationRuleFormatTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final RuleSetFormat FORMAT = RuleSetFormat.create();
  private static final JsonSchema SCHEMA;

  static {
    try (InputStream in = PcopSchemas.ruleSet()) {
      SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String ruleSet(String weights) {
    return "{\"schemaVersion\":" + RuleSetFormat.SCHEMA_VERSION + ",\"id\":\"tuned\","
        + "\"version\":1,\"rules\":[{\"kind\":\"recommendation\",\"id\":\"suggest\","
        + "\"community\":\"c-pcop\"" + weights + "}]}";
  }

  private static void refused(String json, String pointer, String words) throws IOException {
    ImportResult<RuleSet> read = FORMAT.read(json);
    assertFalse(read.isValid(), json);
    ImportError error = read.errors().get(0);
    assertEquals(pointer, error.pointer(), error.toString());
    assertTrue(error.message().contains(words), error.toString());
    assertFalse(SCHEMA.validate(PLAIN.readTree(json)).isEmpty(), "the schema refuses " + json);
  }

  @Test
  void weightsLeftOutKeepTheirDefaultsAndAllAreWrittenBack() throws IOException {
    String json = ruleSet(",\"answererWeights\":{\"topicExpertise\":2.5,\"acceptedCap\":10},"
        + "\"hostWeights\":{\"pastPairing\":0,\"asked\":2}");
    assertTrue(SCHEMA.validate(PLAIN.readTree(json)).isEmpty(), "the schema accepts it");
    RecommendationRule rule = (RecommendationRule) FORMAT.read(json).orElseThrow()
        .getRules().get(0);
    assertEquals(AnswererWeights.DEFAULTS.with(Map.of("topicExpertise", 2.5,
        "acceptedCap", 10)), rule.getAnswererWeights());
    assertEquals(HostWeights.DEFAULTS.with(Map.of("pastPairing", 0, "asked", 2)),
        rule.getHostWeights());
    assertEquals(2.0, rule.getHostWeights().asked());

    String written = FORMAT.write(FORMAT.read(json).orElseThrow());
    JsonNode weights = PLAIN.readTree(written).get("rules").get(0).get("answererWeights");
    assertEquals(AnswererWeights.NAMES.size(), weights.size(), written);
    assertTrue(weights.get("acceptedCap").isIntegralNumber(), written);
    assertEquals(2.5, weights.get("topicExpertise").doubleValue());
    assertTrue(SCHEMA.validate(PLAIN.readTree(written)).isEmpty(), written);
    assertEquals(FORMAT.read(json).orElseThrow(), FORMAT.read(written).orElseThrow());
  }

  @Test
  void aRuleWithoutWeightsHasTheDefaults() {
    RecommendationRule rule = (RecommendationRule) FORMAT.read(ruleSet("")).orElseThrow()
        .getRules().get(0);
    assertEquals(AnswererWeights.DEFAULTS, rule.getAnswererWeights());
    assertEquals(HostWeights.DEFAULTS, rule.getHostWeights());
  }

  @Test
  void aNegativeWeightIsRefusedNamingIt() throws IOException {
    refused(ruleSet(",\"answererWeights\":{\"loadPerRequest\":-0.5}"),
        "/rules/0/answererWeights/loadPerRequest", "0 or more");
    refused(ruleSet(",\"hostWeights\":{\"newPairing\":-1}"),
        "/rules/0/hostWeights/newPairing", "0 or more");
    refused(ruleSet(",\"hostWeights\":{\"asked\":-0.5}"),
        "/rules/0/hostWeights/asked", "0 or more");
  }

  @Test
  void aNameThatIsNotAWeightIsRefusedWithTheNamesThereAre() throws IOException {
    refused(ruleSet(",\"answererWeights\":{\"seniority\":1}"),
        "/rules/0/answererWeights/seniority", "unknown property \"seniority\"");
    ImportError error = FORMAT.read(ruleSet(",\"hostWeights\":{\"size\":1}")).errors().get(0);
    assertTrue(error.message().contains("pastPairing"), error.toString());
  }

  @Test
  void aCountMustBeWholeAndAWeightANumber() throws IOException {
    refused(ruleSet(",\"answererWeights\":{\"acceptedCap\":2.5}"),
        "/rules/0/answererWeights/acceptedCap", "whole number");
    refused(ruleSet(",\"hostWeights\":{\"hosted\":\"high\"}"),
        "/rules/0/hostWeights/hosted", "number");
  }
}
