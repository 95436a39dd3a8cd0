package org.pcop.samples.jdbcstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataTextTest {
  @Test
  void keepsEveryCharacterAndTheOrder() {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("z-last-key-first", "plain");
    metadata.put("quotes", "say \"hi\" \\ back\\slash /");
    metadata.put("controls", "tab\tnew\nline\r\u0000nul\u007fdel\b\f");
    metadata.put("unicode", "Zoë – 東京 😀");
    metadata.put("lone.surrogate", "\ud800 alone");
    metadata.put("empty", "");

    String text = MetadataText.write(metadata);
    Map<String, String> back = MetadataText.read(text);

    assertEquals(metadata, back);
    assertEquals(List.copyOf(metadata.keySet()), List.copyOf(back.keySet()));
    assertTrue(text.chars().noneMatch(c -> c < 0x20 || Character.isSurrogate((char) c)),
        "no control characters or surrogates in the stored text: " + text);
  }

  @Test
  void writesAnEmptyObjectForNoMetadata() {
    assertEquals("{}", MetadataText.write(Map.of()));
    assertEquals(Map.of(), MetadataText.read("{}"));
  }

  @Test
  void readsTheShortEscapesOfJson() {
    assertEquals(Map.of("k", "a\"\\/\n\t\r\b\f"),
        MetadataText.read("{\"k\":\"a\\\"\\\\\\/\\n\\t\\r\\b\\f\"}"));
  }

  @Test
  void refusesTextThatIsNotAnObjectOfStrings() {
    for (String bad : List.of("", "[]", "{\"k\":1}", "{\"k\":\"v\"", "{\"k\":\"v\"}x",
        "{\"k\":\"\\x\"}", "{\"k\":\"\\u12g4\"}", "{\"k\":\"\\u12\"}", "{\"k\":\"v\",\"k\":\"w\"}",
        "{\"k\":\"unterminated}")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> MetadataText.read(bad), bad);
      assertTrue(e.getMessage().startsWith("metadata text at offset "), e.getMessage());
    }
  }
}
