package org.pcop.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcop.model.event.EventId;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.snapshot.SnapshotBytes;
import org.pcop.spi.EventStore;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StreamId;

/**
 * The request ids of the commands stored in the engine's stream, so that a retry is told apart
 * from a new command. It keeps no events and no input: for each request only the stream version of
 * its first event (request id {@code R} gives event ids {@code R.0}, {@code R.1}, ...), in a
 * primitive map keyed by a 64-bit hash of the request id. A retry reads its events, command name
 * and input digest back from the store. Not thread-safe: the engine calls it under its lock.
 */
final class RequestLedger {
  private final EventStore store;
  private final StreamId stream;
  private final EventCodec codec;
  private final LongLongMap firstVersions = new LongLongMap();
  // Request ids whose hash another request id already has: kept whole, which in practice is
  // never.
  private final Map<String, Long> collisions = new HashMap<>();

  RequestLedger(EventStore store, StreamId stream, EventCodec codec) {
    this.store = store;
    this.stream = stream;
    this.codec = codec;
  }

  /** A stored request: its command, its input digest (if recorded), its events and positions. */
  static final class Stored {
    final String command;
    final String digest;
    final List<PcopEvent> events;
    final List<Long> positions;

    Stored(String command, String digest, List<PcopEvent> events, List<Long> positions) {
      this.command = command;
      this.digest = digest;
      this.events = events;
      this.positions = positions;
    }
  }

  /** Takes note of a stored event: the first event of a request is remembered by its version. */
  void observe(EventId id, long version) {
    String value = id.value();
    if (!value.endsWith(".0")) {
      return;
    }
    String requestId = value.substring(0, value.length() - 2);
    long key = hash(requestId);
    long known = firstVersions.get(key);
    if (!LongLongMap.found(known)) {
      firstVersions.put(key, version);
    } else if (known != version && !firstEventId(known).equals(Optional.of(id))) {
      collisions.put(requestId, version);
    }
  }

  /**
   * The stored command of a request id, read back from the store; a request id no stored command
   * used is answered from memory, without reading the store.
   *
   * @return empty if no stored command used the request id
   */
  Optional<Stored> find(String requestId) {
    Long version = collisions.get(requestId);
    if (version == null) {
      long known = firstVersions.get(hash(requestId));
      if (!LongLongMap.found(known)) {
        return Optional.empty();
      }
      version = known;
    }
    List<PcopEvent> events = new ArrayList<>();
    List<Long> positions = new ArrayList<>();
    String command = null;
    String digest = null;
    long after = version - 1;
    int next = 0;
    reading:
    while (true) {
      List<RecordedEvent> page = store.readStream(stream, after, 64);
      for (RecordedEvent recorded : page) {
        if (!recorded.getEvent().getEventId().value().equals(requestId + "." + next)) {
          break reading;
        }
        if (next == 0) {
          command = recorded.getEvent().getMetadata().get(EventCodec.COMMAND_KEY);
          digest = recorded.getEvent().getMetadata().get(Pcop.INPUT_KEY);
        }
        events.add(codec.decode(recorded));
        positions.add(recorded.getPosition());
        after = recorded.getVersion();
        next++;
      }
      if (page.size() < 64) {
        break;
      }
    }
    if (events.isEmpty()) {
      // The hash matched another request id's first event.
      return Optional.empty();
    }
    return Optional.of(new Stored(command, digest, List.copyOf(events), List.copyOf(positions)));
  }

  /** Writes what the ledger holds, for a snapshot. */
  void writeTo(SnapshotBytes.Output out) {
    firstVersions.writeTo(out);
    out.putInt(collisions.size());
    collisions.forEach((requestId, version) -> {
      out.putString(requestId);
      out.putLong(version);
    });
  }

  /** Takes what {@link #writeTo} wrote, in place of what the ledger held. */
  void readFrom(SnapshotBytes.Input in) {
    firstVersions.readFrom(in);
    collisions.clear();
    int count = in.count();
    for (int i = 0; i < count; i++) {
      collisions.put(in.text("a request id"), in.getLong());
    }
  }

  private Optional<EventId> firstEventId(long version) {
    List<RecordedEvent> page = store.readStream(stream, version - 1, 1);
    return page.isEmpty() ? Optional.empty() : Optional.of(page.get(0).getEvent().getEventId());
  }

  /** A 64-bit FNV-1a hash of the id's UTF-8 bytes, never 0 (the map's empty key). */
  private static long hash(String requestId) {
    long h = 0xcbf29ce484222325L;
    for (byte b : requestId.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 29;
    return h == 0 ? 1 : h;
  }
}
