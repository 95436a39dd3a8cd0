package org.pcop.samples.cli.folder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pcop.io.ReadLimits;
import org.pcop.io.json.EventTypes;
import org.pcop.io.json.PcopJsonModule;
import org.pcop.model.event.PcopEvent;
import org.pcop.spi.EventData;
import org.pcop.spi.RecordedEvent;

/**
 * Turns model events into the store's opaque JSON payloads and back, in pcop-io's wire form with
 * its stable type names, so that the database holds the same JSON as an exported event log.
 * Thread-safe.
 */
public final class EventJson {
  private static final ObjectMapper MAPPER = PcopJsonModule.strictMapper(ReadLimits.defaults());

  private EventJson() {}

  /**
   * The payload of an event, under its own event id.
   *
   * @param event the event
   * @return the store's event data
   * @throws IllegalArgumentException if the event cannot be written as JSON
   */
  public static EventData toData(PcopEvent event) {
    try {
      return EventData.json(event.getEventId(), EventTypes.nameOf(event),
          MAPPER.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write event " + event.getEventId()
          + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The model event a stored payload holds.
   *
   * @param recorded the stored event
   * @return the event
   * @throws DataFolderException if the payload is not a pcop event, naming its position
   */
  public static PcopEvent fromData(RecordedEvent recorded) {
    try {
      return MAPPER.readValue(recorded.getEvent().getPayloadText(), PcopEvent.class);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new DataFolderException("the stored event at position " + recorded.getPosition()
          + " (" + recorded.getEvent().getType() + ") cannot be read: "
          + firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no detail";
    }
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
