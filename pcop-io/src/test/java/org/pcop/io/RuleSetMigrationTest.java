package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcop.io.ruleset.RuleSetFormat;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.ServiceLevelRule;

/**
 * Rule sets of schema version 1, as the first release wrote them, read into today's rules and
 * are written back as version 2; what version 2 added is refused in a version 1 file, and a
 * version newer than this code is refused saying so.
 */
class RuleSetMigrationTest {
  private final RuleSetFormat format = RuleSetFormat.create();

  private static String fixture(String name) throws IOException {
    try (InputStream in = RuleSetMigrationTest.class.getResourceAsStream("rulesets/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aVersionOneFileReadsIntoTheCurrentRulesAndIsWrittenAsVersionTwo() throws IOException {
    String v1 = fixture("v1-default.json");
    assertTrue(v1.contains("\"schemaVersion\" : 1,"), "the fixture is of version 1");

    ImportResult<RuleSet> read = format.read(v1);
    assertTrue(read.isValid(), () -> read.errors().toString());
    RuleSet rules = read.orElseThrow();
    assertEquals(9, rules.getRules().size());
    ServiceLevelRule firstResponse = rules.getRules().stream()
        .filter(ServiceLevelRule.class::isInstance).map(ServiceLevelRule.class::cast)
        .findFirst().orElseThrow();
    assertEquals(3, firstResponse.getDays());
    assertTrue(firstResponse.isBusinessDays());
    assertTrue(firstResponse.getWarnBusinessDays().isEmpty(), "version 1 had no warnings");

    String written = format.write(rules);
    assertTrue(written.startsWith("{\n  \"schemaVersion\" : 2,"), written);
    assertEquals(v1.replaceFirst("\"schemaVersion\" : 1,", "\"schemaVersion\" : 2,"), written,
        "the migration changes the version and nothing else");
    assertEquals(rules, format.read(written).orElseThrow());
  }

  @Test
  void whatVersionTwoAddedIsRefusedInAVersionOneFileNamingWhere() throws IOException {
    String v1 = fixture("v1-default.json")
        .replace("\"obligation\" : \"FOLLOW_UP_REPORT\"", "\"obligation\" : \"RFI_CLOSURE\"")
        .replace("\"days\" : 14,", "\"days\" : 14, \"warnBusinessDays\" : 2,");
    ImportResult<RuleSet> read = format.read(v1);
    assertFalse(read.isValid());
    List<String> errors = read.errors().stream().map(ImportError::toString).toList();
    assertTrue(read.errors().stream().anyMatch(e -> e.pointer().equals("/rules/5/obligation")
        && e.message().contains("RFI_CLOSURE came with schema version 2")
        && e.line() > 0), errors.toString());
    assertTrue(read.errors().stream().anyMatch(e -> e.pointer().equals(
        "/rules/4/warnBusinessDays") && e.message().contains("schemaVersion 1")),
        errors.toString());

    // The same rules under version 2 are read.
    assertTrue(format.read(v1.replaceFirst("\"schemaVersion\" : 1,", "\"schemaVersion\" : 2,"))
        .isValid());
  }

  @Test
  void aVersionNewerThanThisCodeIsRefusedSayingSo() throws IOException {
    String v3 = fixture("v1-default.json").replaceFirst("\"schemaVersion\" : 1,",
        "\"schemaVersion\" : 3,");
    ImportResult<RuleSet> read = format.read(v3);
    assertFalse(read.isValid());
    ImportError error = read.errors().get(0);
    assertEquals("/schemaVersion", error.pointer());
    assertEquals(1, read.errors().size(), read.errors().toString());
    assertTrue(error.message().contains("unsupported schema version 3; this version of pcop"
        + " reads rule sets of schema versions 1 to 2, and a newer pcop wrote this one"),
        error.message());

    ImportError zero = format.read(v3.replaceFirst("\"schemaVersion\" : 3,",
        "\"schemaVersion\" : 0,")).errors().get(0);
    assertTrue(zero.message().contains("unsupported schema version 0; expected 2 (or 1, which"
        + " is migrated)"), zero.message());
  }

  @Test
  void aWarningLessThanOneBusinessDayAheadIsRefusedNamingWhere() throws IOException {
    String v2 = fixture("v1-default.json").replaceFirst("\"schemaVersion\" : 1,",
        "\"schemaVersion\" : 2,").replace("\"days\" : 14,",
            "\"days\" : 14, \"warnBusinessDays\" : 0,");
    ImportResult<RuleSet> read = format.read(v2);
    assertFalse(read.isValid());
    ImportError error = read.errors().get(0);
    assertEquals("/rules/4/warnBusinessDays", error.pointer(), error.toString());
    assertTrue(error.message().contains("must be at least 1, got 0"), error.message());
  }
}
