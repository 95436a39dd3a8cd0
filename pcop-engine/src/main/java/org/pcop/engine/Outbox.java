package org.pcop.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.pcop.model.event.EventId;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.snapshot.SnapshotBytes;
import org.pcop.spi.Notification;
import org.pcop.spi.NotificationSink;
import org.pcop.spi.RecordedEvent;

/**
 * The notification outbox: notifications derived from stored events wait here until the sink
 * takes them, and the engine records with every batch it appends the store position through
 * which every notification was handed over ({@link Pcop#NOTIFIED_KEY}), so that a new engine
 * derives again only what may not have reached the sink. It keeps only engine-written events
 * after the highest recorded position, so its memory does not grow with the history. The
 * checkpoint state is changed under the engine's lock; the queue has a lock of its own, so a
 * flush never waits for a command.
 */
final class Outbox {
  private static final int DELIVERY_ATTEMPTS = 3;

  /** A notification waiting for the sink, with the store position of its event. */
  private static final class Pending {
    final Notification notification;
    final long position;

    Pending(Notification notification, long position) {
      this.notification = notification;
      this.position = position;
    }
  }

  private final NotificationSink sink;
  private final Function<PcopEvent, List<Notification>> derive;
  private final Object queueLock = new Object();
  private final Deque<Pending> queue = new ArrayDeque<>();
  // The highest notified-through position recorded in the store (-1 when none), the
  // engine-written events after it, which of those this engine handed over, and the
  // notifications derived for them as each was applied (what a rebuild hands over again, and
  // what a snapshot keeps).
  private long checkpoint = -1;
  private final NavigableMap<Long, EventId> sinceCheckpoint = new TreeMap<>();
  private final Set<EventId> notified = new HashSet<>();
  private final NavigableMap<Long, List<Notification>> derived = new TreeMap<>();

  Outbox(NotificationSink sink, Function<PcopEvent, List<Notification>> derive) {
    this.sink = sink;
    this.derive = derive;
  }

  /** Starts a rebuild: notifications of events after the checkpoint are derived again. */
  void startRebuild() {
    // Nothing to set up: every engine-written event after the checkpoint has its notification
    // derived as it is observed.
  }

  /**
   * Ends a rebuild at the given position: without any recorded position (a log written before
   * the guarantee, or imported) everything is taken as notified; otherwise the notifications
   * derived for events after the checkpoint wait in the queue.
   */
  void finishRebuild(long position) {
    if (checkpoint < 0) {
      checkpoint = position;
      sinceCheckpoint.clear();
      derived.clear();
    }
    notified.addAll(sinceCheckpoint.values());
    List<Pending> again = new ArrayList<>();
    derived.forEach((at, notifications) -> notifications.forEach(n ->
        again.add(new Pending(n, at))));
    synchronized (queueLock) {
      queue.addAll(again);
    }
  }

  /**
   * Takes note of an event read from the store. An event no engine wrote (an import) is taken as
   * notified, as is one the record refused; neither holds the recorded position back.
   */
  void observe(RecordedEvent recorded, PcopEvent event, boolean applied) {
    advanceCheckpoint(recorded);
    boolean engineWritten =
        recorded.getEvent().getMetadata().get(EventCodec.COMMAND_KEY) != null;
    if (!engineWritten || !applied || recorded.getPosition() <= checkpoint) {
      return;
    }
    sinceCheckpoint.put(recorded.getPosition(), event.getEventId());
    List<Notification> notifications = derive.apply(event);
    if (!notifications.isEmpty()) {
      derived.put(recorded.getPosition(), List.copyOf(notifications));
    }
  }

