package org.pcop.io.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;

/** Writes the properties of an object: required, optional (left out when empty) and arrays. */
public final class Out {
  private Out() {}

  /**
   * Writes a property.
   *
   * @param g the generator
   * @param name the property
   * @param value the value
   * @param codec its codec
   * @param <T> the value
   * @throws IOException if writing fails
   */
  public static <T> void field(JsonGenerator g, String name, T value, Codec<T> codec)
      throws IOException {
    g.writeFieldName(name);
    codec.encode(value, g);
  }

  /**
   * Writes a property when the value is present.
   *
   * @param g the generator
   * @param name the property
   * @param value the value
   * @param codec its codec
   * @param <T> the value
   * @throws IOException if writing fails
   */
  public static <T> void opt(JsonGenerator g, String name, Optional<T> value, Codec<T> codec)
      throws IOException {
    if (value.isPresent()) {
      field(g, name, value.get(), codec);
    }
  }

  /**
   * Writes an array property, always (an empty collection gives {@code []}).
   *
   * @param g the generator
   * @param name the property
   * @param values the elements
   * @param codec the element codec
   * @param <T> the element
   * @throws IOException if writing fails
   */
  public static <T> void array(JsonGenerator g, String name, Collection<T> values,
      Codec<T> codec) throws IOException {
    g.writeArrayFieldStart(name);
    for (T value : values) {
      codec.encode(value, g);
    }
    g.writeEndArray();
  }
}
