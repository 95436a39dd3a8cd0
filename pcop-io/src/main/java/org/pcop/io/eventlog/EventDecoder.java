package org.pcop.io.eventlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.pcop.io.ImportError;
import org.pcop.io.ImportException;
import org.pcop.io.ReadLimits;
import org.pcop.io.internal.Codec;
import org.pcop.io.internal.Decoding;
import org.pcop.io.internal.EventCodecs;
import org.pcop.io.internal.JsonInput;
import org.pcop.io.internal.QuickEvents;
import org.pcop.io.internal.Validators;
import org.pcop.model.event.PcopEvent;

/**
 * Decodes one event from the JSON of an event-log line, such as the payload an event store holds,
 * the way {@link EventLogReader} decodes a line: first straight from its bytes for the kinds of
 * event a log mostly holds, then from a tree read without locations, and only for an event refused
 * both ways a careful reading that names every error. Every way applies every check, so the same
 * input gives the same event whichever way it took. Not thread-safe: use one per thread.
 */
public final class EventDecoder {
  private static final Codec<PcopEvent> VALIDATED = Validators.validated(EventCodecs.EVENT);
  private static final Decoding.Locator UNLOCATED =
      (pointer, message) -> ImportError.json(0, 0, pointer, message);

  private final ReadLimits limits;
  private final Codec<PcopEvent> codec;
  private final JsonFactory factory;
  private final QuickEvents quickEvents;

  private EventDecoder(ReadLimits limits, Codec<PcopEvent> codec) {
    this.limits = limits;
    this.codec = codec;
    this.factory = JsonInput.factory(limits, limits.getMaxEventLineLength());
    this.quickEvents = new QuickEvents(limits, limits.getMaxEventLineLength(),
        codec == VALIDATED);
  }

  /**
   * A decoder with the given limits.
   *
   * @param limits the limits of one event's text
   * @return the decoder
   */
  public static EventDecoder with(ReadLimits limits) {
    return new EventDecoder(Objects.requireNonNull(limits, "limits"), VALIDATED);
  }

  /**
   * A decoder for events pcop accepted before it stored them, such as an engine's replay of its
   * own stream: it checks the JSON's structure and what the model's builders refuse, but not again
   * the constraints on what people typed (Jakarta Validation: e-mail and phone formats, lengths),
   * which were checked when the event was accepted. So a replay is not slowed by them, and an
   * event stored under an earlier version's constraints is still read after they tighten.
   *
   * @param limits the limits of one event's text
   * @return the decoder
   */
  public static EventDecoder forStoredEvents(ReadLimits limits) {
    return new EventDecoder(Objects.requireNonNull(limits, "limits"), EventCodecs.EVENT);
  }

  /**
   * Decodes one event.
   *
   * @param utf8 the event's JSON text as UTF-8 bytes, one line of an event log without its line
   *     end
   * @return the event
   * @throws ImportException naming every error (JSON pointer and what was expected) if the text
   *     is not a valid event
   */
  public PcopEvent decode(byte[] utf8) {
    Objects.requireNonNull(utf8, "utf8");
    if (utf8.length > limits.getMaxEventLineLength()) {
      throw new ImportException("event", List.of(ImportError.json(1,
          limits.getMaxEventLineLength() + 1L, "", "event is longer than "
              + limits.getMaxEventLineLength() + " characters")), 0);
    }
    PcopEvent quick = decodeWithoutLocations(utf8, 0, utf8.length);
    if (quick != null) {
      return quick;
    }
    JsonInput json;
    try (JsonParser p = factory.createParser(new String(utf8, StandardCharsets.UTF_8))) {
      json = JsonInput.read(p, limits, 1);
    } catch (JsonInput.Failure e) {
      throw new ImportException("event", List.of(e.error()), 0);
    } catch (IOException e) {
      throw new ImportException("event", List.of(ImportError.json(1, 0, "",
          "cannot be read: " + e.getMessage())), 0);
    }
    Decoding d = new Decoding(limits, json);
    PcopEvent event = codec.decode(json.root(), "", d);
    if (event == null || d.errorCount() > 0) {
      throw new ImportException("event", d.errors(), d.omitted());
    }
    return event;
  }

  /**
   * The event of the bytes read the quick ways: straight from the bytes for the kinds of event a
   * log mostly holds, then from a tree read without noting locations; null when either way refuses
   * it (the caller then reads it carefully, to name every error).
   */
  PcopEvent decodeWithoutLocations(byte[] utf8, int offset, int length) {
    PcopEvent quickest = quickEvents.decode(utf8, offset, length);
    if (quickest != null) {
      return quickest;
    }
    JsonNode root;
    try (JsonParser p = factory.createParser(utf8, offset, length)) {
      root = JsonInput.readUnlocated(p, limits);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    Decoding d = new Decoding(limits, UNLOCATED);
    PcopEvent event = codec.decode(root, "", d);
    return d.errorCount() == 0 ? event : null;
  }
}
