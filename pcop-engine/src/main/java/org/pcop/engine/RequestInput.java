package org.pcop.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
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
 *
 * <p>Each argument is written by the model's JSON codecs into a token buffer and the canonical
 * text is written straight from its tokens, with no tree of nodes in between; the text, and so
 * the digest, is the one earlier versions computed through a tree ({@code valueToTree}), so
 * digests stored by them still match a retry.
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
    StringBuilder canonical = new StringBuilder(256);
    for (int i = 0; i < input.size(); i++) {
      // The arguments keep their order; only what is inside each is sorted.
      if (i > 0) {
        canonical.append('\n');
      }
      canonical.append(canonical(mapper, input.get(i)));
    }
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256")
          .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
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

  /** One argument's canonical JSON text. */
  private static String canonical(ObjectMapper mapper, Object argument) {
    if (argument == null) {
      return "null";
    }
    TokenBuffer tokens = new TokenBuffer(mapper, false);
    try {
      mapper.writeValue(tokens, argument);
    } catch (IOException | IllegalArgumentException e) {
      // A value the mapper cannot write: its text stands in, which is stable for value types.
      return String.valueOf(argument);
    }
    try (JsonParser parser = tokens.asParser(mapper)) {
      parser.nextToken();
      return canonical(parser, mapper);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read back the tokens just written", e);
    }
  }

  /** The canonical text of the value at the parser's current token, which it reads past. */
  private static String canonical(JsonParser parser, ObjectMapper mapper) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT: {
        Map<String, String> fields = new TreeMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          fields.put(name, canonical(parser, mapper));
        }
        StringBuilder text = new StringBuilder("{");
        fields.forEach((name, value) -> {
          if (text.length() > 1) {
            text.append(',');
          }
          quote(name, text).append(':').append(value);
        });
        return text.append('}').toString();
      }
      case START_ARRAY: {
        List<String> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          elements.add(canonical(parser, mapper));
        }
        elements.sort(null);
        return "[" + String.join(",", elements) + "]";
      }
      case VALUE_STRING:
        return quote(parser.getText(), new StringBuilder()).toString();
      case VALUE_NUMBER_INT:
        return parser.getNumberValue().toString();
      case VALUE_TRUE:
        return "true";
      case VALUE_FALSE:
        return "false";
      case VALUE_NULL:
        return "null";
      default:
        // Fractions and embedded values, which no command's input holds: as a tree node writes
        // them.
        JsonNode node = mapper.readTree(parser);
        return node.toString();
    }
  }

  /**
   * Appends a text as a JSON string the way Jackson writes one by default: quotes, backslashes
   * and control characters escaped (newline, tab and the like by a letter, the others in six
   * characters with upper-case hexadecimal digits), everything else as it is.
   */
  static StringBuilder quote(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20) {
        out.append(c);
      } else {
        switch (c) {
          case '\b':
            out.append("\\b");
            break;
          case '\t':
            out.append("\\t");
            break;
          case '\n':
            out.append("\\n");
            break;
          case '\f':
            out.append("\\f");
            break;
          case '\r':
            out.append("\\r");
            break;
          default:
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
      }
    }
    return out.append('"');
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
