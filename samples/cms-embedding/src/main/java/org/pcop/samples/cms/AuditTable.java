package org.pcop.samples.cms;

import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.stream.Collectors;
import org.pcop.model.MemberId;
import org.pcop.model.event.EventId;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.AuditSink;

/**
 * pcop's audit trail into the CMS's audit table, one row per command, committed before
 * {@link #record} returns. A failure to write throws, and pcop then fails the command closed.
 */
final class AuditTable implements AuditSink {
  private final Database database;

  AuditTable(Database database) {
    this.database = database;
  }

  @Override
  public void record(AuditRecord record) {
    Objects.requireNonNull(record, "AuditTable.record: record must not be null");
    database.inTransaction("auditing " + record.getCommand(), connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cms_audit"
          + " (request_id, login, acting_as, command, decided_at, outcome, reason, events)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, record.getRequestId());
        insert.setString(2, record.getUser().value());
        insert.setString(3, record.getActingAs().map(MemberId::value).orElse(null));
        insert.setString(4, record.getCommand());
        insert.setObject(5, record.getAt().atOffset(ZoneOffset.UTC));
        insert.setString(6, record.getOutcome().name());
        insert.setString(7, record.getReason().orElse(null));
        insert.setString(8, record.getEvents().stream().map(EventId::value)
            .collect(Collectors.joining(",")));
        insert.executeUpdate();
      }
      return null;
    });
  }
}
