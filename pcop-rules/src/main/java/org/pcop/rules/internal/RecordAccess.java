package org.pcop.rules.internal;

import java.util.function.Function;
import org.pcop.rules.EngagementRecord;

/**
 * The internal code's way between an {@link EngagementRecord} and its {@link RecordTables},
 * which the record's public API does not show: the kinds read the tables, the snapshot codec
 * exports and restores them. The record installs the two functions when its class is
 * initialised; they are set once and never change. Not exported.
 */
public final class RecordAccess {
  private static final RecordAccess INSTANCE = new RecordAccess();
  private static volatile Function<EngagementRecord, RecordTables> tables;
  private static volatile Function<RecordTables, EngagementRecord> records;

  private RecordAccess() {}

  /**
   * Installs the ways from a record to its tables and back; a second call is refused.
   *
   * @param toTables the record's tables
   * @param toRecord a record over given tables
   * @throws IllegalStateException if installed already
   */
  public static synchronized void install(Function<EngagementRecord, RecordTables> toTables,
      Function<RecordTables, EngagementRecord> toRecord) {
    if (tables != null) {
      throw new IllegalStateException("RecordAccess is installed already");
    }
    tables = toTables;
    records = toRecord;
  }

  /**
   * The tables behind a record.
   *
   * @param record the record
   * @return its tables
   */
  public static RecordTables state(EngagementRecord record) {
    return tables.apply(record);
  }

  /**
   * The access, for the snapshot codec; null until the record's class is initialised.
   *
   * @return the access
   */
  static RecordAccess get() {
    return records == null ? null : INSTANCE;
  }

  /**
   * The state of a record a snapshot keeps.
   *
   * @param record the record
   * @return the state, a copy
   */
  RecordState export(EngagementRecord record) {
    return RecordStates.export(tables.apply(record));
  }

  /**
   * A record holding a snapshot's state.
   *
   * @param state the state
   * @return the record
   */
  EngagementRecord restore(RecordState state) {
    return records.apply(RecordStates.restore(state));
  }
}