  /**
   * Queues the notifications of stored events not yet handed over, in order: those derived as
   * each event was applied, when kept, so that an event's notifications are derived once.
   */
  void enqueue(List<PcopEvent> events, List<Long> positions) {
    List<Pending> pending = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      PcopEvent event = events.get(i);
      long at = positions.get(i);
      if (at <= checkpoint || !notified.add(event.getEventId())) {
        continue;
      }
      List<Notification> notifications = sinceCheckpoint.containsKey(at)
          ? derived.getOrDefault(at, List.of()) : derive.apply(event);
      notifications.forEach(n -> pending.add(new Pending(n, at)));
    }
    synchronized (queueLock) {
      queue.addAll(pending);
    }
  }

  /**
   * The store position through which every notification is known to be handed over: before the
   * first engine-written event since the recorded position that this engine did not notify, and
   * before the first event whose notification still waits in the queue.
   *
   * @param position the position of the last event the engine applied
   */
  long notifiedThrough(long position) {
    long through = position;
    for (Map.Entry<Long, EventId> entry : sinceCheckpoint.entrySet()) {
      if (!notified.contains(entry.getValue())) {
        through = entry.getKey() - 1;
        break;
      }
    }
    synchronized (queueLock) {
      for (Pending pending : queue) {
        through = Math.min(through, pending.position - 1);
      }
    }
    return Math.max(through, 0);
  }

  /**
   * Hands every waiting notification to the sink, each tried a bounded number of times; those
   * still refused stay for the next flush.
   *
   * @return how many notifications are still waiting
   */
  int flush() {
    synchronized (queueLock) {
      int size = queue.size();
      for (int i = 0; i < size; i++) {
        Pending next = queue.pollFirst();
        boolean delivered = false;
        for (int attempt = 0; attempt < DELIVERY_ATTEMPTS && !delivered; attempt++) {
          try {
            sink.deliver(next.notification);
            delivered = true;
          } catch (RuntimeException e) {
            delivered = false;
          }
        }
        if (!delivered) {
          queue.addLast(next);
        }
      }
      return queue.size();
    }
  }

  /** Takes in a notified-through position recorded on an event's batch, if higher. */
  private void advanceCheckpoint(RecordedEvent recorded) {
    String through = recorded.getEvent().getMetadata().get(Pcop.NOTIFIED_KEY);
    if (through == null) {
      return;
    }
    long value;
    try {
      value = Long.parseLong(through);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("event at position " + recorded.getPosition()
          + " has metadata " + Pcop.NOTIFIED_KEY + " \"" + through + "\", not a store position",
          e);
    }
    if (value > checkpoint) {
      checkpoint = value;
      NavigableMap<Long, EventId> done = sinceCheckpoint.headMap(value, true);
      done.values().forEach(notified::remove);
      done.clear();
      derived.headMap(value, true).clear();
    }
  }

  /**
   * Writes what a rebuild up to the engine's current event would hold: the checkpoint, the
   * engine-written events after it and the notifications derived for them, each after its
   * event's position (an event with several notifications repeats it).
   */
  void writeTo(SnapshotBytes.Output out) {
    out.putLong(checkpoint);
    out.putInt(sinceCheckpoint.size());
    sinceCheckpoint.forEach((position, id) -> {
      out.putLong(position);
      out.putString(id.value());
    });
    out.putInt(derived.values().stream().mapToInt(List::size).sum());
    derived.forEach((position, notifications) -> notifications.forEach(n -> {
      out.putLong(position);
      out.putString(n.getId());
      out.putString(n.getKind());
      out.putInt(n.getRecipients().size());
      n.getRecipients().forEach(member -> out.putString(member.value()));
      out.putString(n.getText());
      out.putInt(n.getCausedBy().size());
      n.getCausedBy().forEach(id -> out.putString(id.value()));
      out.putInstant(n.getCreatedAt());
    }));
  }

  /**
   * Reads what {@link #writeTo} wrote; the outbox changes only when the returned step is run,
   * once every other part of the snapshot was read.
   */
  Runnable readFrom(SnapshotBytes.Input in) {
    long readCheckpoint = in.getLong();
    NavigableMap<Long, EventId> readSince = new TreeMap<>();
    int count = in.count();
    for (int i = 0; i < count; i++) {
      readSince.put(in.getLong(), EventId.of(in.text("an event id")));
    }
    NavigableMap<Long, List<Notification>> readDerived = new TreeMap<>();
    count = in.count();
    for (int i = 0; i < count; i++) {
      long position = in.getLong();
      var notification = Notification.builder().id(in.text("a notification id"))
          .kind(in.text("a notification kind"));
      int recipients = in.count();
      for (int r = 0; r < recipients; r++) {
        notification.addRecipients(org.pcop.model.MemberId.of(in.text("a recipient")));
      }
      notification.text(in.text("a notification text"));
      int causes = in.count();
      for (int c = 0; c < causes; c++) {
        notification.addCausedBy(EventId.of(in.text("an event id")));
      }
      readDerived.computeIfAbsent(position, p -> new ArrayList<>())
          .add(notification.createdAt(in.instant()).build());
    }
    return () -> {
      checkpoint = readCheckpoint;
      sinceCheckpoint.clear();
      sinceCheckpoint.putAll(readSince);
      derived.clear();
      readDerived.forEach((position, notifications) ->
          derived.put(position, List.copyOf(notifications)));
    };
  }
}
