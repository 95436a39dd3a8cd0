package org.pcop.spi;

import java.util.List;

/**
 * The append-only log pcop keeps its history in, implemented by the host on its own database. The
 * only provider every host needs.
 *
 * <p>A store keeps events in streams (one per member, exchange, request for information...) and in
 * one global order. Payloads are opaque: a store keeps each event's type name, format, payload and
 * metadata and gives them back byte for byte (JSON text is kept as text, never re-encoded). Every
 * implementation keeps these guarantees, which {@code org.pcop.tck.EventStoreCompatibilityKit}
 * checks:
 *
 * <ol>
 *   <li><b>Atomic batches.</b> An append writes all of its events or none, also when it fails half
 *       way; readers never see part of a batch.
 *   <li><b>Expected versions.</b> An append states what it expects of the stream
 *       ({@link ExpectedVersion}); if the stream is elsewhere the append throws a
 *       {@link VersionConflictException} carrying the expected and the actual version and writes
 *       nothing. Of several concurrent appends with the same expectation, exactly one succeeds.
 *   <li><b>Idempotent retries.</b> An event id names one event forever. If every event id of a
 *       batch is already stored as a committed batch wrote them (in the same stream, in the same
 *       order, at consecutive versions and positions), the append is a retry of that batch: it
 *       writes nothing and returns the original versions and positions with
 *       {@link AppendResult#isRetry()} true, whatever the expected version. If only some of the ids are stored, or they are stored elsewhere, the append throws
 *       an {@link EventIdConflictException} and writes nothing.
 *   <li><b>A stable, gap-free global order.</b> Committed events get global positions 1, 2, 3 ... in
 *       commit order; a batch takes consecutive positions. A reader never sees a gap, and an event's
 *       position, version and content never change.
 *   <li><b>Durability.</b> Once an append returns, its events survive the store being closed and
 *       reopened.
 * </ol>
 *
 * <p>Implementations are thread-safe. Bad arguments (a null, an empty batch, two events with the same
 * id in one batch, a negative position) throw an {@link IllegalArgumentException} naming the
 * argument and change nothing.
 */
public interface EventStore {
  /**
   * Appends a batch of events to the end of a stream.
   *
   * @param stream the stream
   * @param expected what the writer expects the stream's version to be
   * @param events one or more events with distinct event ids, in order
   * @return the versions and positions the batch occupies (the original ones for a retry)
   * @throws VersionConflictException if the stream is not at the expected version; nothing written
   * @throws EventIdConflictException if the batch partly overlaps stored events; nothing written
   * @throws StoreFailureException if the store failed; the batch is committed whole or not at all
   * @throws IllegalArgumentException if an argument is null or the batch is empty or repeats an id
   */
  AppendResult append(StreamId stream, ExpectedVersion expected, List<EventData> events);

  /**
   * Reads a stream's events in version order.
   *
   * @param stream the stream
   * @param afterVersion only events with a higher version; 0 for the whole stream
   * @param maxCount the most events to return, 1 or more
   * @return up to {@code maxCount} events with versions {@code afterVersion + 1} onwards; empty if
   *     there are none
   * @throws IllegalArgumentException if {@code afterVersion} is negative or {@code maxCount} below 1
   */
  List<RecordedEvent> readStream(StreamId stream, long afterVersion, int maxCount);

  /**
   * Reads committed events of all streams in global order.
   *
   * @param afterPosition only events with a higher position; 0 for everything
   * @param maxCount the most events to return, 1 or more
   * @return up to {@code maxCount} events with positions {@code afterPosition + 1},
   *     {@code afterPosition + 2} ... without gaps; empty if there are none
   * @throws IllegalArgumentException if {@code afterPosition} is negative or {@code maxCount}
   *     below 1
   */
  List<RecordedEvent> readAll(long afterPosition, int maxCount);
}
