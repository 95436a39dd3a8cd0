package org.pcop.spi.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pcop.model.event.EventId;
import org.pcop.spi.AppendResult;
import org.pcop.spi.EventData;
import org.pcop.spi.EventIdConflictException;
import org.pcop.spi.EventStore;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StoreFailureException;
import org.pcop.spi.StreamId;
import org.pcop.spi.VersionConflictException;

/**
 * An {@link EventStore} in memory, keeping every guarantee of the interface except durability
 * (nothing survives the process). Appends are serialised, so batches are atomic, concurrent
 * writers with the same expectation conflict cleanly and the global order has no gaps.
 *
 * <p>For fault-injection tests, {@link #failNextAppend(Failure)} makes the next append fail before
 * writing, half way through, or after committing, as a real database can.
 */
public final class InMemoryEventStore implements EventStore {
  /** Where an injected failure strikes the next append. */
  public enum Failure {
    /** Before anything is written: the batch is not committed. */
    BEFORE_WRITE,
    /** After half of the batch is staged: the batch is rolled back, not committed. */
    HALF_WAY,
    /** After the batch is committed: the caller gets a failure but the batch is stored. */
    AFTER_COMMIT
  }

  private final Clock clock;
  private final Object lock = new Object();
  private final List<RecordedEvent> log = new ArrayList<>();
  private final Map<StreamId, List<RecordedEvent>> streams = new HashMap<>();
  private final Map<EventId, RecordedEvent> byId = new HashMap<>();
  private Failure nextFailure;
  private int stagedBeforeLastFailure;

  private InMemoryEventStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * An empty store that records times from the system clock in UTC.
   *
   * @return the store
   */
  public static InMemoryEventStore create() {
    return new InMemoryEventStore(Clock.systemUTC());
  }

  /**
   * An empty store that records times from the given clock.
   *
   * @param clock the clock for {@link RecordedEvent#getRecordedAt()}
   * @return the store
   */
  public static InMemoryEventStore create(Clock clock) {
    return new InMemoryEventStore(clock);
  }

  /**
   * Makes the next append fail with a {@link StoreFailureException} at the given point; later
   * appends work again.
   *
   * @param failure where the next append fails
   */
  public void failNextAppend(Failure failure) {
    Objects.requireNonNull(failure, "failure");
    synchronized (lock) {
      nextFailure = failure;
    }
  }

  /**
   * How many events of its batch the last injected failure had staged inside the store before it
   * struck: none for {@link Failure#BEFORE_WRITE}, half the batch (rounded down) for
   * {@link Failure#HALF_WAY}, the whole batch for {@link Failure#AFTER_COMMIT}. Lets a
   * conformance check confirm that a half-way failure struck after something was written.
   *
   * @return the count; 0 before any injected failure
   */
  public int eventsStagedBeforeLastFailure() {
    synchronized (lock) {
      return stagedBeforeLastFailure;
    }
  }

