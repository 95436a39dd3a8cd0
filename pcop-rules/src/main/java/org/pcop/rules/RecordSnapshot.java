package org.pcop.rules;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.pcop.model.InvalidValueException;
import org.pcop.rules.internal.RecordSnapshots;

/**
 * An {@link EngagementRecord} written to bytes and read back, so that a host can start from a
 * snapshot instead of applying the whole history again. The record read back answers every
 * question exactly as the record written, and applying the same next events to both changes them
 * alike.
 *
 * <p>The bytes carry a format version ({@link #FORMAT_VERSION}) and a CRC32C of their contents:
 * bytes of another format, cut short or changed anywhere are refused when read, never read as a
 * different record. Participation logs and counts are written as raw numbers, so reading is
 * proportional to their size with no decoding; the model values the record holds (communities,
 * members, agencies, sites, memberships, taxonomies, activities, exchanges and requests) are
 * written by a {@link ValueCodec} the caller gives, so this module needs no serialisation
 * library.
 *
 * <pre>{@code
 * byte[] snapshot = RecordSnapshot.write(record, codec);
 * EngagementRecord again = RecordSnapshot.read(snapshot, codec);
 * }</pre>
 */
public final class RecordSnapshot {
  /**
   * The version of the binary form this library writes and reads; 3 since requests for
   * information carry when they were closed, which the acceptance and closure service levels
   * read (a snapshot without it would judge them otherwise than a replay); 4 since the record
   * keeps exchanges hosted and visited as contributions and the community's requests posted and
   * exchanges held for contribution shares; 5 since the model values are encoded in parts of at
   * most a few thousand, so that writing a large record never makes one array of them.
   */
  public static final int FORMAT_VERSION = 5;

  private RecordSnapshot() {}

  /**
   * Writes and reads lists of model values of one type. What {@link #encode} writes,
   * {@link #decode} must read back as equal values in the same order.
   */
  public interface ValueCodec {
    /**
     * The bytes of a list of values.
     *
     * @param type the values' type
     * @param values the values
     * @param <T> the values' type
     * @return the bytes
     */
    <T> byte[] encode(Class<T> type, List<T> values);

    /**
     * The values {@link #encode} wrote.
     *
     * @param type the values' type
     * @param bytes the bytes
     * @param <T> the values' type
     * @return the values, in order
     * @throws RuntimeException if the bytes do not hold such values
     */
    <T> List<T> decode(Class<T> type, byte[] bytes);
  }

  /**
   * The bytes of a record's current state. The record must not change while it is written.
   *
   * @param record the record
   * @param values writes the record's model values
   * @return the snapshot
   */
  public static byte[] write(EngagementRecord record, ValueCodec values) {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(values, "values");
    return RecordSnapshots.write(record, values);
  }

  /**
   * The record a snapshot holds.
   *
   * @param snapshot the bytes {@link #write} returned
   * @param values reads the record's model values
   * @return a new record, independent of any other
   * @throws InvalidValueException saying why if the bytes are of another format version, damaged
   *     (checksum, length or contents) or hold values the codec cannot read
   */
  public static EngagementRecord read(byte[] snapshot, ValueCodec values) {
    return read(snapshot == null ? null : ByteBuffer.wrap(snapshot), values);
  }

  /**
   * The record a snapshot holds, read straight from a buffer, without copying it: a snapshot
   * kept inside a larger one (the engine's) is read where it lies.
   *
   * @param snapshot the bytes {@link #write} returned, from the buffer's position to its limit
   *     (neither is changed)
   * @param values reads the record's model values
   * @return a new record, independent of any other and of the buffer
   * @throws InvalidValueException saying why if the bytes are of another format version, damaged
   *     (checksum, length or contents) or hold values the codec cannot read
   */
  public static EngagementRecord read(ByteBuffer snapshot, ValueCodec values) {
    Objects.requireNonNull(values, "values");
    try {
      return RecordSnapshots.read(snapshot, values);
    } catch (InvalidValueException e) {
      throw e;
    } catch (RuntimeException e) {
      InvalidValueException failure = new InvalidValueException(
          "record snapshot holds values that cannot be read: " + e.getMessage());
      failure.initCause(e);
      throw failure;
    }
  }
}
