package org.pcop.io.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.pcop.io.ImportError;
import org.pcop.io.ReadLimits;

/**
 * Reads one JSON document into a tree under the limits in force, remembering the line and column
 * of every value so that later errors can be located. Syntax errors, limits exceeded, duplicate
 * keys (strict mode) and trailing content (strict mode) become a {@link Failure}.
 */
public final class JsonInput implements Decoding.Locator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode root;
  private final long[] rootAt;
  private final Map<JsonNode, Map<String, long[]>> fieldsAt = new IdentityHashMap<>();
  private final Map<JsonNode, List<long[]>> itemsAt = new IdentityHashMap<>();
  private final long lineNumber;

  private final boolean locating;

  private JsonInput(JsonParser p, ReadLimits limits, long lineNumber, boolean locating)
      throws IOException {
    this.lineNumber = lineNumber;
    this.locating = locating;
    JsonToken first = p.nextToken();
    if (first == null) {
      throw new Failure(locate(lineNumber, 1, 1, "", "empty input; expected a JSON object"));
    }
    rootAt = locating ? at(p.currentTokenLocation()) : null;
    root = value(p, first);
    if (limits.isStrict()) {
      JsonToken trailing;
      try {
        trailing = p.nextToken();
      } catch (JsonProcessingException e) {
        trailing = JsonToken.NOT_AVAILABLE;
      }
      if (trailing != null) {
        long[] where = at(p.currentTokenLocation());
        throw new Failure(locate(lineNumber, where[0], where[1], "",
            "trailing content after the JSON value; expected the end of input"));
      }
    }
  }

  /**
   * A JSON factory that applies {@code limits}: nesting depth, string, name, number and document
   * length, token count, and (in strict mode) duplicate-key detection.
   *
   * @param limits the limits
   * @param maxDocumentLength the document length limit to apply
   * @return the factory
   */
  public static JsonFactory factory(ReadLimits limits, long maxDocumentLength) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.getMaxNestingDepth())
            .maxStringLength(limits.getMaxStringLength())
            .maxNameLength(limits.getMaxNameLength())
            .maxNumberLength(limits.getMaxNumberLength())
            .maxDocumentLength(maxDocumentLength)
            .maxTokenCount(limits.getMaxTokenCount())
            .build())
        .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, limits.isStrict())
        .configure(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION, false)
        .build();
  }

  /**
   * Reads the document the parser is positioned before.
   *
   * @param p the parser, which the caller closes
   * @param limits the limits (strictness)
   * @param lineNumber the line to report for every error instead of the parser's (for one line
   *     of an event log), or 0 to use the parser's lines
   * @return the tree with its locations
   * @throws Failure if the input is refused
   * @throws IOException if the input cannot be read
   */
  public static JsonInput read(JsonParser p, ReadLimits limits, long lineNumber)
      throws IOException {
    try {
      return new JsonInput(p, limits, lineNumber, true);
    } catch (StreamConstraintsException e) {
      long[] where = at(p.currentLocation());
      throw new Failure(locate(lineNumber, where[0], where[1], "",
          "input exceeds a limit: " + Texts.sanitize(e.getOriginalMessage())));
    } catch (JsonProcessingException e) {
      long[] where = at(e.getLocation() != null ? e.getLocation() : p.currentLocation());
      throw new Failure(locate(lineNumber, where[0], where[1], "",
          Texts.sanitize(e.getOriginalMessage())));
    }
  }

  /**
   * Reads the document the parser is positioned before, under the same checks as
   * {@link #read}, but without remembering where values were: the quick path for input that is
   * expected to be valid. On any refusal the caller reads the input again with {@link #read} to
   * get the located error.
   *
   * @param p the parser, which the caller closes
   * @param limits the limits (strictness)
   * @return the root value
   * @throws IOException if the input is refused or cannot be read
   */
  public static JsonNode readUnlocated(JsonParser p, ReadLimits limits) throws IOException {
    return new JsonInput(p, limits, 0, false).root;
  }

  private static ImportError locate(long lineNumber, long line, long column, String pointer,
      String message) {
    return lineNumber > 0 ? ImportError.json(lineNumber, column, pointer, message)
        : ImportError.json(line, column, pointer, message);
  }

  private static long[] at(JsonLocation location) {
    if (location == null) {
      return new long[] {0, 0};
    }
    return new long[] {Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr())};
  }

  private JsonNode value(JsonParser p, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT: {
        ObjectNode object = NODES.objectNode();
        Map<String, long[]> where = null;
        if (locating) {
          where = new HashMap<>();
          fieldsAt.put(object, where);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken valueToken = p.nextToken();
          if (where != null) {
            where.put(name, at(p.currentTokenLocation()));
          }
          object.set(name, value(p, valueToken));
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        List<long[]> where = null;
        if (locating) {
          where = new ArrayList<>();
          itemsAt.put(array, where);
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (where != null) {
            where.add(at(p.currentTokenLocation()));
          }
          array.add(value(p, t));
        }
        return array;
      }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonProcessingException("unexpected token " + token, p.currentLocation()) {
          private static final long serialVersionUID = 1L;
        };
    }
  }

  /**
   * The document's root value.
   *
   * @return the root
   */
  public JsonNode root() {
    return root;
  }

  @Override
  public ImportError locate(String pointer, String message) {
    long[] where = rootAt;
    JsonNode node = root;
    if (!pointer.isEmpty()) {
      for (String raw : pointer.substring(1).split("/", -1)) {
        String token = raw.replace("~1", "/").replace("~0", "~");
        long[] next = null;
        JsonNode child = null;
        if (node != null && node.isObject()) {
          Map<String, long[]> fields = fieldsAt.get(node);
          next = fields == null ? null : fields.get(token);
          child = node.get(token);
        } else if (node != null && node.isArray() && token.matches("\\d{1,9}")) {
          int index = Integer.parseInt(token);
          List<long[]> items = itemsAt.get(node);
          if (items != null && index < items.size()) {
            next = items.get(index);
            child = node.get(index);
          }
        }
        if (next == null) {
          break;
        }
        where = next;
        node = child;
      }
    }
    return locate(lineNumber, where[0], where[1], pointer, message);
  }

  /** Input refused before it could be decoded; carries the located error. */
  public static final class Failure extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient ImportError error;

    Failure(ImportError error) {
      super(error.toString());
      this.error = error;
    }

    /**
     * The located error.
     *
     * @return the error
     */
    public ImportError error() {
      return error;
    }
  }
}