  @Override
  public AppendResult append(StreamId stream, ExpectedVersion expected, List<EventData> events) {
    checkArgument(stream != null, "append: stream must not be null");
    checkArgument(expected != null, "append: expected version must not be null (stream %s)",
        stream);
    checkArgument(events != null && !events.isEmpty(),
        "append: events must hold at least one event (stream %s)", stream);
    List<EventData> batch = List.copyOf(events);
    Set<EventId> ids = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      checkArgument(ids.add(batch.get(i).getEventId()),
          "append: events[%d] repeats event id %s within one batch (stream %s)", i,
          batch.get(i).getEventId(), stream);
    }
    synchronized (lock) {
      Failure failure = nextFailure;
      nextFailure = null;
      if (failure == Failure.BEFORE_WRITE) {
        stagedBeforeLastFailure = 0;
        throw injected(stream, failure);
      }
      AppendResult retry = retryOf(stream, batch);
      if (retry != null) {
        return retry;
      }
      List<RecordedEvent> current = streams.getOrDefault(stream, List.of());
      long actual = current.size();
      if (!expected.isMetBy(actual)) {
        throw new VersionConflictException(stream, expected, actual);
      }
      Instant now = clock.instant();
      List<RecordedEvent> staged = new ArrayList<>(batch.size());
      for (EventData event : batch) {
        if (failure == Failure.HALF_WAY && staged.size() == batch.size() / 2) {
          stagedBeforeLastFailure = staged.size();
          throw injected(stream, failure);
        }
        staged.add(RecordedEvent.builder().stream(stream).version(actual + staged.size() + 1)
            .position(log.size() + staged.size() + 1).recordedAt(now).event(event).build());
      }
      log.addAll(staged);
      streams.computeIfAbsent(stream, s -> new ArrayList<>()).addAll(staged);
      staged.forEach(r -> byId.put(r.getEvent().getEventId(), r));
      if (failure == Failure.AFTER_COMMIT) {
        stagedBeforeLastFailure = staged.size();
        throw injected(stream, failure);
      }
      return result(stream, staged, false);
    }
  }

  /** The original result if the batch repeats one committed batch, null if it is new. */
  private AppendResult retryOf(StreamId stream, List<EventData> batch) {
    List<RecordedEvent> stored = new ArrayList<>();
    List<EventId> storedIds = new ArrayList<>();
    for (EventData event : batch) {
      RecordedEvent existing = byId.get(event.getEventId());
      if (existing != null) {
        stored.add(existing);
        storedIds.add(existing.getEvent().getEventId());
      }
    }
    if (stored.isEmpty()) {
      return null;
    }
    boolean sameRun = stored.size() == batch.size();
    for (int i = 0; sameRun && i < stored.size(); i++) {
      RecordedEvent first = stored.get(0);
      RecordedEvent event = stored.get(i);
      sameRun = event.getStream().equals(stream)
          && event.getVersion() == first.getVersion() + i
          && event.getPosition() == first.getPosition() + i;
    }
    if (!sameRun) {
      throw new EventIdConflictException(stream, storedIds);
    }
    return result(stream, stored, true);
  }

  private static AppendResult result(StreamId stream, List<RecordedEvent> events, boolean retry) {
    RecordedEvent first = events.get(0);
    RecordedEvent last = events.get(events.size() - 1);
    return AppendResult.builder().stream(stream).firstVersion(first.getVersion())
        .lastVersion(last.getVersion()).firstPosition(first.getPosition())
        .lastPosition(last.getPosition()).recordedAt(first.getRecordedAt()).retry(retry).build();
  }

  private static StoreFailureException injected(StreamId stream, Failure failure) {
    return new StoreFailureException("stream " + stream + ": injected failure " + failure, null);
  }

  @Override
  public List<RecordedEvent> readStream(StreamId stream, long afterVersion, int maxCount) {
    checkArgument(stream != null, "readStream: stream must not be null");
    checkArgument(afterVersion >= 0, "readStream: afterVersion must be 0 or more; got %d",
        afterVersion);
    checkArgument(maxCount >= 1, "readStream: maxCount must be 1 or more; got %d", maxCount);
    synchronized (lock) {
      return slice(streams.getOrDefault(stream, List.of()), afterVersion, maxCount);
    }
  }

  @Override
  public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
    checkArgument(afterPosition >= 0, "readAll: afterPosition must be 0 or more; got %d",
        afterPosition);
    checkArgument(maxCount >= 1, "readAll: maxCount must be 1 or more; got %d", maxCount);
    synchronized (lock) {
      return slice(log, afterPosition, maxCount);
    }
  }

  private static List<RecordedEvent> slice(List<RecordedEvent> events, long after, int maxCount) {
    if (after >= events.size()) {
      return List.of();
    }
    int from = (int) after;
    return List.copyOf(events.subList(from, (int) Math.min(events.size(), from + (long) maxCount)));
  }

  private static void checkArgument(boolean condition, String message, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(message, args));
    }
  }
}
