package org.pcop.spi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;
import org.pcop.model.event.EventId;

/**
 * One event as the engine hands it to a store: its id, a type name and an opaque payload (JSON text
 * or bytes) with string metadata. A store needs no pcop domain code to keep it: it stores the type
 * name, the format, the payload bytes and the metadata, and gives them back exactly.
 *
 * <p>The event id names this event forever: a store recognises a retried append by its event ids
 * and may assume that two events with the same id carry the same content. Payloads are copied on
 * the way in and out, so a value never changes after it is built.
 */
@Value.Immutable
public interface EventData {
  /** Largest payload a store must accept, in bytes (1 MiB). Larger payloads are refused here. */
  int MAX_PAYLOAD_BYTES = 1 << 20;

  /** Longest type name, in characters. */
  int MAX_TYPE_LENGTH = 200;

  /** Most metadata entries per event. */
  int MAX_METADATA_ENTRIES = 32;

  /** Longest metadata value, in characters. */
  int MAX_METADATA_VALUE_LENGTH = 1024;

  /**
   * The event's id; unique across the whole store.
   *
   * @return the id
   */
  EventId getEventId();

  /**
   * The type name that tells a reader how to decode the payload, for example
   * {@code pcop.MemberEnrolled/1}: 1 to 200 letters, digits, {@code . _ : - /}.
   *
   * @return the type name
   */
  String getType();

  /**
   * Whether the payload is JSON text or bytes.
   *
   * @return the format
   */
  PayloadFormat getFormat();

  /**
   * The payload, byte for byte as given; a copy on every call.
   *
   * @return the payload bytes
   */
  byte[] getPayload();

  /**
   * Context that is not part of the event itself, such as a correlation or request id; at most
   * 32 entries, keys of identifier shape, values up to 1024 characters.
   *
   * @return the metadata
   */
  Map<String, String> getMetadata();

  /**
   * The payload decoded as UTF-8 text; meant for {@link PayloadFormat#JSON} payloads.
   *
   * @return the payload as text
   */
  default String getPayloadText() {
    return new String(getPayload(), StandardCharsets.UTF_8);
  }

  /** Refuses type names, payloads and metadata that no store should have to keep. */
  @Value.Check
  default void check() {
    InvalidValueException.check(TYPE.matcher(getType()).matches(), "EventData", "type",
        "must be 1 to %d letters, digits, '.', '_', ':', '-' or '/', starting with a letter or"
            + " digit; got \"%s\"", MAX_TYPE_LENGTH, getType());
    byte[] payload = getPayload();
    InvalidValueException.check(payload.length <= MAX_PAYLOAD_BYTES, "EventData", "payload",
        "must be at most %d bytes; got %d", MAX_PAYLOAD_BYTES, payload.length);
    if (getFormat() == PayloadFormat.JSON) {
      try {
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(payload));
      } catch (CharacterCodingException e) {
        throw new InvalidValueException("EventData.payload: a JSON payload must be UTF-8 text;"
            + " event " + getEventId() + " is not");
      }
    }
    Map<String, String> metadata = getMetadata();
    InvalidValueException.check(metadata.size() <= MAX_METADATA_ENTRIES, "EventData",
        "metadata", "must have at most %d entries; got %d", MAX_METADATA_ENTRIES,
        metadata.size());
    metadata.forEach((key, value) -> {
      InvalidValueException.check(METADATA_KEY.matcher(key).matches(), "EventData",
          "metadata", "keys must be 1 to 64 letters, digits, '.', '_', ':' or '-'; got \"%s\"",
          key);
      InvalidValueException.check(value.length() <= MAX_METADATA_VALUE_LENGTH, "EventData",
          "metadata[" + key + "]", "must be at most %d characters; got %d",
          MAX_METADATA_VALUE_LENGTH, value.length());
    });
  }

  /**
   * An event with a JSON payload.
   *
   * @param eventId the event's id
   * @param type the type name
   * @param json the JSON text, stored as UTF-8
   * @return the event
   */
  static EventData json(EventId eventId, String type, String json) {
    return builder().eventId(eventId).type(type).format(PayloadFormat.JSON)
        .payload(json.getBytes(StandardCharsets.UTF_8)).build();
  }

  /**
   * An event with a binary payload.
   *
   * @param eventId the event's id
   * @param type the type name
   * @param payload the bytes, copied
   * @return the event
   */
  static EventData binary(EventId eventId, String type, byte[] payload) {
    return builder().eventId(eventId).type(type).format(PayloadFormat.BINARY).payload(payload)
        .build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableEventData.Builder builder() {
    return ImmutableEventData.builder();
  }

  /** The shape of a type name. */
  Pattern TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");

  /** The shape of a metadata key. */
  Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
}
