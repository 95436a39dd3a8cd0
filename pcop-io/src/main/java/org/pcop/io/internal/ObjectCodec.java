package org.pcop.io.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * A codec of a JSON object: the decoder reads its {@link Fields}, the encoder writes its
 * properties between the braces.
 *
 * @param <T> the value
 */
public final class ObjectCodec<T> implements Codec<T> {
  private final String expected;
  private final String[] names;
  private final Reader<T> reader;
  private final Writer<T> writer;

  private ObjectCodec(String expected, String[] names, Reader<T> reader, Writer<T> writer) {
    this.expected = expected;
    this.names = names;
    this.reader = reader;
    this.writer = writer;
  }

  /**
   * Creates the codec.
   *
   * @param expected the value in words, for example {@code "a member"}
   * @param names every property, in the order written
   * @param reader builds the value from the fields
   * @param writer writes the properties
   * @param <T> the value
   * @return the codec
   */
  public static <T> ObjectCodec<T> of(String expected, String[] names, Reader<T> reader,
      Writer<T> writer) {
    return new ObjectCodec<>(expected, names, reader, writer);
  }

  /**
   * Every property the object may have.
   *
   * @return the names, in the order written
   */
  public String[] names() {
    return names.clone();
  }

  @Override
  public T decode(JsonNode node, String at, Decoding d) {
    Fields f = Fields.of(node, at, d, expected, names);
    return reader.read(f);
  }

  @Override
  public void encode(T value, JsonGenerator g) throws IOException {
    g.writeStartObject();
    writer.write(value, g);
    g.writeEndObject();
  }

  /**
   * Writes the properties only, for an envelope that adds its own.
   *
   * @param value the value
   * @param g the generator, inside an object
   * @throws IOException if writing fails
   */
  public void encodeFields(T value, JsonGenerator g) throws IOException {
    writer.write(value, g);
  }

  @Override
  public String expected() {
    return expected;
  }

  /**
   * Builds a value from the fields of an object.
   *
   * @param <T> the value
   */
  @FunctionalInterface
  public interface Reader<T> {
    /**
     * Reads the value.
     *
     * @param f the fields
     * @return the value, or null when an error was recorded
     */
    T read(Fields f);
  }

  /**
   * Writes the properties of a value.
   *
   * @param <T> the value
   */
  @FunctionalInterface
  public interface Writer<T> {
    /**
     * Writes the properties.
     *
     * @param value the value
     * @param g the generator, inside the object
     * @throws IOException if writing fails
     */
    void write(T value, JsonGenerator g) throws IOException;
  }
}
