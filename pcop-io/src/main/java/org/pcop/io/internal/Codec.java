package org.pcop.io.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Reads a value from a JSON tree, recording located errors instead of throwing, and writes it to a
 * generator.
 *
 * @param <T> the value
 */
public interface Codec<T> {
  /**
   * Reads the value at {@code at}.
   *
   * @param node the JSON node, never null (a missing property is handled by the caller)
   * @param at the JSON pointer of {@code node}
   * @param d the decoding context that collects errors
   * @return the value, or null when an error was recorded
   */
  T decode(JsonNode node, String at, Decoding d);

  /**
   * Writes the value.
   *
   * @param value the value
   * @param g the generator
   * @throws IOException if writing fails
   */
  void encode(T value, JsonGenerator g) throws IOException;

  /**
   * What a valid value looks like, for error messages.
   *
   * @return a description such as {@code "a member id"}
   */
  String expected();
}
