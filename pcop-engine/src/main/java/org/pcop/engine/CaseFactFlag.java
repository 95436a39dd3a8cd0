package org.pcop.engine;

import java.util.List;
import java.util.Objects;
import org.pcop.model.event.EventId;

/**
 * An event stored under the {@code FLAG} case-fact policy whose free text the guard found case
 * facts in, awaiting a coordinator's review: where it lies in the log and where in its texts the
 * findings are, never the text found. Read the text itself through the viewer-aware queries
 * (such as {@link Pcop#rfi(org.pcop.model.RfiId, org.pcop.spi.HostUserId)}).
 *
 * @param event the flagged event's id
 * @param eventType the event's stable type name, such as {@code rfi-posted}
 * @param command the action of the command that stored it, such as {@code rfi.post}
 * @param requestId the request id of that command
 * @param position the event's global position in the store
 * @param findings where the guard found case facts, in the order found
 */
public record CaseFactFlag(EventId event, String eventType, String command, String requestId,
    long position, List<Place> findings) {
  /**
   * Checks and copies the values.
   *
   * @throws NullPointerException if a value is null
   */
  public CaseFactFlag {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(requestId, "requestId");
    findings = List.copyOf(findings);
  }

  /**
   * One finding: the field, the kind and the character offsets.
   *
   * @param field the field, such as {@code request.question}
   * @param kind the kind, such as {@code ssn}
   * @param start the offset of the first character found
   * @param end the offset after the last character found
   */
  public record Place(String field, String kind, int start, int end) {
    /**
     * Checks the values.
     *
     * @throws NullPointerException if the field or kind is null
     */
    public Place {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(kind, "kind");
    }
  }
}
