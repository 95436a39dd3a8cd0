package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcop.io.document.CommunityDocumentFormat;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.io.roster.RosterCsv;
import org.pcop.io.roster.RosterEntry;
import org.pcop.io.ruleset.RuleSetFormat;

/**
 * Hostile input, one case a row: each must be refused with nothing returned, every error must name
 * where it is, and the first error must be at the expected place and say what was expected.
 */
class HostileInputTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final ReadLimits SMALL = ReadLimits.builder().maxNestingDepth(8)
      .maxStringLength(100).maxNumberLength(6).maxDocumentLength(20_000).maxNameLength(40)
      .maxEventLineLength(5_000).maxTokenCount(3_000).build();

  private static String document(Consumer<ObjectNode> change) {
    try {
      ObjectNode doc = (ObjectNode) PLAIN.readTree(
          CommunityDocumentFormat.create().write(Samples.document()));
      change.accept(doc);
      return PLAIN.writeValueAsString(doc);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String ruleSet(Consumer<ObjectNode> change) {
    try {
      ObjectNode set = (ObjectNode) PLAIN.readTree(
          RuleSetFormat.with(ReadLimits.defaults(), Samples.registry()).write(Samples.ruleSet()));
      change.accept(set);
      return PLAIN.writeValueAsString(set);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rule {@code i} of a rule set: 1 levels, 2 points, 6 exchange policy, 8 dormancy, 10 plugin. */
  private static ObjectNode rule(ObjectNode set, int i) {
    return (ObjectNode) set.get("rules").get(i);
  }

  private static ObjectNode measure(ObjectNode set, int level, int requirement) {
    return (ObjectNode) set.get("rules").get(1).get("levels").get(level).get("requirements")
        .get(requirement);
  }

  private static Arguments rules(String name, String json, String where, String says) {
    return Arguments.of(Named.of(name, new Case("rules", json.getBytes(StandardCharsets.UTF_8),
        where, says)));
  }

  private static ObjectNode member(ObjectNode doc, int i) {
    return (ObjectNode) doc.get("members").get(i);
  }

  private static String eventLine(int index, Consumer<ObjectNode> change) {
    try {
      ObjectNode event = (ObjectNode) PLAIN.readTree(
          PLAIN.writeValueAsString(PLAIN.readTree(lines().get(index))));
      change.accept(event);
      return PLAIN.writeValueAsString(event);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> lines() {
    try {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try (var w = EventLogFormat.create().writer(out)) {
        w.writeAll(Samples.events());
      }
      return List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String roster(String... rows) {
    return String.join(",", RosterCsv.HEADER) + "\r\n" + String.join("\r\n", rows) + "\r\n";
  }

  private static final String GOOD_ROW =
      "m-1,Jordan Reyes,ADA,jordan@example.org,,a-shelby,s-memphis,TN:032177,";

  /** A hostile input: its format, bytes, and the expected place and words of the first error. */
  record Case(String format, byte[] input, String where, String says) {}

  private static Arguments doc(String name, String json, String where, String says) {
    return Arguments.of(Named.of(name, new Case("document",
        json.getBytes(StandardCharsets.UTF_8), where, says)));
  }

  private static Arguments docBytes(String name, byte[] json, String where, String says) {
    return Arguments.of(Named.of(name, new Case("document", json, where, says)));
  }

  private static Arguments log(String name, String ndjson, String where, String says) {
    return Arguments.of(Named.of(name, new Case("log", ndjson.getBytes(StandardCharsets.UTF_8),
        where, says)));
  }

  private static Arguments logBytes(String name, byte[] ndjson, String where, String says) {
    return Arguments.of(Named.of(name, new Case("log", ndjson, where, says)));
  }

  private static Arguments csv(String name, String csv, String where, String says) {
    return Arguments.of(Named.of(name, new Case("roster", csv.getBytes(StandardCharsets.UTF_8),
        where, says)));
  }

  private static byte[] concat(String a, byte[] b, String c) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] z = c.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[x.length + b.length + z.length];
    System.arraycopy(x, 0, out, 0, x.length);
    System.arraycopy(b, 0, out, x.length, b.length);
    System.arraycopy(z, 0, out, x.length + b.length, z.length);
    return out;
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    String line0 = lines().get(0);
    // Community document: structure and limits
    cases.add(doc("document nested too deep", document(d -> {
      ObjectNode o = member(d, 0);
      for (int i = 0; i < 10; i++) {
        o = o.putObject("x");
      }
    }), "line 1", "limit"));
    cases.add(doc("document string too long", document(d -> member(d, 0).put("name",
        "x".repeat(500))), "line 1", "limit"));
    cases.add(doc("document number too long", document(d -> d.put("schemaVersion",
        new java.math.BigInteger("12345678901234567890"))), "line 1", "limit"));
    cases.add(doc("document too large", document(d -> {
      ArrayNode sites = (ArrayNode) d.get("sites");
      for (int i = 0; i < 400; i++) {
        sites.addObject().put("id", "s-" + i).put("name", "Somewhere " + i).put("state", "TN");
      }
    }), "line 1", "limit"));
    cases.add(doc("document with too many tokens", "{\"schemaVersion\":2,\"sites\":["
        + "0,".repeat(3_000) + "0]}", "line 1", "limit"));
    cases.add(doc("document property name too long", document(d -> member(d, 0)
        .put("n".repeat(60), 1)), "line 1", "limit"));
    cases.add(doc("document unknown top-level property", document(d -> d.put("extra", 1)),
        "/extra", "unknown property"));
    cases.add(doc("document unknown member property", document(d -> member(d, 1)
        .put("ssn", "123")), "/members/1/ssn", "unknown property"));
    cases.add(doc("document duplicate key", "{\"schemaVersion\":2,\"schemaVersion\":2}",
        "line 1", "Duplicate field"));
    cases.add(doc("document trailing tokens", document(d -> { }) + " {}", "line ",
        "trailing content"));
    cases.add(doc("document trailing garbage", document(d -> { }) + "x", "line ",
        "trailing content"));
    cases.add(doc("document @class payload", document(d -> member(d, 0)
        .put("@class", "java.net.URL")), "/members/0/@class", "type hints"));
    cases.add(doc("document @type payload on the root", document(d -> d.put("@type",
        "CommunityDocument")), "/@type", "type hints"));
    cases.add(docBytes("document malformed UTF-8", concat("{\"schemaVersion\":2,\"program\":\"",
        new byte[] {(byte) 0xC3, (byte) 0x28}, "\"}"), "line 1", "UTF-8"));
    cases.add(doc("document raw NUL in a string", "{\"schemaVersion\":2,\"x\":\"a\u0000b\"}",
        "line 1", "CTRL-CHAR"));
    cases.add(doc("document NUL in a property name", document(d -> member(d, 0)
        .put("na\u0000me", "x")), "/members/0/na\u0000me", "\\u0000"));
    cases.add(doc("document NUL in a member's name", document(d -> member(d, 0)
        .put("name", "Jor\u0000dan")), "/members/0/name", "control characters"));
    cases.add(doc("document escape character in a site name", document(d ->
        ((ObjectNode) d.get("sites").get(0)).put("name", "Mem\u001bphis")), "/sites/0/name",
        "control characters"));
    cases.add(doc("document empty input", "", "line 1", "empty input"));
    cases.add(doc("document not an object", "[1,2]", "line 1, column 1", "JSON object"));
    cases.add(doc("document missing schemaVersion", document(d -> d.remove("schemaVersion")),
        "/schemaVersion", "missing"));
    cases.add(doc("document future schemaVersion", document(d -> d.put("schemaVersion", 99)),
        "/schemaVersion", "unsupported schema version"));
    cases.add(doc("document schemaVersion as a string", document(d -> d.put("schemaVersion",
        "2")), "/schemaVersion", "whole number"));
    cases.add(doc("document wrong type: members is an object", document(d ->
        d.putObject("members")), "/members", "expected an array"));
    cases.add(doc("document wrong type: email is a number", document(d -> member(d, 0)
        .put("email", 5)), "/members/0/email", "expected a string"));
    cases.add(doc("document wrong type: pilot is a string", document(d ->
        ((ObjectNode) d.get("sites").get(0).get("engagements").get(0)).put("pilot", "yes")),
        "/sites/0/engagements/0/pilot", "true or false"));
    cases.add(doc("document null for a required field", document(d -> member(d, 0)
        .putNull("agency")), "/members/0/agency", "null is not allowed"));
    cases.add(doc("document null for an optional field", document(d -> member(d, 0)
        .putNull("title")), "/members/0/title", "null is not allowed"));
    cases.add(doc("document missing required field", document(d -> member(d, 2)
        .remove("email")), "/members/2/email", "missing required property"));
    cases.add(doc("document missing program", document(d -> d.remove("program")), "/program",
        "missing required property"));
    cases.add(doc("document engagements out of order", document(d -> {
      ArrayNode e = (ArrayNode) d.get("sites").get(0).get("engagements");
      e.insert(0, e.remove(1));
    }), "/sites/0/engagements/1", "before the previous engagement ends"));
    cases.add(doc("document engagement ends before it starts", document(d ->
        ((ObjectNode) d.get("sites").get(1).get("engagements").get(0)).put("end",
            "2020-01-01")), "/sites/1/engagements/0/end", "must be after the start"));
    cases.add(doc("document status history out of order", document(d -> {
      ArrayNode h = (ArrayNode) d.get("memberships").get(0).get("history");
      ((ObjectNode) h.get(1)).put("at", "2020-01-01T00:00:00Z");
    }), "/memberships/0/history/1", "earlier than"));
    cases.add(doc("document impossible date", document(d ->
        ((ObjectNode) d.get("sites").get(0).get("engagements").get(0)).put("start",
            "2019-02-30")), "/sites/0/engagements/0/start", "yyyy-MM-dd"));
    cases.add(doc("document instant with offset", document(d -> ((ObjectNode) d.get("memberships")
        .get(0).get("history").get(0)).put("at", "2024-03-01T15:00:00+01:00")),
        "/memberships/0/history/0/at", "ISO-8601 instant"));
    cases.add(doc("document unknown time zone", document(d -> ((ObjectNode) d.get("communities")
        .get(0)).put("timeZone", "Mars/Olympus")), "/communities/0/timeZone", "time zone"));
    cases.add(doc("document unknown enum constant", document(d -> ((ObjectNode) d.get("agencies")
        .get(0)).put("kind", "SHERIFF")), "/agencies/0/kind", "one of DISTRICT_OR_COUNTY"));
    cases.add(doc("document bad identifier", document(d -> member(d, 0).put("id", "m 17")),
        "/members/0/id", "letters, digits"));
    cases.add(doc("document reference to an unknown agency", document(d -> member(d, 1)
        .put("agency", "a-nowhere")), "/members/1/agency", "unknown agency"));
    cases.add(doc("document reference to an unknown site", document(d ->
        ((ObjectNode) d.get("agencies").get(0)).put("site", "s-atlantis")), "/agencies/0/site",
        "unknown site"));
    cases.add(doc("document membership of an unknown member", document(d ->
        ((ObjectNode) d.get("memberships").get(1)).put("member", "m-ghost")),
        "/memberships/1/member", "unknown member"));
    cases.add(doc("document unknown taxonomy", document(d -> ((ObjectNode) d.get("communities")
        .get(0)).put("taxonomy", "nope")), "/communities/0/taxonomy", "unknown taxonomy"));
    cases.add(doc("document expertise in an unknown topic", document(d -> ((ArrayNode) member(d, 0)
        .get("expertise")).set(0, "no-such-topic")), "/members/0/expertise/0", "unknown topic"));
    cases.add(doc("document duplicate member ids", document(d -> member(d, 2).put("id", "m-17")),
        "/members/2", "duplicate"));
    cases.add(doc("document duplicate site ids", document(d -> ((ObjectNode) d.get("sites")
        .get(1)).put("id", "s-memphis")), "/sites/1", "duplicate"));
    cases.add(doc("document repeated set element", document(d -> ((ArrayNode) d.get("program")
        .get("communities")).add("c-pcop")), "/program/communities/1", "repeats"));
    cases.add(doc("document invalid email", document(d -> member(d, 0).put("email", "nobody")),
        "/members/0/email", "email"));
    cases.add(doc("document local attorney general", document(d -> ((ObjectNode) d.get("agencies")
        .get(0)).put("kind", "ATTORNEY_GENERAL")), "/agencies/0/jurisdictionLevel", "contradicts"));
    cases.add(doc("document sponsor sponsoring themself", document(d ->
        ((ObjectNode) d.get("memberships").get(2)).put("sponsor", "m-19")),
        "/memberships/2/sponsor", "cannot sponsor themself"));
    cases.add(doc("document of version 2 with a rule set", document(d -> d.put("schemaVersion", 2)
        .putObject("ruleSet")), "/ruleSet", "rule sets came with schema version 3"));
    // Event log lines
    cases.add(log("event unknown type name", eventLine(0, e -> e.put("type", "member-vanished"))
        + "\n", "line 1", "unknown event type"));
    cases.add(log("event type as a Java class name", eventLine(0, e -> e.put("type",
        "org.pcop.model.event.MemberEnrolled")) + "\n", "line 1", "unknown event type"));
    cases.add(log("event missing type", eventLine(0, e -> e.remove("type")) + "\n", "/type",
        "missing required property \"type\""));
    cases.add(log("event @class payload", eventLine(0, e -> e.put("@class",
        "org.pcop.model.event.ImmutableMemberEnrolled")) + "\n", "/@class", "type hints"));
    cases.add(log("event unknown property", eventLine(3, e -> e.put("color", "red")) + "\n",
        "/color", "unknown property"));
    cases.add(log("event duplicate key", line0.replace("{\"type\":\"member-enrolled\"",
        "{\"type\":\"member-enrolled\",\"type\":\"member-enrolled\"") + "\n", "line 1",
        "Duplicate field"));
    cases.add(log("event two values on one line", line0 + " " + line0 + "\n", "line 1",
        "trailing content"));
    cases.add(log("event missing occurredAt", eventLine(1, e -> e.remove("occurredAt")) + "\n",
        "/occurredAt", "missing required property"));
    cases.add(log("event wrong type for reason", eventLine(1, e -> e.put("reason", 3)) + "\n",
        "/reason", "expected a string"));
    cases.add(log("event line too long", eventLine(1, e -> e.put("reason", "x".repeat(90)))
        .replace("\"reason\"", "\"reason\"" + " ".repeat(6000)) + "\n", "line 1",
        "longer than 5000"));
    cases.add(log("event empty line in strict mode", line0 + "\n\n" + line0 + "\n", "line 2",
        "empty line"));
    cases.add(logBytes("event malformed UTF-8", concat(line0 + "\n{\"type\":\"",
        new byte[] {(byte) 0xFF, (byte) 0xFE}, "\"}\n"), "line 2, column 10", "malformed UTF-8"));
    cases.add(log("event not JSON", "hello\n", "line 1", "Unrecognized token"));
    cases.add(log("event NUL in a reason", eventLine(1, e -> e.put("reason", "a\u0000b")) + "\n",
        "/reason", "control characters"));
    cases.add(log("event requested exchange already approved", eventLine(7, e ->
        ((ObjectNode) e.get("exchange")).put("state", "APPROVED")) + "\n", "/exchange",
        "needs the approvals"));
    cases.add(log("event scheduled out of order", eventLine(10, e ->
        ((ObjectNode) e.get("schedule")).put("lastDay", "2024-05-01")) + "\n",
        "/schedule/lastDay", "before the first day"));
    cases.add(log("event amount as a JSON number", eventLine(7, e ->
        ((ObjectNode) e.get("exchange")).put("travelFunding", 2500.5)) + "\n",
        "/exchange/travelFunding", "plain decimal notation"));
    cases.add(log("event amount in exponent notation", eventLine(7, e ->
        ((ObjectNode) e.get("exchange")).put("travelFunding", "1e9")) + "\n",
        "/exchange/travelFunding", "plain decimal notation"));
    // Rule sets
    cases.add(rules("rule set unknown rule kind", ruleSet(r -> rule(r, 8).put("kind",
        "hibernation")), "/rules/8/kind", "unknown rule kind"));
    cases.add(Arguments.of(Named.of("rule set plugin kind without its plugin", new Case(
        "rules-built-in", ruleSet(r -> { }).getBytes(StandardCharsets.UTF_8), "/rules/11/kind",
        "unknown rule kind \"exchange-diversity\""))));
    cases.add(rules("rule set Java class name as kind", ruleSet(r -> rule(r, 8).put("kind",
        "org.pcop.rules.definition.DormancyRule")), "/rules/8/kind", "unknown rule kind"));
    cases.add(rules("rule set missing kind", ruleSet(r -> rule(r, 0).remove("kind")),
        "/rules/0/kind", "missing required property \"kind\""));
    cases.add(rules("rule set kind as a number", ruleSet(r -> rule(r, 0).put("kind", 7)),
        "/rules/0/kind", "as a string"));
    cases.add(rules("rule set @class payload in a rule", ruleSet(r -> rule(r, 8).put("@class",
        "org.pcop.rules.definition.ImmutableDormancyRule")), "/rules/8/@class", "type hints"));
    cases.add(rules("rule set property of another kind", ruleSet(r -> rule(r, 7).put("days", 3)),
        "/rules/7/days", "unknown property"));
    cases.add(rules("rule set duplicate key", "{\"schemaVersion\":1,\"id\":\"a\",\"id\":\"b\"}",
        "line 1", "Duplicate field"));
    cases.add(rules("rule set trailing tokens", ruleSet(r -> { }) + " []", "line ",
        "trailing content"));
    cases.add(rules("rule set duplicate rule ids", ruleSet(r -> rule(r, 3).put("id", "points")),
        "/rules/3/id", "duplicate rule id"));
    cases.add(rules("rule set demotion fraction above 1", ruleSet(r -> rule(r, 1)
        .put("demotionFraction", 1.5)), "/rules/1/demotionFraction", "at most 1"));
    cases.add(rules("rule set number beyond a double", ruleSet(r -> measure(r, 1, 0)
        .set("threshold", PLAIN.getNodeFactory().numberNode(new java.math.BigDecimal("1e400")))),
        "/rules/1/levels/1/requirements/0/threshold", "finite number"));
    cases.add(rules("rule set threshold as a string", ruleSet(r -> measure(r, 0, 1)
        .put("threshold", "3")), "/rules/1/levels/0/requirements/1/threshold",
        "expected a number"));
    cases.add(rules("rule set ratio without activity kind", ruleSet(r -> measure(r, 0, 0)
        .remove("activityKind")), "/rules/1/levels/0/requirements/0/threshold",
        "needs an activity kind"));
    cases.add(rules("rule set window of no days", ruleSet(r -> ((ObjectNode) measure(r, 0, 1)
        .get("window")).put("days", 0)), "/rules/1/levels/0/requirements/1/window/days",
        "1 or more"));
    cases.add(rules("rule set negative dormancy", ruleSet(r -> rule(r, 8).put("days", -5)),
        "/rules/8/days", "1 or more"));
    cases.add(rules("rule set unknown measure kind", ruleSet(r -> measure(r, 0, 1)
        .put("kind", "VIBES")), "/rules/1/levels/0/requirements/1/kind", "one of PARTICIPATIONS"));
    cases.add(rules("rule set points for an unknown participation kind", ruleSet(r ->
        ((ObjectNode) rule(r, 2).get("pointsPerKind")).put("SLEPT", 3)),
        "/rules/2/pointsPerKind/SLEPT", "one of REGISTERED"));
    cases.add(rules("rule set duplicate level names", ruleSet(r -> ((ObjectNode) rule(r, 1)
        .get("levels").get(2)).put("name", "active")), "/rules/1/levels/2/name",
        "duplicate level name"));
    cases.add(rules("rule set NUL in a level name", ruleSet(r -> ((ObjectNode) rule(r, 1)
        .get("levels").get(0)).put("name", "act\u0000ive")), "/rules/1/levels/0/name",
        "no control characters"));
    cases.add(rules("rule set invitation without enabled", ruleSet(r -> rule(r, 9)
        .remove("enabled")), "/rules/9/enabled", "missing required property"));
    cases.add(rules("rule set invitation of eleven answerers", ruleSet(r -> rule(r, 9)
        .put("answerers", 11)), "/rules/9/answerers", "must be 1 to 10, got 11"));
    cases.add(rules("rule set funding cap as a JSON number", ruleSet(r -> rule(r, 6)
        .put("travelFundingCap", 25000)), "/rules/6/travelFundingCap", "plain decimal notation"));
    cases.add(rules("rule set plugin parameter as a number", ruleSet(r -> ((ObjectNode) rule(r, 11)
        .get("parameters")).put("minAgencies", 3)), "/rules/11/parameters/minAgencies",
        "as a string"));
    cases.add(rules("rule set plugin parameter named @class", ruleSet(r -> ((ObjectNode) rule(r,
        11).get("parameters")).put("@class", "java.lang.Runtime")), "/rules/11/parameters/@class",
        "type hints"));
    cases.add(rules("rule set plugin parameter with an escape character", ruleSet(r ->
        ((ObjectNode) rule(r, 11).get("parameters")).put("note", "a\u001bb")),
        "/rules/11/parameters/note", "control characters"));
    cases.add(rules("rule set missing schemaVersion", ruleSet(r -> r.remove("schemaVersion")),
        "/schemaVersion", "missing required property"));
    cases.add(rules("rule set future schemaVersion", ruleSet(r -> r.put("schemaVersion", 3)),
        "/schemaVersion", "unsupported schema version"));
    cases.add(rules("rule set nested too deep", ruleSet(r -> {
      ObjectNode o = (ObjectNode) measure(r, 0, 1).get("window");
      for (int i = 0; i < 4; i++) {
        o = o.putObject("x");
      }
    }), "line 1", "limit"));
    cases.add(rules("rule set too large", ruleSet(r -> {
      ArrayNode all = (ArrayNode) r.get("rules");
      for (int i = 0; i < 300; i++) {
        all.addObject().put("kind", "dormancy").put("id", "d-" + i).put("community", "c-pcop")
            .put("days", 30);
      }
    }), "line 1", "limit"));
    cases.add(rules("rule set not an object", "[]", "line 1, column 1", "JSON object"));
    // Rosters
    cases.add(csv("roster wrong header", "id,name\r\n" + GOOD_ROW + "\r\n", "row 1",
        "expected the header row"));
    cases.add(csv("roster empty file", "", "row 1", "empty file"));
    cases.add(csv("roster unbalanced quotes", roster(GOOD_ROW, "m-2,\"Sam O'Neil,,s@x.org,,a,,,"),
        "row 3, column 2", "unterminated quoted cell"));
    cases.add(csv("roster quote inside an unquoted cell",
        roster("m-2,Sam \"The\" Man,,s@example.org,,a-1,,,"), "row 2, column 2",
        "double quote inside an unquoted cell"));
    cases.add(csv("roster text after a closing quote",
        roster("m-2,\"Sam\"x,,s@example.org,,a-1,,,"),
        "row 2, column 2", "after a closing quote"));
    cases.add(csv("roster too few columns", roster("m-2,Sam,,s@example.org"), "row 2",
        "expected 9"));
    cases.add(csv("roster too many columns", roster(GOOD_ROW + ",extra"), "row 2", "expected 9"));
    cases.add(csv("roster missing required name", roster("m-2,,,s@example.org,,a-1,,,"),
        "row 2, column 2 (name)", "empty; expected a value"));
    cases.add(csv("roster bad member id", roster("m 2,Sam,,s@example.org,,a-1,,,"),
        "row 2, column 1 (member_id)", "letters, digits"));
    cases.add(csv("roster bad email", roster("m-2,Sam,,not-an-email,,a-1,,,"),
        "row 2, column 4 (email)", "email"));
    cases.add(csv("roster bad bar admission", roster("m-2,Sam,,s@example.org,,a-1,,TN032177,"),
        "row 2, column 8 (bar_admissions)", "STATE:NUMBER"));
    cases.add(csv("roster duplicate member", roster(GOOD_ROW, GOOD_ROW), "row 3, column 1",
        "duplicate member"));
    cases.add(csv("roster empty row", roster(GOOD_ROW, "", GOOD_ROW.replace("m-1", "m-2")),
        "row 3", "empty row"));
    cases.add(csv("roster control character in a name", roster(
        "m-2,Sam\u0007,,s@example.org,,a-1,,,"), "row 2, column 2 (name)", "control characters"));
    cases.add(Arguments.of(Named.of("roster malformed UTF-8", new Case("roster", concat(
        roster(GOOD_ROW), new byte[] {(byte) 0xC0, (byte) 0xAF}, ",x\r\n"), "row 3",
        "malformed UTF-8"))));
    cases.add(csv("roster cell too long", roster("m-2," + "N".repeat(200)
        + ",,s@example.org,,a-1,,,"), "row 2, column 2", "longer than 100"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithLocatedErrors(Case c) throws IOException {
    ImportResult<?> result;
    switch (c.format()) {
      case "document":
        result = CommunityDocumentFormat.with(SMALL).read(new ByteArrayInputStream(c.input()));
        break;
      case "rules":
        result = RuleSetFormat.with(SMALL, Samples.registry())
            .read(new ByteArrayInputStream(c.input()));
        break;
      case "rules-built-in":
        result = RuleSetFormat.with(SMALL).read(new ByteArrayInputStream(c.input()));
        break;
      case "log":
        result = EventLogFormat.with(SMALL).check(new ByteArrayInputStream(c.input()));
        break;
      default:
        result = RosterCsv.with(SMALL).read(new ByteArrayInputStream(c.input()));
        break;
    }
    assertFalse(result.isValid(), "accepted hostile input");
    assertTrue(result.value().isEmpty(), "returned a value for refused input");
    assertFalse(result.errors().isEmpty());
    for (ImportError error : result.errors()) {
      assertFalse(error.where().isBlank(), error::toString);
      assertFalse(error.message().isBlank(), error::toString);
    }
    ImportError first = result.errors().stream()
        .filter(e -> e.where().contains(c.where()) && e.message().contains(c.says()))
        .findFirst().orElse(null);
    assertTrue(first != null, () -> "expected an error at " + c.where() + " saying " + c.says()
        + ", got " + result.errors());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void errorMessagesCarryNoRawControlCharacters(Case c) throws IOException {
    ImportResult<?> result = switch (c.format()) {
      case "document" -> CommunityDocumentFormat.with(SMALL)
          .read(new ByteArrayInputStream(c.input()));
      case "log" -> EventLogFormat.with(SMALL).check(new ByteArrayInputStream(c.input()));
      case "rules" -> RuleSetFormat.with(SMALL, Samples.registry())
          .read(new ByteArrayInputStream(c.input()));
      case "rules-built-in" -> RuleSetFormat.with(SMALL).read(new ByteArrayInputStream(c.input()));
      default -> RosterCsv.with(SMALL).read(new ByteArrayInputStream(c.input()));
    };
    for (ImportError error : result.errors()) {
      assertTrue(error.message().chars().noneMatch(ch -> ch < 0x20 && ch != '\n'),
          error::toString);
    }
  }

  @org.junit.jupiter.api.Test
  void theSameRowsWithoutTheHostileOneAreAccepted() throws IOException {
    StringWriter out = new StringWriter();
    ImportResult<List<RosterEntry>> result = RosterCsv.with(SMALL).read(new ByteArrayInputStream(
        roster(GOOD_ROW).getBytes(StandardCharsets.UTF_8)));
    assertEquals(1, result.orElseThrow().size());
    RosterCsv.create().write(result.orElseThrow(), out);
  }
}
