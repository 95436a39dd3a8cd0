package org.pcop.spi;

/**
 * Where pcop writes its audit trail into the host: who did what, when, and how it ended, for every
 * command, allowed or denied.
 *
 * <p>Guarantees: {@link #record} returns normally only once the record is kept durably; if it
 * throws, the engine fails the command closed (a command that cannot be audited does not run).
 * Records are kept as given, in the order received per request id. Implementations are
 * thread-safe.
 */
public interface AuditSink {
  /**
   * Keeps an audit record.
   *
   * @param record the record
   * @throws RuntimeException if the record could not be kept; the command then fails closed
   */
  void record(AuditRecord record);
}
