package org.pcop.tck;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pcop.model.event.EventId;
import org.pcop.spi.AppendResult;
import org.pcop.spi.EventData;
import org.pcop.spi.EventIdConflictException;
import org.pcop.spi.EventStore;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.PayloadFormat;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StoreFailureException;
import org.pcop.spi.StreamId;
import org.pcop.spi.VersionConflictException;

/**
 * A small event store that keeps every guarantee unless told to break exactly one of them, for
 * proving that the kit catches each broken guarantee. Its "disk" outlives a store, so it can be
 * reopened.
 */
final class FlawedEventStore implements EventStore {
  /** The one guarantee a store breaks, or none. */
  enum Flaw {
    NONE,
    DUPLICATES_ON_RETRY,
    IGNORES_EXPECTED_VERSION,
    WRITES_HALF_A_BATCH,
    REORDERS_GLOBAL_LOG,
    LOSES_A_PAYLOAD_BYTE,
    RACES_UNDER_CONCURRENCY,
    FORGETS_ON_REOPEN,
    /** Unicode-normalises JSON payload text to NFC. */
    NORMALISES_TEXT,
    /** Strips white space from both ends of JSON payload text. */
    TRIMS_TEXT,
    /** Writes half a batch when it fails, but its half-way failure strikes before any write. */
    FAILS_BEFORE_WRITING,
    /** Keeps everything, but "reopening" returns the same instance. */
    REOPENS_THE_SAME_INSTANCE,
    /** Reopening finds an empty disk. */
    LOSES_EVERYTHING_ON_REOPEN,
    /** Recognises retries only from a cache of the ids this instance wrote. */
    IDEMPOTENCY_IN_A_CACHE,
    /** Acknowledges a retry with the time of the attempt, not the original time of recording. */
    RETRY_ACKNOWLEDGED_AT_ITS_OWN_TIME
  }

  /** What survives reopening. */
  static final class Disk {
    final List<RecordedEvent> log = new ArrayList<>();
  }

  private final Flaw flaw;
  private final Disk disk;
  private final Set<EventId> cache = new HashSet<>();
  private boolean failHalfWay;
  private int writtenBeforeFailure = -1;

  FlawedEventStore(Flaw flaw, Disk disk) {
    this.flaw = flaw;
    this.disk = disk;
  }

  Flaw flaw() {
    return flaw;
  }

  void failHalfWayThroughNextAppend() {
    synchronized (disk) {
      failHalfWay = true;
    }
  }

  /** How many events of the batch the last half-way failure had written; -1 before one. */
  int writtenBeforeFailure() {
    synchronized (disk) {
      return writtenBeforeFailure;
    }
  }

  FlawedEventStore reopen() {
    if (flaw == Flaw.REOPENS_THE_SAME_INSTANCE) {
      return this;
    }
    if (flaw == Flaw.LOSES_EVERYTHING_ON_REOPEN) {
      return new FlawedEventStore(flaw, new Disk());
    }
    if (flaw != Flaw.FORGETS_ON_REOPEN) {
      return new FlawedEventStore(flaw, disk);
    }
    Disk forgetful = new Disk();
    synchronized (disk) {
      forgetful.log.addAll(disk.log.subList(0, Math.max(0, disk.log.size() - 1)));
    }
    return new FlawedEventStore(flaw, forgetful);
  }

