package org.pcop.spi;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.pcop.model.InvalidValueException;

/**
 * A snapshot of an engine's state as of a version of its stream, as a {@link SnapshotStore} keeps
 * it: the stream, the stream version the state covers (every event up to and including it), the
 * version of the snapshot's format, a fingerprint of the rule set it was taken under, and the
 * bytes. The bytes are opaque to the store, which keeps them exactly. Immutable: the bytes are
 * copied once when the snapshot is made and handed out read-only.
 */
public final class Snapshot {
  /** The most characters a rule-set fingerprint may have. */
  public static final int MAX_FINGERPRINT_LENGTH = 128;

  private final StreamId stream;
  private final long version;
  private final int formatVersion;
  private final String ruleSetFingerprint;
  private final byte[] bytes;

  private Snapshot(StreamId stream, long version, int formatVersion, String ruleSetFingerprint,
      byte[] bytes) {
    this.stream = stream;
    this.version = version;
    this.formatVersion = formatVersion;
    this.ruleSetFingerprint = ruleSetFingerprint;
    this.bytes = bytes;
  }

  /**
   * A snapshot of the given parts; the bytes are copied.
   *
   * @param stream the stream whose state it holds
   * @param version the stream version it covers, 0 or more
   * @param formatVersion the version of the bytes' format, 1 or more
   * @param ruleSetFingerprint what the rule set it was taken under is known by: 1 to
   *     {@link #MAX_FINGERPRINT_LENGTH} printable ASCII characters
   * @param bytes the state
   * @return the snapshot
   * @throws InvalidValueException naming the part that is missing or out of range
   */
  public static Snapshot of(StreamId stream, long version, int formatVersion,
      String ruleSetFingerprint, byte[] bytes) {
    InvalidValueException.check(stream != null, "Snapshot", "stream", "must not be null");
    InvalidValueException.check(version >= 0, "Snapshot", "version",
        "must be 0 or more, got %d", version);
    InvalidValueException.check(formatVersion >= 1, "Snapshot", "formatVersion",
        "must be 1 or more, got %d", formatVersion);
    InvalidValueException.check(ruleSetFingerprint != null
        && !ruleSetFingerprint.isEmpty()
        && ruleSetFingerprint.length() <= MAX_FINGERPRINT_LENGTH
        && ruleSetFingerprint.chars().allMatch(c -> c > 0x20 && c < 0x7f), "Snapshot",
        "ruleSetFingerprint", "must be 1 to %d printable ASCII characters without spaces",
        MAX_FINGERPRINT_LENGTH);
    InvalidValueException.check(bytes != null, "Snapshot", "bytes", "must not be null");
    return new Snapshot(stream, version, formatVersion, ruleSetFingerprint, bytes.clone());
  }

  /**
   * The stream whose state this is.
   *
   * @return the stream
   */
  public StreamId stream() {
    return stream;
  }

  /**
   * The stream version the state covers: every event of the stream up to and including it.
   *
   * @return the version
   */
  public long version() {
    return version;
  }

  /**
   * The version of the bytes' format, so that a reader can tell a format it does not read.
   *
   * @return the format version
   */
  public int formatVersion() {
    return formatVersion;
  }

  /**
   * What the rule set the snapshot was taken under is known by.
   *
   * @return the fingerprint
   */
  public String ruleSetFingerprint() {
    return ruleSetFingerprint;
  }

  /**
   * The bytes, read-only and without copying.
   *
   * @return a read-only view from the first byte to the last
   */
  public ByteBuffer bytes() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  /**
   * How many bytes the snapshot holds.
   *
   * @return the size
   */
  public int size() {
    return bytes.length;
  }

  /**
   * A copy of the bytes.
   *
   * @return a new array
   */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** Equal when every part and every byte is equal. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Snapshot)) {
      return false;
    }
    Snapshot that = (Snapshot) other;
    return stream.equals(that.stream) && version == that.version
        && formatVersion == that.formatVersion
        && ruleSetFingerprint.equals(that.ruleSetFingerprint)
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stream, version, formatVersion, ruleSetFingerprint,
        Arrays.hashCode(bytes));
  }

  /** The parts without the bytes, which are only counted. */
  @Override
  public String toString() {
    return "Snapshot{stream=" + stream + ", version=" + version + ", formatVersion="
        + formatVersion + ", ruleSetFingerprint=" + ruleSetFingerprint + ", " + bytes.length
        + " bytes}";
  }
}
