package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pcop.io.ruleset.RuleSetFormat;
import org.pcop.model.CommunityId;
import org.pcop.rules.definition.AnswererInvitationRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;

/** The answerer-invitation policy in rule-set JSON: the README's example, and what is refused. */
class AnswererInvitationFormatTest {
  private static final RuleSetFormat FORMAT = RuleSetFormat.create();

  /** The README's example rule, as printed there, inside a rule set. */
  static final String README_RULE = """
      {"kind": "answerer-invitation", "id": "answerer-invitation", "community": "c-pcop",
       "enabled": true, "answerers": 3}
      """;

  private static String set(String rule) {
    return set(2, rule);
  }

  private static String set(int schemaVersion, String rule) {
    return "{\"schemaVersion\": " + schemaVersion + ", \"id\": \"s\", \"version\": 1,"
        + " \"rules\": [" + rule + "]}";
  }

  @Test
  void theReadmeExampleReadsAndWritesBack() {
    RuleSet read = FORMAT.read(set(README_RULE)).orElseThrow();
    AnswererInvitationRule rule = AnswererInvitationRule.builder()
        .id(RuleId.of("answerer-invitation")).community(CommunityId.of("c-pcop"))
        .enabled(true).answerers(3).build();
    assertEquals(RuleSet.builder().id("s").version(1).addRule(rule).build(), read);
    String written = FORMAT.write(read);
    assertTrue(written.contains("\"kind\" : \"answerer-invitation\",\n"
        + "    \"id\" : \"answerer-invitation\",\n    \"community\" : \"c-pcop\",\n"
        + "    \"enabled\" : true,\n    \"answerers\" : 3\n"), written);
    assertEquals(read, FORMAT.read(written).orElseThrow());
  }

  @Test
  void aFileOfSchemaVersionOneCannotHoldThePolicy() {
    ImportResult<RuleSet> v1 = FORMAT.read(set(1, README_RULE));
    assertEquals("/rules/0/kind", v1.errors().get(0).pointer());
    assertTrue(v1.errors().get(0).message().contains("the rule kind answerer-invitation came"
        + " with schema version 2"), v1.errors().get(0).message());
  }

  @Test
  void aMissingSwitchAndTooManyAnswerersAreRefusedWhereTheyAre() {
    ImportResult<RuleSet> noSwitch = FORMAT.read(set(
        "{\"kind\": \"answerer-invitation\", \"id\": \"i\", \"community\": \"c\","
            + " \"answerers\": 3}"));
    assertEquals("/rules/0/enabled", noSwitch.errors().get(0).pointer());
    ImportResult<RuleSet> tooMany = FORMAT.read(set(
        "{\"kind\": \"answerer-invitation\", \"id\": \"i\", \"community\": \"c\","
            + " \"enabled\": true, \"answerers\": 0}"));
    assertEquals("/rules/0/answerers", tooMany.errors().get(0).pointer());
    assertTrue(tooMany.errors().get(0).message().contains("must be 1 to 10, got 0"),
        tooMany.errors().get(0).message());
  }
}
