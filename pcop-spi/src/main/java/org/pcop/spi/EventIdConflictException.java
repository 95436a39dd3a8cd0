package org.pcop.spi;

import java.util.List;
import org.pcop.model.event.EventId;

/**
 * Some but not all of a batch's event ids were already stored (or they were stored elsewhere than
 * a retry of this batch would have put them), so the batch is neither new nor a retry. The store
 * refused it whole and wrote nothing.
 */
public final class EventIdConflictException extends StoreException {
  private static final long serialVersionUID = 1L;

  /** The stream appended to. */
  private final StreamId stream;
  /** The batch's event ids that were already stored. */
  private final List<EventId> alreadyStored;

  /**
   * Creates the exception.
   *
   * @param stream the stream appended to
   * @param alreadyStored the batch's event ids the store already held
   */
  public EventIdConflictException(StreamId stream, List<EventId> alreadyStored) {
    super("stream " + stream + ": the batch overlaps events already stored " + alreadyStored
        + " but is not a retry of one committed batch; nothing was written", null);
    this.stream = stream;
    this.alreadyStored = List.copyOf(alreadyStored);
  }

  /**
   * The stream appended to.
   *
   * @return the stream
   */
  public StreamId getStream() {
    return stream;
  }

  /**
   * The batch's event ids that were already stored.
   *
   * @return the ids, in batch order
   */
  public List<EventId> getAlreadyStored() {
    return alreadyStored;
  }
}
