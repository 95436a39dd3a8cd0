package org.pcop.tck;

import java.util.List;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.AuditSink;
import org.pcop.spi.memory.InMemoryAuditSink;

/** The in-memory reference audit sink passes the whole kit. */
class InMemoryAuditSinkCompatibilityTest extends AuditSinkCompatibilityKit {
  @Override
  protected AuditSink createSink() {
    return InMemoryAuditSink.create();
  }

  @Override
  protected List<AuditRecord> recorded(AuditSink sink) {
    return ((InMemoryAuditSink) sink).getRecords();
  }
}
