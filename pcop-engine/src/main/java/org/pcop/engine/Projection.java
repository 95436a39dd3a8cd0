package org.pcop.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcop.model.Community;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EventId;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.ServiceLevelWarned;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.Evaluation;
import org.pcop.rules.IncrementalEvaluator;
import org.pcop.rules.calendar.BusinessCalendar;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.snapshot.RecordParts;
import org.pcop.rules.snapshot.SnapshotBytes;
import org.pcop.rules.spi.RuleKindRegistry;
import org.pcop.spi.AppendResult;
import org.pcop.spi.ChangeMarker;
import org.pcop.spi.EventData;
import org.pcop.spi.EventStore;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.Snapshot;
import org.pcop.spi.StreamId;

/**
 * The engine's state, a projection of its community's stream: the rules' record (evaluated when
 * asked, nothing of an evaluation kept), where each member's history lies in the stream, the request ledger, the conduct flags' last decisions and
 * the directory's change marker. It reads only its own stream, so engines of many communities
 * share one store, and it keeps no copy of the events. Not thread-safe: the engine calls it under
 * its lock.
 */
final class Projection {
  /** Metadata key of the member directory's change marker, on a directory sync's events. */
  static final String MARKER_KEY = "directoryMarker";
  private static final int PAGE = 1000;
  private static final int REFUSED_KEPT = 100;

  private final EventStore store;
  private final StreamId stream;
  private final Community community;
  private final EventCodec codec;
  private final RuleSet rules;
  private final RuleKindRegistry kinds;
  private final BusinessCalendar calendar;
  private final Clock clock;
  private MemberHistories histories;
  private RequestLedger ledger;
  private CaseFactReviews reviews = new CaseFactReviews();
  private Outbox outbox;
  private Snapshots snapshots = Snapshots.NONE;

  private EngagementRecord record;
  private boolean rebuilding;
  private long position;
  private long version;
  private final Map<MemberId, ConductFlagStatus> flags = new HashMap<>();
  // The service-level warnings recorded, by rule, subject and due instant (see warningKey).
  private final Set<String> warned = new HashSet<>();
  private Optional<ChangeMarker> marker = Optional.empty();
  // The marker as the stream's events recorded it, which is what a replay finds.
  private Optional<ChangeMarker> storedMarker = Optional.empty();
  // Events of the last catch-up, by id, with their positions and whether they were applied.
  private final Map<EventId, Long> lastRead = new HashMap<>();
  private final List<EventId> lastRefused = new ArrayList<>();
  // Events the record refused on replay, reported (the first ones kept, the rest counted).
  private final List<String> refused = new ArrayList<>();
  private long refusedCount;

  Projection(EventStore store, StreamId stream, Community community, EventCodec codec,
      RuleSet rules, RuleKindRegistry kinds, BusinessCalendar calendar, Clock clock) {
    this.store = store;
    this.stream = stream;
    this.community = community;
    this.codec = codec;
    this.rules = rules;
    this.kinds = kinds;
    this.calendar = calendar;
    this.clock = clock;
    this.histories = new MemberHistories(store, stream, codec);
    this.ledger = new RequestLedger(store, stream, codec);
  }

  /** Replays the stream from its start; the outbox derives what may not have been notified. */
  void rebuild(Outbox outbox) {
    rebuild(outbox, Snapshots.NONE);
  }

  /**
   * Starts from the latest usable snapshot, or from the stream's start without one, and replays
   * the events after it; the outbox derives what may not have been notified. Snapshots are then
   * written as {@code snapshots} says.
   */
  void rebuild(Outbox outbox, Snapshots snapshots) {
    this.outbox = outbox;
    this.snapshots = Snapshots.NONE;
    record = EngagementRecord.of(community);
    outbox.startRebuild();
    rebuilding = true;
    try {
      snapshots.restore(this);
      catchUp();
    } finally {
      rebuilding = false;
    }
    outbox.finishRebuild(position);
    this.snapshots = snapshots;
    snapshots.afterCatchUp(this);
  }

