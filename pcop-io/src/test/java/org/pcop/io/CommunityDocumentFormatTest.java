package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcop.io.document.CommunityDocument;
import org.pcop.io.document.CommunityDocumentFormat;
import org.pcop.model.AgencyId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.Member;

class CommunityDocumentFormatTest {
  private final CommunityDocumentFormat format = CommunityDocumentFormat.create();
  private final ObjectMapper plain = new ObjectMapper();

  @Test
  void writeThenReadGivesAnEqualDocument() {
    CommunityDocument document = Samples.document();
    String json = format.write(document);
    ImportResult<CommunityDocument> result = format.read(json);
    assertTrue(result.isValid(), result::toString);
    assertEquals(document, result.orElseThrow());
    assertTrue(json.startsWith("{\n  \"schemaVersion\" : 3,"), json);
  }

  @Test
  void aVersionOneDocumentIsMigrated() throws Exception {
    ObjectNode v1 = (ObjectNode) plain.readTree(format.write(Samples.document()));
    v1.put("schemaVersion", 1);
    v1.set("people", v1.remove("members"));
    ArrayNode taxonomies = (ArrayNode) v1.remove("taxonomies");
    v1.set("taxonomy", taxonomies.get(taxonomies.size() - 1));
    ImportResult<CommunityDocument> result = format.read(plain.writeValueAsString(v1));
    assertTrue(result.isValid(), result::toString);
    CommunityDocument migrated = result.orElseThrow();
    assertEquals(Samples.document().getMembers(), migrated.getMembers());
    assertEquals(List.of(Samples.TAXONOMY), migrated.getTaxonomies());
    // written back, it is a current document
    String written = format.write(migrated);
    assertTrue(written.contains("\"members\"") && written.contains("\"schemaVersion\" : 3"),
        written);
  }

  @Test
  void errorsInAVersionOneDocumentNameThePlaceInTheFileAsWritten() throws Exception {
    ObjectNode v1 = (ObjectNode) plain.readTree(format.write(Samples.document()));
    v1.put("schemaVersion", 1);
    ArrayNode people = (ArrayNode) v1.remove("members");
    ((ObjectNode) people.get(1)).put("email", 7);
    v1.set("people", people);
    v1.set("taxonomy", ((ArrayNode) v1.remove("taxonomies")).get(0));
    ImportResult<CommunityDocument> result = format.read(plain.writeValueAsString(v1));
    assertFalse(result.isValid());
    assertEquals("/people/1/email", result.errors().get(0).pointer());
  }

  @Test
  void aVersionOneDocumentWithVersionTwoPropertiesIsRefused() throws Exception {
    ObjectNode v1 = (ObjectNode) plain.readTree(format.write(Samples.document()));
    v1.put("schemaVersion", 1);
    ImportResult<CommunityDocument> result = format.read(plain.writeValueAsString(v1));
    assertEquals(List.of("/members", "/taxonomies"),
        result.errors().stream().map(ImportError::pointer).toList());
  }

  @Test
  void errorsCarryLineColumnAndPointer() throws Exception {
    ObjectNode doc = (ObjectNode) plain.readTree(format.write(Samples.document()));
    ((ObjectNode) doc.get("members").get(2)).put("email", "not an email");
    String json = plain.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    ImportResult<CommunityDocument> result = format.read(json);
    ImportError error = result.errors().get(0);
    assertEquals("/members/2/email", error.pointer());
    String[] lines = json.split("\n", -1);
    assertTrue(lines[(int) error.line() - 1].contains("\"not an email\""), error.toString());
    assertEquals(lines[(int) error.line() - 1].indexOf("\"not an email\"") + 1, error.column());
  }

  @Test
  void everyErrorIsReportedNotOnlyTheFirst() throws Exception {
    ObjectNode doc = (ObjectNode) plain.readTree(format.write(Samples.document()));
    ((ObjectNode) doc.get("members").get(0)).put("email", "bad");
    ((ObjectNode) doc.get("members").get(1)).put("agency", "a-nowhere");
    ((ObjectNode) doc.get("sites").get(0)).put("state", 12);
    ((ObjectNode) doc.get("agencies").get(0)).put("surprise", true);
    ImportResult<CommunityDocument> result = format.read(plain.writeValueAsString(doc));
    List<String> pointers = result.errors().stream().map(ImportError::pointer).toList();
    assertTrue(pointers.containsAll(List.of("/members/0/email", "/sites/0/state",
        "/agencies/0/surprise")), pointers.toString());
  }

