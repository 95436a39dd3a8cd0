package org.pcop.samples.jdbcstore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes event metadata as the text of a JSON object of strings and reads it back, keeping the
 * entries' order and every character: control characters, quotes, backslashes and surrogates are
 * escaped as {@code \\uXXXX}, so the text is plain ASCII-safe JSON that any database keeps exactly.
 */
final class MetadataText {
  private MetadataText() {}

  /**
   * The metadata as a JSON object, for example {@code {"requestId":"r-1"}}.
   *
   * @param metadata the entries, in order
   * @return the JSON text
   */
  static String write(Map<String, String> metadata) {
    StringBuilder out = new StringBuilder(2 + metadata.size() * 32);
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      writeString(out, entry.getKey());
      out.append(':');
      writeString(out, entry.getValue());
    }
    return out.append('}').toString();
  }

  private static void writeString(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  /**
   * Reads what {@link #write(Map)} wrote.
   *
   * @param text the JSON text
   * @return the entries, in order
   * @throws IllegalArgumentException if the text is not a JSON object of strings, naming the
   *     offset
   */
  static Map<String, String> read(String text) {
    Reader reader = new Reader(text);
    Map<String, String> metadata = new LinkedHashMap<>();
    reader.expect('{');
    if (!reader.consume('}')) {
      do {
        String key = reader.string();
        reader.expect(':');
        String value = reader.string();
        if (metadata.put(key, value) != null) {
          throw reader.error("repeats key \"" + key + "\"");
        }
      } while (reader.consume(','));
      reader.expect('}');
    }
    reader.end();
    return metadata;
  }

  /** A cursor over metadata text. */
  private static final class Reader {
    private final String text;
    private int at;

    Reader(String text) {
      this.text = text;
    }

    void expect(char c) {
      if (!consume(c)) {
        throw error("expected '" + c + "'");
      }
    }

    boolean consume(char c) {
      if (at < text.length() && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    void end() {
      if (at != text.length()) {
        throw error("unexpected text after the object");
      }
    }

    String string() {
      expect('"');
      StringBuilder value = new StringBuilder();
      while (true) {
        if (at >= text.length()) {
          throw error("unterminated string");
        }
        char c = text.charAt(at++);
        if (c == '"') {
          return value.toString();
        }
        if (c != '\\') {
          value.append(c);
          continue;
        }
        if (at >= text.length()) {
          throw error("unterminated escape");
        }
        char escape = text.charAt(at++);
        switch (escape) {
          case '"':
          case '\\':
          case '/':
            value.append(escape);
            break;
          case 'n':
            value.append('\n');
            break;
          case 't':
            value.append('\t');
            break;
          case 'r':
            value.append('\r');
            break;
          case 'b':
            value.append('\b');
            break;
          case 'f':
            value.append('\f');
            break;
          case 'u':
            if (at + 4 > text.length()) {
              throw error("short \\u escape");
            }
            int code = 0;
            for (int i = 0; i < 4; i++) {
              int digit = Character.digit(text.charAt(at++), 16);
              if (digit < 0) {
                throw error("bad \\u escape");
              }
              code = code * 16 + digit;
            }
            value.append((char) code);
            break;
          default:
            throw error("bad escape '\\" + escape + "'");
        }
      }
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          "metadata text at offset " + at + ": " + what + " (in " + abbreviated() + ")");
    }

    private String abbreviated() {
      return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
  }
}
