package org.pcop.engine;

import java.util.ArrayList;
import java.util.List;
import org.pcop.spi.AppendResult;
import org.pcop.spi.EventData;
import org.pcop.spi.EventStore;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StreamId;
import org.pcop.spi.memory.InMemoryEventStore;

/**
 * A store over an in-memory one that lets a test slip something in (another engine's command)
 * just before the next append, so that the append loses a race.
 */
final class RacingStore implements EventStore {
  private final InMemoryEventStore memory;
  private final List<Runnable> beforeNextAppend = new ArrayList<>();

  RacingStore(InMemoryEventStore memory) {
    this.memory = memory;
  }

  /** Runs {@code hook} just before the next append, once. */
  void beforeNextAppend(Runnable hook) {
    beforeNextAppend.add(hook);
  }

  /** Forgets the hooks not run yet. */
  void clear() {
    beforeNextAppend.clear();
  }

  @Override
  public AppendResult append(StreamId stream, ExpectedVersion expected, List<EventData> events) {
    List<Runnable> hooks = List.copyOf(beforeNextAppend);
    beforeNextAppend.clear();
    hooks.forEach(Runnable::run);
    return memory.append(stream, expected, events);
  }

  @Override
  public List<RecordedEvent> readStream(StreamId stream, long afterVersion, int maxCount) {
    return memory.readStream(stream, afterVersion, maxCount);
  }

  @Override
  public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
    return memory.readAll(afterPosition, maxCount);
  }
}