  @Test
  void errorsAreCappedWithACountOfTheRest() throws Exception {
    ObjectNode doc = (ObjectNode) plain.readTree(format.write(Samples.document()));
    ArrayNode members = (ArrayNode) doc.get("members");
    for (int i = 0; i < 30; i++) {
      members.addObject().put("id", "m-x" + i);
    }
    CommunityDocumentFormat capped = CommunityDocumentFormat.with(
        ReadLimits.builder().maxErrors(5).build());
    ImportResult<CommunityDocument> result = capped.read(plain.writeValueAsString(doc));
    assertEquals(5, result.errors().size());
    assertTrue(result.omittedErrorCount() > 20, () -> "" + result.omittedErrorCount());
    ImportException e = assertThrows(ImportException.class, result::orElseThrow);
    assertTrue(e.getMessage().contains("more"), e.getMessage());
  }

  @Test
  void theBuilderRefusesReferencesToWhatTheDocumentLacks() {
    Member stray = Member.builder().from(Samples.sam()).agency(AgencyId.of("a-none")).build();
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> CommunityDocument.builder().from(Samples.document())
            .members(List.of(Samples.jordan(), stray, Samples.alex())).build());
    assertTrue(e.getMessage().startsWith("CommunityDocument.members[1].agency: unknown agency"),
        e.getMessage());
  }

  @Test
  void aDocumentCarriesItsRuleSetThroughTheRuleSetFormat() throws Exception {
    CommunityDocument document = Samples.documentWithRules();
    String json = format.write(document);
    assertEquals(document, format.read(json).orElseThrow());
    ObjectNode ruleSet = (ObjectNode) plain.readTree(json).get("ruleSet");
    assertEquals(Samples.ruleSet().getId(), ruleSet.get("id").asText());
    assertFalse(ruleSet.has("schemaVersion"), "a nested rule set has no version of its own");
  }

  @Test
  void aVersionTwoDocumentIsMigratedAndMayCarryNoRuleSet() throws Exception {
    ObjectNode v2 = (ObjectNode) plain.readTree(format.write(Samples.document()));
    v2.put("schemaVersion", 2);
    assertEquals(Samples.document(), format.read(plain.writeValueAsString(v2)).orElseThrow());
    v2.set("ruleSet", plain.readTree(format.write(Samples.documentWithRules())).get("ruleSet"));
    ImportResult<CommunityDocument> result = format.read(plain.writeValueAsString(v2));
    assertEquals(List.of("/ruleSet"), result.errors().stream().map(ImportError::pointer)
        .toList());
    assertTrue(result.errors().get(0).message().contains("schema version 3"),
        result.errors().toString());
  }

  @Test
  void aVersionOneDocumentMayCarryNoRuleSet() throws Exception {
    ObjectNode v1 = (ObjectNode) plain.readTree(format.write(Samples.documentWithRules()));
    v1.put("schemaVersion", 1);
    v1.set("people", v1.remove("members"));
    v1.set("taxonomy", ((ArrayNode) v1.remove("taxonomies")).get(0));
    ImportResult<CommunityDocument> result = format.read(plain.writeValueAsString(v1));
    assertEquals(List.of("/ruleSet"), result.errors().stream().map(ImportError::pointer)
        .toList());
  }

  @Test
  void aRuleOfACommunityTheDocumentLacksIsRefusedWhereItIs() throws Exception {
    ObjectNode doc = (ObjectNode) plain.readTree(format.write(Samples.documentWithRules()));
    ((ObjectNode) doc.get("ruleSet").get("rules").get(2)).put("community", "c-elsewhere");
    ImportResult<CommunityDocument> result = format.read(plain.writeValueAsString(doc));
    assertEquals("/ruleSet/rules/2/community", result.errors().get(0).pointer());
    assertTrue(result.errors().get(0).message().contains("unknown community"),
        result.errors().toString());
    assertTrue(result.errors().get(0).line() > 0, "located in the file");
  }

  @Test
  void errorsInTheRuleSetAreReportedWithTheRestOfTheDocument() throws Exception {
    ObjectNode doc = (ObjectNode) plain.readTree(format.write(Samples.documentWithRules()));
    ((ObjectNode) doc.get("members").get(0)).put("email", "bad");
    ((ObjectNode) doc.get("ruleSet").get("rules").get(0)).put("kind", "no-such-kind");
    List<String> pointers = format.read(plain.writeValueAsString(doc)).errors().stream()
        .map(ImportError::pointer).toList();
    assertTrue(pointers.containsAll(List.of("/members/0/email", "/ruleSet/rules/0/kind")),
        pointers.toString());
  }

  @Test
  void theBuilderRefusesARuleOfAnUnknownCommunity() {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> CommunityDocument.builder().from(Samples.document())
            .ruleSet(org.pcop.rules.DefaultRules.forCommunity(
                org.pcop.model.CommunityId.of("c-other"))).build());
    assertTrue(e.getMessage().startsWith("CommunityDocument.ruleSet.rules[0].community"),
        e.getMessage());
  }
}