  /** The first four bytes of an engine snapshot: "PCES". */
  private static final int MAGIC = 0x53454350;

  /**
   * Writes the projection's state as of its last applied event into {@code sink}, as a
   * snapshot's bytes, streamed, never one array: the rules' record (its parts in place, covered
   * by the snapshot's checksum), where members' events lie, the request ledger, conduct flags,
   * case-fact flags and reviews, the directory's marker, the events refused, and what a rebuild
   * would hold in the outbox.
   */
  void writeSnapshot(ModelValues values, Snapshot.Writer sink) {
    SnapshotBytes.Output out = new SnapshotBytes.Output((bytes, count) -> sink.write(bytes, 0,
        count));
    out.putInt(MAGIC);
    out.putInt(Snapshots.FORMAT);
    out.putString(community.getId().value());
    out.putLong(version);
    out.putLong(position);
    RecordParts.write(record, values, out);
    out.putInt(flags.size());
    flags.forEach((member, status) -> {
      out.putString(member.value());
      out.putString(status.name());
    });
    out.putString(storedMarker.map(ChangeMarker::value).orElse(null));
    out.putInt(refused.size());
    refused.forEach(out::putString);
    out.putLong(refusedCount);
    histories.writeTo(out);
    ledger.writeTo(out);
    reviews.writeTo(out);
    out.putInt(warned.size());
    warned.stream().sorted().forEach(out::putString);
    outbox.writeTo(out);
    out.finishStream();
  }

  /**
   * Takes the state a snapshot holds, in place of the empty state of a rebuild's start; changes
   * nothing unless the whole snapshot is read.
   *
   * @throws SnapshotBytes.Unusable saying why the snapshot cannot be used
   */
  void readSnapshot(java.nio.ByteBuffer bytes, long expectedVersion, ModelValues values) {
    SnapshotBytes.Input in = SnapshotBytes.Input.checked(bytes);
    if (in.getInt() != MAGIC) {
      throw new SnapshotBytes.Unusable("it does not start with an engine snapshot's magic"
          + " number");
    }
    int format = in.getInt();
    if (format != Snapshots.FORMAT) {
      throw new SnapshotBytes.Unusable("its bytes are of format version " + format + ", and this"
          + " engine reads version " + Snapshots.FORMAT);
    }
    String of = in.text("the community id");
    if (!of.equals(community.getId().value())) {
      throw new SnapshotBytes.Unusable("it is of community " + of + ", not "
          + community.getId());
    }
    long readVersion = in.getLong();
    long readPosition = in.getLong();
    if (readVersion != expectedVersion) {
      throw new SnapshotBytes.Unusable("its bytes cover version " + readVersion + " where the"
          + " store says " + expectedVersion);
    }
    EngagementRecord readRecord;
    try {
      readRecord = RecordParts.read(in, values);
    } catch (InvalidValueException e) {
      throw new SnapshotBytes.Unusable(e.getMessage(), e);
    }
    if (!readRecord.community(community.getId()).equals(Optional.of(community))) {
      throw new SnapshotBytes.Unusable("its record was made for community "
          + readRecord.community(community.getId()).map(Object::toString).orElse("(none)")
          + ", not for " + community);
    }
    Map<MemberId, ConductFlagStatus> readFlags = new HashMap<>();
    int count = in.count();
    for (int i = 0; i < count; i++) {
      MemberId member = MemberId.of(in.text("a member id"));
      String status = in.text("a conduct flag status");
      try {
        readFlags.put(member, ConductFlagStatus.valueOf(status));
      } catch (IllegalArgumentException e) {
        throw new SnapshotBytes.Unusable("it holds a conduct flag status " + status
            + " this engine does not know", e);
      }
    }
    String readMarker = in.string();
    List<String> readRefused = new ArrayList<>();
    count = in.count();
    for (int i = 0; i < count; i++) {
      readRefused.add(in.text("a refused event"));
    }
    long readRefusedCount = in.getLong();
    MemberHistories readHistories = new MemberHistories(store, stream, codec);
    readHistories.readFrom(in);
    RequestLedger readLedger = new RequestLedger(store, stream, codec);
    readLedger.readFrom(in);
    CaseFactReviews readReviews = CaseFactReviews.readFrom(in);
    Set<String> readWarned = new HashSet<>();
    count = in.count();
    for (int i = 0; i < count; i++) {
      readWarned.add(in.text("a service-level warning"));
    }
    Runnable readOutbox = outbox.readFrom(in);
    in.end();
    version = readVersion;
    position = readPosition;
    record = readRecord;
    flags.clear();
    flags.putAll(readFlags);
    marker = Optional.ofNullable(readMarker).map(ChangeMarker::of);
    storedMarker = marker;
    refused.clear();
    refused.addAll(readRefused);
    refusedCount = readRefusedCount;
    histories = readHistories;
    ledger = readLedger;
    reviews = readReviews;
    warned.clear();
    warned.addAll(readWarned);
    readOutbox.run();
  }

