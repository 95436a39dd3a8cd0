package org.pcop.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest of a command's input, stored with its events so that a later command under the same
 * request id can be told apart from a retry. Two inputs that are equal as values give the same
 * digest whatever the order of their sets: each argument is written as JSON with every object's
 * properties and every array's elements sorted, and the arguments, in order, are hashed. Sorting
 * arrays also makes two lists that differ only in order digest alike; such a command is
 * acknowledged as a retry, as every command with a stored request id was before digests were
 * kept.
 */
final class RequestInput {
  private RequestInput() {}

  /**
   * The digest of a command's input.
   *
   * @param mapper the mapper that writes the model's values as JSON
   * @param input the command's arguments (values, identifiers, enums, optionals), in order
   * @return 32 hexadecimal digits
   */
  static String digest(ObjectMapper mapper, List<?> input) {
    List<String> arguments = new ArrayList<>();
    for (Object argument : input) {
      try {
        arguments.add(canonical(mapper.valueToTree(argument)));
      } catch (IllegalArgumentException e) {
        // A value the mapper cannot write: its text stands in, which is stable for value types.
        arguments.add(String.valueOf(argument));
      }
    }
    // The arguments keep their order; only what is inside each is sorted.
    String canonical = String.join("\n", arguments);
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    StringBuilder hex = new StringBuilder(32);
    for (int i = 0; i < 16; i++) {
      hex.append(Character.forDigit((hash[i] >> 4) & 0xF, 16))
          .append(Character.forDigit(hash[i] & 0xF, 16));
    }
    return hex.toString();
  }

  private static String canonical(JsonNode node) {
    if (node.isObject()) {
      Map<String, String> fields = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        fields.put(field.getKey(), canonical(field.getValue()));
      }
      StringBuilder text = new StringBuilder("{");
      fields.forEach((name, value) -> text.append(text.length() == 1 ? "" : ",")
          .append(quoted(name)).append(':').append(value));
      return text.append('}').toString();
    }
    if (node.isArray()) {
      List<String> elements = new ArrayList<>();
      node.forEach(element -> elements.add(canonical(element)));
      elements.sort(null);
      return "[" + String.join(",", elements) + "]";
    }
    return node.toString();
  }

  private static String quoted(String name) {
    return TextNode.valueOf(name).toString();
  }
}
