package org.pcop.engine;

import java.util.List;
import org.pcop.model.event.EventId;

/**
 * What a committed command appended.
 *
 * @param requestId the request id (the host's, or one the engine made up)
 * @param events the ids of the events appended, in order; empty if the command changed nothing
 * @param eventTypes the stable type names of those events, in the same order
 * @param lastPosition the store's global position of the last event, or of the log when nothing
 *     was appended
 * @param retry true if an earlier attempt with the same request id had already committed these
 *     events and nothing was written now
 */
public record CommandResult(String requestId, List<EventId> events, List<String> eventTypes,
    long lastPosition, boolean retry) {
  /** Copies the lists. */
  public CommandResult {
    events = List.copyOf(events);
    eventTypes = List.copyOf(eventTypes);
  }
}