  /**
   * Applies every event of the stream after {@link #version()}. An event that cannot be decoded
   * stops the catch-up loudly (and again on every later call); an event the record refuses (it
   * does not fit the state before it) is skipped, the same way on every replay, so all engines
   * agree, and reported by {@link #refusedEvents()}.
   */
  void catchUp() {
    lastRead.clear();
    lastRefused.clear();
    while (true) {
      List<RecordedEvent> page = store.readStream(stream, version, PAGE);
      for (RecordedEvent recorded : page) {
        apply(recorded);
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    if (!rebuilding) {
      snapshots.afterCatchUp(this);
    }
  }

  /**
   * Applies the batch this engine's append just stored, as the store acknowledged it, without
   * reading it back or decoding it: a batch appended at the version after {@link #version()} is
   * exactly what the stream holds next (event {@code i} at version {@code firstVersion + i},
   * position {@code firstPosition + i}), and {@code events} are what its payloads encode. A
   * retry, or an acknowledgement that does not follow on, is read from the store instead
   * ({@link #catchUp()}).
   *
   * @param batch the payloads appended
   * @param events the events they encode, in the same order
   * @param appended the store's acknowledgement
   */
  void appended(List<EventData> batch, List<PcopEvent> events, AppendResult appended) {
    if (appended.isRetry() || appended.getFirstVersion() != version + 1
        || appended.getLastVersion() - appended.getFirstVersion() + 1 != batch.size()
        || !appended.getStream().equals(stream) || events.size() != batch.size()) {
      catchUp();
      return;
    }
    lastRead.clear();
    lastRefused.clear();
    for (int i = 0; i < batch.size(); i++) {
      apply(RecordedEvent.builder().stream(stream).version(appended.getFirstVersion() + i)
          .position(appended.getFirstPosition() + i).recordedAt(appended.getRecordedAt())
          .event(batch.get(i)).build(), events.get(i));
    }
    snapshots.afterCatchUp(this);
  }

  /** Applies one event of the stream, the one after {@link #version()}. */
  private void apply(RecordedEvent recorded) {
    apply(recorded, codec.decode(recorded));
  }

  /** Applies one event of the stream, the one after {@link #version()}, decoded. */
  private void apply(RecordedEvent recorded, PcopEvent event) {
    version = recorded.getVersion();
    position = recorded.getPosition();
    ledger.observe(event.getEventId(), version);
    reviews.observe(recorded, event);
    boolean applied = true;
    try {
      applyToRecord(event);
      histories.index(event, version);
      if (event instanceof ConductFlagRecorded) {
        ConductFlagRecorded flag = (ConductFlagRecorded) event;
        flags.put(flag.getMember(), flag.getStatus());
      }
      if (event instanceof ServiceLevelWarned) {
        warned.add(warningKey((ServiceLevelWarned) event));
      }
    } catch (InvalidValueException e) {
      applied = false;
      if (!rebuilding) {
        lastRefused.add(event.getEventId());
      }
      if (refused.size() < REFUSED_KEPT) {
        refused.add("event " + event.getEventId() + " at position " + recorded.getPosition()
            + " was not applied: " + e.getMessage());
      }
      refusedCount++;
    }
    if (!rebuilding) {
      // Kept for the events a command just appended; a rebuild keeps none.
      lastRead.put(event.getEventId(), recorded.getPosition());
    }
    outbox.observe(recorded, event, applied);
    String markerOfEvent = recorded.getEvent().getMetadata().get(MARKER_KEY);
    if (markerOfEvent != null) {
      marker = Optional.of(ChangeMarker.of(markerOfEvent));
      storedMarker = marker;
    }
  }

  /**
   * Applies an event to the record alone, without describing what it changed (no evaluator is
   * kept to read it), with the record's own error when it does not fit.
   */
  private void applyToRecord(PcopEvent event) {
    try {
      record.applyAll(List.of(event));
    } catch (InvalidValueException e) {
      throw e.getCause() instanceof InvalidValueException ? (InvalidValueException) e.getCause()
          : e;
    }
  }

  /**
   * Writes a snapshot of the state as it is, if snapshots are kept and it is newer; for the
   * engine's close only.
   */
  void snapshotOnClose() {
    snapshots.onClose(this);
  }

  /**
   * The positions of events the last catch-up read and applied, in the given order, or empty if
   * one of them was not read or was refused.
   */
  Optional<List<Long>> appliedPositions(List<EventId> ids) {
    List<Long> positions = new ArrayList<>(ids.size());
    for (EventId id : ids) {
      Long at = lastRead.get(id);
      if (at == null || lastRefused.contains(id)) {
        return Optional.empty();
      }
      positions.add(at);
    }
    return Optional.of(positions);
  }

  EngagementRecord record() {
    return record;
  }

  /**
   * The rule set's evaluation of the record as of {@code asOf}, of which nothing is kept: each
   * evaluation is as of a new instant, whose windows and due times differ from the last one's, so
   * an evaluator kept between them would evaluate every rule again anyway, while holding its
   * results and the rule kinds' aggregates (about 150 MB at 5,000,000 events) and re-evaluating
   * the subjects of every event applied in between for no one.
   */
  Evaluation evaluation(Instant asOf) {
    IncrementalEvaluator evaluator =
        IncrementalEvaluator.start(rules, record, asOf, calendar, kinds);
    try {
      return evaluator.evaluation();
    } finally {
      evaluator.release();
    }
  }

  long position() {
    return position;
  }

  long version() {
    return version;
  }

  RequestLedger ledger() {
    return ledger;
  }

  /** The flagged events, their reviews and the redactions every read applies. */
  CaseFactReviews reviews() {
    return reviews;
  }

  List<PcopEvent> history(MemberId member) {
    List<PcopEvent> history = histories.history(member);
    history.replaceAll(reviews::redact);
    return history;
  }

  /**
   * What a service-level warning is known by: its rule, its subject and its due instant. A
   * warning recorded once is not recorded again while these stay the same.
   */
  static String warningKey(String rule, String subject, java.time.Instant dueAt) {
    return rule + " " + subject + " " + dueAt;
  }

  private static String warningKey(ServiceLevelWarned event) {
    String subject = event.getRequest().map(r -> "rfi:" + r.value())
        .orElseGet(() -> "exchange:" + event.getExchange().orElseThrow().value());
    return warningKey(event.getRule(), subject, event.getDueAt());
  }

  /** Whether a warning of this key was recorded. */
  boolean warned(String key) {
    return warned.contains(key);
  }

  /** The last decision on a member's conduct flags, if any was recorded. */
  Optional<ConductFlagStatus> conductFlag(MemberId member) {
    return Optional.ofNullable(flags.get(member));
  }

  Optional<ChangeMarker> directoryMarker() {
    return marker;
  }

  void directoryMarker(Optional<ChangeMarker> marker) {
    this.marker = marker;
  }

  /** Descriptions of the events the record refused on replay, with a count of the rest. */
  List<String> refusedEvents() {
    List<String> all = new ArrayList<>(refused);
    if (refusedCount > refused.size()) {
      all.add("and " + (refusedCount - refused.size()) + " more events not applied");
    }
    return all;
  }
}
