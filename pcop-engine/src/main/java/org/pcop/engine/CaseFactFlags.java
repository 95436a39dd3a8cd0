package org.pcop.engine;

import java.util.ArrayList;
import java.util.List;
import org.pcop.model.event.EventId;
import org.pcop.spi.EventStore;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StreamId;

/**
 * The flagged events of the community's stream, read from the case-fact findings that batches
 * stored under {@code FLAG} carry in their metadata. It reads the stream on its own, metadata
 * only, as far as it was asked to, so replay and the projection never pay for it. Not
 * thread-safe: the engine calls it under its lock.
 */
final class CaseFactFlags {
  private static final int PAGE = 1000;

  private final EventStore store;
  private final StreamId stream;
  private final List<CaseFactFlag> flags = new ArrayList<>();
  private long version;

  CaseFactFlags(EventStore store, StreamId stream) {
    this.store = store;
    this.stream = stream;
  }

  /** The flagged events up to the end of the stream, in log order. */
  List<CaseFactFlag> all() {
    while (true) {
      List<RecordedEvent> page = store.readStream(stream, version, PAGE);
      for (RecordedEvent recorded : page) {
        version = recorded.getVersion();
        String marks = recorded.getEvent().getMetadata().get(CaseFactScreen.FINDINGS_KEY);
        if (marks != null) {
          observe(recorded, marks);
        }
      }
      if (page.size() < PAGE) {
        return List.copyOf(flags);
      }
    }
  }

  private void observe(RecordedEvent recorded, String marks) {
    EventId id = recorded.getEvent().getEventId();
    List<CaseFactFlag.Place> places = new ArrayList<>();
    for (String line : marks.split("\n")) {
      String[] parts = line.split(" ");
      if (parts.length == 5 && parts[0].equals(id.value())) {
        try {
          places.add(new CaseFactFlag.Place(parts[1], parts[2], Integer.parseInt(parts[3]),
              Integer.parseInt(parts[4])));
        } catch (NumberFormatException e) {
          // Not written by this engine; such a line names no place.
        }
      }
    }
    if (places.isEmpty()) {
      return;
    }
    var metadata = recorded.getEvent().getMetadata();
    flags.add(new CaseFactFlag(id, recorded.getEvent().getType(),
        metadata.getOrDefault(EventCodec.COMMAND_KEY, ""),
        metadata.getOrDefault(EventCodec.REQUEST_KEY, ""), recorded.getPosition(), places));
  }
}
