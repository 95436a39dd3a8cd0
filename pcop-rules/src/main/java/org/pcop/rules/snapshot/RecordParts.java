package org.pcop.rules.snapshot;

import org.pcop.model.InvalidValueException;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.RecordSnapshot;
import org.pcop.rules.internal.RecordSnapshots;

/**
 * A record's state as parts of a larger snapshot: written into its {@link SnapshotBytes.Output}
 * (which may stream) and read from its {@link SnapshotBytes.Input}, without the record's own
 * array, length and checksum that {@link RecordSnapshot#write} makes. The engine's snapshot holds
 * the record this way, so that writing it never makes an array of the record. Exported to the
 * engine only.
 */
public final class RecordParts {
  private RecordParts() {}

  /**
   * Writes the record's state.
   *
   * @param record the record
   * @param values writes the model values
   * @param out the snapshot's output
   */
  public static void write(EngagementRecord record, RecordSnapshot.ValueCodec values,
      SnapshotBytes.Output out) {
    RecordSnapshots.write(record, values, out);
  }

  /**
   * Reads a record's state written by {@link #write}, leaving {@code in} after it.
   *
   * @param in the snapshot's reader
   * @param values reads the model values
   * @return the record
   * @throws InvalidValueException naming what does not fit
   * @throws SnapshotBytes.Unusable if the bytes end before the record
   */
  public static EngagementRecord read(SnapshotBytes.Input in, RecordSnapshot.ValueCodec values) {
    return RecordSnapshots.read(in, values);
  }
}