  @Override
  public AppendResult append(StreamId stream, ExpectedVersion expected, List<EventData> events) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("empty batch");
    }
    Set<EventId> ids = new HashSet<>();
    for (EventData event : events) {
      if (!ids.add(event.getEventId())) {
        throw new IllegalArgumentException("repeated event id " + event.getEventId());
      }
    }
    if (flaw == Flaw.RACES_UNDER_CONCURRENCY) {
      long actual;
      synchronized (disk) {
        actual = streamOf(stream).size();
      }
      if (!expected.isMetBy(actual)) {
        throw new VersionConflictException(stream, expected, actual);
      }
      try {
        Thread.sleep(20); // the window in which another writer passes the same check
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (disk) {
        return write(stream, streamOf(stream).size(), events);
      }
    }
    synchronized (disk) {
      if (flaw != Flaw.DUPLICATES_ON_RETRY) {
        AppendResult retry = retryOf(stream, events);
        if (retry != null) {
          return retry;
        }
      }
      long actual = streamOf(stream).size();
      if (flaw != Flaw.IGNORES_EXPECTED_VERSION && !expected.isMetBy(actual)) {
        throw new VersionConflictException(stream, expected, actual);
      }
      if (failHalfWay) {
        failHalfWay = false;
        if (flaw == Flaw.FAILS_BEFORE_WRITING) {
          writtenBeforeFailure = 0;
          throw new StoreFailureException("stream " + stream + ": connection lost", null);
        }
        // Written inside the transaction, then the connection is lost: a sound store rolls
        // them back; the one that writes half a batch keeps them.
        writtenBeforeFailure = events.size() / 2;
        if (flaw == Flaw.WRITES_HALF_A_BATCH) {
          write(stream, actual, events.subList(0, events.size() / 2));
        }
        throw new StoreFailureException("stream " + stream + ": connection lost", null);
      }
      return write(stream, actual, events);
    }
  }

  private AppendResult write(StreamId stream, long actual, List<EventData> events) {
    List<RecordedEvent> staged = new ArrayList<>();
    Instant now = Instant.now();
    for (EventData event : events) {
      EventData kept = asText(event);
      if (flaw == Flaw.LOSES_A_PAYLOAD_BYTE && event.getPayload().length > 65_536) {
        byte[] payload = event.getPayload();
        kept = EventData.builder().from(event)
            .payload(Arrays.copyOf(payload, payload.length - 1)).build();
      }
      staged.add(RecordedEvent.builder().stream(stream).version(actual + staged.size() + 1)
          .position(disk.log.size() + staged.size() + 1L).recordedAt(now)
          .event(kept).build());
    }
    disk.log.addAll(staged);
    events.forEach(event -> cache.add(event.getEventId()));
    return result(stream, staged, false);
  }

  /** The event as a store that handles JSON payloads as text keeps it. */
  private EventData asText(EventData event) {
    if (event.getFormat() != PayloadFormat.JSON
        || flaw != Flaw.NORMALISES_TEXT && flaw != Flaw.TRIMS_TEXT) {
      return event;
    }
    String text = new String(event.getPayload(), StandardCharsets.UTF_8);
    String kept = flaw == Flaw.TRIMS_TEXT ? text.strip()
        : Normalizer.normalize(text, Normalizer.Form.NFC);
    return EventData.builder().from(event).payload(kept.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private AppendResult retryOf(StreamId stream, List<EventData> events) {
    List<RecordedEvent> stored = new ArrayList<>();
    for (EventData event : events) {
      if (flaw == Flaw.IDEMPOTENCY_IN_A_CACHE && !cache.contains(event.getEventId())) {
        continue;
      }
      disk.log.stream().filter(r -> r.getEvent().getEventId().equals(event.getEventId()))
          .findFirst().ifPresent(stored::add);
    }
    if (stored.isEmpty()) {
      return null;
    }
    boolean sameRun = stored.size() == events.size();
    for (int i = 0; sameRun && i < stored.size(); i++) {
      sameRun = stored.get(i).getStream().equals(stream)
          && stored.get(i).getVersion() == stored.get(0).getVersion() + i
          && stored.get(i).getPosition() == stored.get(0).getPosition() + i;
    }
    if (!sameRun) {
      throw new EventIdConflictException(stream, stored.stream()
          .map(r -> r.getEvent().getEventId()).collect(Collectors.toList()));
    }
    return result(stream, stored, true);
  }

  private AppendResult result(StreamId stream, List<RecordedEvent> events, boolean retry) {
    RecordedEvent first = events.get(0);
    RecordedEvent last = events.get(events.size() - 1);
    return AppendResult.builder().stream(stream).firstVersion(first.getVersion())
        .lastVersion(last.getVersion()).firstPosition(first.getPosition())
        .lastPosition(last.getPosition())
        .recordedAt(retry && flaw == Flaw.RETRY_ACKNOWLEDGED_AT_ITS_OWN_TIME ? Instant.now()
            : first.getRecordedAt())
        .retry(retry).build();
  }

  private List<RecordedEvent> streamOf(StreamId stream) {
    return disk.log.stream().filter(r -> r.getStream().equals(stream))
        .collect(Collectors.toList());
  }

  @Override
  public List<RecordedEvent> readStream(StreamId stream, long afterVersion, int maxCount) {
    synchronized (disk) {
      return streamOf(stream).stream().filter(r -> r.getVersion() > afterVersion)
          .limit(maxCount).collect(Collectors.toList());
    }
  }

  @Override
  public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
    List<RecordedEvent> log;
    synchronized (disk) {
      log = new ArrayList<>(disk.log);
    }
    if (flaw == Flaw.REORDERS_GLOBAL_LOG) {
      log.sort(Comparator.comparing(RecordedEvent::getStream)
          .thenComparingLong(RecordedEvent::getVersion));
      List<RecordedEvent> renumbered = new ArrayList<>();
      for (RecordedEvent event : log) {
        renumbered.add(RecordedEvent.builder().from(event).position(renumbered.size() + 1L)
            .build());
      }
      log = renumbered;
    }
    return log.stream().filter(r -> r.getPosition() > afterPosition).limit(maxCount)
        .collect(Collectors.toList());
  }
}
