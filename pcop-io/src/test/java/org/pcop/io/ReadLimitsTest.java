package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pcop.io.document.CommunityDocument;
import org.pcop.io.document.CommunityDocumentFormat;
import org.pcop.model.InvalidValueException;

class ReadLimitsTest {
  @Test
  void defaultsAreStrictAndSizedForARoster() {
    ReadLimits limits = ReadLimits.defaults();
    assertTrue(limits.isStrict());
    assertEquals(32, limits.getMaxNestingDepth());
    assertEquals(32L * 1024 * 1024, limits.getMaxDocumentLength());
    assertEquals(100, limits.getMaxErrors());
  }

  @ParameterizedTest(name = "{0} must be positive")
  @ValueSource(strings = {"maxNestingDepth", "maxStringLength", "maxNumberLength",
      "maxDocumentLength", "maxErrors", "maxEventLineLength", "maxTokenCount", "maxNameLength"})
  void refusesLimitsThatAreNotPositive(String field) {
    InvalidValueException e = assertThrows(InvalidValueException.class, () -> {
      var b = ReadLimits.builder();
      switch (field) {
        case "maxNestingDepth" -> b.maxNestingDepth(0);
        case "maxStringLength" -> b.maxStringLength(-1);
        case "maxNumberLength" -> b.maxNumberLength(0);
        case "maxDocumentLength" -> b.maxDocumentLength(0);
        case "maxErrors" -> b.maxErrors(0);
        case "maxEventLineLength" -> b.maxEventLineLength(0);
        case "maxTokenCount" -> b.maxTokenCount(0);
        default -> b.maxNameLength(0);
      }
      b.build();
    });
    assertTrue(e.getMessage().startsWith("ReadLimits." + field + ": must be positive"),
        e.getMessage());
  }

  @Test
  void limitsApplyPerReaderNotGlobally() {
    String json = CommunityDocumentFormat.create().write(Samples.document());
    CommunityDocumentFormat tight = CommunityDocumentFormat.with(
        ReadLimits.builder().maxDocumentLength(1_000).build());
    assertTrue(tight.read(json).errors().get(0).message().contains("limit"));
    assertTrue(CommunityDocumentFormat.create().read(json).isValid());
  }

  @Test
  void lenientModeAcceptsUnknownPropertiesAndLetsTheLastDuplicateWin() throws Exception {
    ObjectMapper plain = new ObjectMapper();
    ObjectNode doc = (ObjectNode) plain.readTree(
        CommunityDocumentFormat.create().write(Samples.document()));
    doc.put("comment", "exported by hand");
    int current = CommunityDocumentFormat.SCHEMA_VERSION;
    String json = plain.writeValueAsString(doc).replaceFirst("\"schemaVersion\":" + current,
        "\"schemaVersion\":1,\"schemaVersion\":" + current);
    CommunityDocumentFormat lenient = CommunityDocumentFormat.with(
        ReadLimits.builder().strict(false).build());
    CommunityDocument read = lenient.read(json).orElseThrow();
    assertEquals(Samples.document(), read);
    assertTrue(CommunityDocumentFormat.create().read(json).errors().get(0).message()
        .contains("Duplicate field"));
  }
}
