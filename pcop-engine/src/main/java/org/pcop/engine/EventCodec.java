package org.pcop.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.pcop.io.ImportException;
import org.pcop.io.ReadLimits;
import org.pcop.io.eventlog.EventDecoder;
import org.pcop.io.json.EventTypes;
import org.pcop.io.json.PcopJsonModule;
import org.pcop.model.event.PcopEvent;
import org.pcop.spi.EventData;
import org.pcop.spi.PayloadFormat;
import org.pcop.spi.RecordedEvent;

/**
 * Turns events into the store's opaque payloads (JSON text in pcop-io's event format, with the
 * engine's metadata) and back. Payloads are read the way pcop-io reads an event log, straight from
 * their bytes for the kinds of event a log mostly holds, and without checking again the typing
 * constraints they were accepted under ({@link EventDecoder#forStoredEvents}), so a replay costs
 * little more than the rules' own work and an upgrade that tightens a constraint strands nothing. Not thread-safe: the engine uses it under its lock.
 */
final class EventCodec {
  /** Metadata key of the engine command that appended an event. */
  static final String COMMAND_KEY = "command";
  /** Metadata key of the request id of the command that appended an event. */
  static final String REQUEST_KEY = "requestId";

  private final ObjectMapper mapper = PcopJsonModule.strictMapper(ReadLimits.defaults());
  private final EventDecoder decoder = EventDecoder.forStoredEvents(ReadLimits.defaults());

  ObjectMapper mapper() {
    return mapper;
  }

  /** The payload of an event, with the given metadata. */
  EventData encode(PcopEvent event, Map<String, String> metadata) {
    try {
      return EventData.builder().eventId(event.getEventId()).type(EventTypes.nameOf(event))
          .format(PayloadFormat.JSON)
          .payload(mapper.writeValueAsString(event).getBytes(StandardCharsets.UTF_8))
          .putAllMetadata(metadata).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode event " + event.getEventId(), e);
    }
  }

  /**
   * The event a stored payload holds.
   *
   * @throws IllegalStateException naming the position if the type is unknown or the payload
   *     cannot be read
   */
  PcopEvent decode(RecordedEvent recorded) {
    String type = recorded.getEvent().getType();
    if (EventTypes.typeOf(type).isEmpty()) {
      throw new IllegalStateException("event at position " + recorded.getPosition()
          + " has unknown type \"" + type + "\"");
    }
    try {
      return decoder.decode(recorded.getEvent().getPayload());
    } catch (ImportException e) {
      throw new IllegalStateException("event at position " + recorded.getPosition()
          + " cannot be read: " + e.getMessage(), e);
    }
  }
}
