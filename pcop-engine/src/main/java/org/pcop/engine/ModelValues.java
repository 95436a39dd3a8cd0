package org.pcop.engine;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pcop.io.ReadLimits;
import org.pcop.io.json.PcopJsonModule;
import org.pcop.rules.RecordSnapshot;

/**
 * Writes the model values of the rules' record in a snapshot as pcop-io JSON: one JSON array per
 * type, read back through the model's builders. The snapshot's checksum guards the bytes, so the
 * reading limits are those of a document as large as the record, not of an imported file.
 */
final class ModelValues implements RecordSnapshot.ValueCodec {
  private static final ObjectMapper MAPPER = PcopJsonModule.strictMapper(ReadLimits.builder()
      .maxDocumentLength(Integer.MAX_VALUE).maxTokenCount(Long.MAX_VALUE).build());

  private final Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();
  private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

  private static JavaType listOf(Class<?> type) {
    return MAPPER.getTypeFactory().constructCollectionType(List.class, type);
  }

  @Override
  public <T> byte[] encode(Class<T> type, List<T> values) {
    try {
      return writers.computeIfAbsent(type, t -> MAPPER.writerFor(listOf(t)))
          .writeValueAsBytes(values);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + type.getSimpleName() + " values", e);
    }
  }

  @Override
  public <T> List<T> decode(Class<T> type, byte[] bytes) {
    try {
      return readers.computeIfAbsent(type, t -> MAPPER.readerFor(listOf(t))).readValue(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + type.getSimpleName() + " values: "
          + e.getMessage(), e);
    }
  }
}
