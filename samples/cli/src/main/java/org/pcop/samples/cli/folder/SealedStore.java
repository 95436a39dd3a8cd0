package org.pcop.samples.cli.folder;

import java.io.IOException;
import java.util.List;
import org.pcop.spi.AppendResult;
import org.pcop.spi.EventData;
import org.pcop.spi.EventStore;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StreamId;

/**
 * The event store of a data folder as the folder hands it out: the database's store, with the
 * folder's {@link FolderSeal} moved on after each append has returned, so that every append,
 * the engine's included, is sealed.
 */
final class SealedStore implements EventStore {
  private final EventStore store;
  private final FolderSeal seal;

  SealedStore(EventStore store, FolderSeal seal) {
    this.store = store;
    this.seal = seal;
  }

  @Override
  public AppendResult append(StreamId stream, ExpectedVersion expected, List<EventData> events) {
    AppendResult result = store.append(stream, expected, events);
    try {
      seal.seal(stream, result.getLastVersion(), events.get(events.size() - 1));
    } catch (IOException e) {
      // The events are stored and on disk; the old seal stays behind them, which is allowed,
      // and the next append writes it again. A full disk shows on that append's commit.
    }
    return result;
  }

  @Override
  public List<RecordedEvent> readStream(StreamId stream, long afterVersion, int maxCount) {
    return store.readStream(stream, afterVersion, maxCount);
  }

  @Override
  public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
    return store.readAll(afterPosition, maxCount);
  }

  @Override
  public String toString() {
    return store.toString();
  }
}
