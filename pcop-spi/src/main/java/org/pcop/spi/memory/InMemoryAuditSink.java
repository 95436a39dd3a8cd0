package org.pcop.spi.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.AuditSink;

/**
 * An {@link AuditSink} in memory that keeps every record in the order received.
 * {@link #failNext(int)} makes the next records fail, for tests that commands fail closed.
 */
public final class InMemoryAuditSink implements AuditSink {
  private final List<AuditRecord> records = new ArrayList<>();
  private int failures;

  private InMemoryAuditSink() {}

  /**
   * An empty sink.
   *
   * @return the sink
   */
  public static InMemoryAuditSink create() {
    return new InMemoryAuditSink();
  }

  /**
   * Makes the next {@code count} records fail without being kept.
   *
   * @param count how many records fail, 0 or more
   */
  public synchronized void failNext(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("failNext: count must be 0 or more; got " + count);
    }
    failures = count;
  }

  @Override
  public synchronized void record(AuditRecord record) {
    Objects.requireNonNull(record, "record");
    if (failures > 0) {
      failures--;
      throw new IllegalStateException("injected failure keeping the audit record of request "
          + record.getRequestId());
    }
    records.add(record);
  }

  /**
   * The records kept, in the order received.
   *
   * @return the records
   */
  public synchronized List<AuditRecord> getRecords() {
    return List.copyOf(records);
  }
}
