package org.pcop.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the properties of one JSON object: refuses a value that is not an object, properties it
 * does not know (strict mode) and type hints by class name, and records an error for every
 * required property missing or malformed. {@link #failed()} says whether anything went wrong, so
 * that the caller builds the value only from complete input.
 */
public final class Fields {
  private final JsonNode node;
  private final String at;
  private final Decoding d;
  private final int errorsBefore;

  private Fields(JsonNode node, String at, Decoding d, String type, List<String> names) {
    this.at = at;
    this.d = d;
    this.errorsBefore = d.errorCount();
    if (!node.isObject()) {
      d.error(at, "expected " + type + " (a JSON object), found " + kind(node));
      this.node = null;
      return;
    }
    this.node = node;
    Iterator<String> it = node.fieldNames();
    while (it.hasNext()) {
      String name = it.next();
      if (name.startsWith("@")) {
        d.error(at + "/" + Texts.pointerToken(name), "type hints such as " + Texts.quote(name)
            + " are not accepted; types follow from the format, never from class names");
      } else if (d.strict() && !names.contains(name)) {
        d.error(at + "/" + Texts.pointerToken(name), "unknown property " + Texts.quote(name)
            + " in " + type + "; expected only " + String.join(", ", names));
      }
    }
  }

  /**
   * Starts reading an object.
   *
   * @param node the node, which should be an object
   * @param at its pointer
   * @param d the decoding
   * @param type the value type in words, for example {@code "a member"}
   * @param names every property the object may have
   * @return the reader
   */
  public static Fields of(JsonNode node, String at, Decoding d, String type, String... names) {
    return new Fields(node, at, d, type, List.of(names));
  }

  /**
   * Describes the kind of a JSON node, for messages.
   *
   * @param node the node
   * @return for example {@code "a string"}
   */
  public static String kind(JsonNode node) {
    switch (node.getNodeType()) {
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case NULL:
        return "null";
      default:
        return "an unreadable value";
    }
  }

  private String pointer(String name) {
    return at + "/" + name;
  }

  /**
   * Reads a required property.
   *
   * @param name the property
   * @param codec its codec
   * @param <T> its value
   * @return the value, or null after recording an error
   */
  public <T> T req(String name, Codec<T> codec) {
    if (node == null) {
      return null;
    }
    JsonNode value = node.get(name);
    if (value == null) {
      d.error(pointer(name), "missing required property " + Texts.quote(name) + "; expected "
          + codec.expected());
      return null;
    }
    if (value.isNull()) {
      d.error(pointer(name), "null is not allowed; expected " + codec.expected());
      return null;
    }
    return codec.decode(value, pointer(name), d);
  }

  /**
   * Reads an optional property; absent means empty, null is refused.
   *
   * @param name the property
   * @param codec its codec
   * @param <T> its value
   * @return the value, empty when absent or after recording an error
   */
  public <T> Optional<T> opt(String name, Codec<T> codec) {
    if (node == null || node.get(name) == null) {
      return Optional.empty();
    }
    JsonNode value = node.get(name);
    if (value.isNull()) {
      d.error(pointer(name), "null is not allowed; leave the property out or give "
          + codec.expected());
      return Optional.empty();
    }
    return Optional.ofNullable(codec.decode(value, pointer(name), d));
  }

  /**
   * Reads an optional flag.
   *
   * @param name the property
   * @param absent the value when absent
   * @return the flag
   */
  public boolean flag(String name, boolean absent) {
    return opt(name, Scalars.BOOLEAN).orElse(absent);
  }

  /**
   * Reads an optional array into a list; absent means empty.
   *
   * @param name the property
   * @param codec the element codec
   * @param <T> the element
   * @return the list (elements that failed are left out, after recording errors)
   */
  public <T> List<T> list(String name, Codec<T> codec) {
    if (node == null || node.get(name) == null) {
      return List.of();
    }
    JsonNode array = node.get(name);
    if (!array.isArray()) {
      d.error(pointer(name), "expected an array of " + codec.expected() + ", found "
          + kind(array));
      return List.of();
    }
    List<T> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      String itemAt = pointer(name) + "/" + i;
      if (item.isNull()) {
        d.error(itemAt, "null is not allowed; expected " + codec.expected());
        continue;
      }
      T value = codec.decode(item, itemAt, d);
      if (value != null) {
        out.add(value);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Reads an optional array into a set, refusing repeated elements; absent means empty.
   *
   * @param name the property
   * @param codec the element codec
   * @param <T> the element
   * @return the set
   */
  public <T> Set<T> set(String name, Codec<T> codec) {
    List<T> list = list(name, codec);
    Set<T> out = new LinkedHashSet<>();
    Set<T> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      if (!seen.add(list.get(i))) {
        d.error(pointer(name) + "/" + i, "repeats " + Texts.quote(String.valueOf(list.get(i)))
            + "; expected each value once");
      }
      out.add(list.get(i));
    }
    return out;
  }

  /**
   * Whether any error was recorded since this object was started.
   *
   * @return true when the value must not be built
   */
  public boolean failed() {
    return d.errorCount() > errorsBefore;
  }

  /**
   * Builds the value unless an error was recorded.
   *
   * @param build the builder call
   * @param <T> the value
   * @return the value, or null
   */
  public <T> T build(java.util.function.Supplier<T> build) {
    return failed() ? null : d.build(at, build);
  }
}
