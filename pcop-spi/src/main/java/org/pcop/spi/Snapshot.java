package org.pcop.spi;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.pcop.model.InvalidValueException;

/**
 * A snapshot of an engine's state as of a version of its stream, as a {@link SnapshotStore} keeps
 * it: the stream, the stream version the state covers (every event up to and including it), the
 * version of the snapshot's format, a fingerprint of the rule set it was taken under, and the
 * bytes. The bytes are opaque to the store, which keeps them exactly. Immutable: the bytes are
 * copied once when the snapshot is made with {@link #of} and handed out read-only.
 *
 * <p>A large snapshot can be made without ever being one array: an engine writes its state into
 * a {@link #writer()}, which keeps the bytes in pieces, and a store reads them with
 * {@link #openStream()}, so saving a snapshot of {@code n} bytes needs {@code n} bytes of memory
 * once, not several copies of them. {@link #bytes()} of a snapshot made in pieces joins them
 * into one buffer, a copy; a store that streams should read {@link #openStream()} instead.
 */
public final class Snapshot {
  /** The most characters a rule-set fingerprint may have. */
  public static final int MAX_FINGERPRINT_LENGTH = 128;

  private final StreamId stream;
  private final long version;
  private final int formatVersion;
  private final String ruleSetFingerprint;
  /** The bytes, in pieces in order, each one full but the last; one piece if made whole. */
  private final byte[][] pieces;
  private final int size;

  private Snapshot(StreamId stream, long version, int formatVersion, String ruleSetFingerprint,
      byte[][] pieces, int size) {
    this.stream = stream;
    this.version = version;
    this.formatVersion = formatVersion;
    this.ruleSetFingerprint = ruleSetFingerprint;
    this.pieces = pieces;
    this.size = size;
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
    checkParts(stream, version, formatVersion, ruleSetFingerprint);
    InvalidValueException.check(bytes != null, "Snapshot", "bytes", "must not be null");
    return new Snapshot(stream, version, formatVersion, ruleSetFingerprint,
        new byte[][] {bytes.clone()}, bytes.length);
  }

  /**
   * A writer of a snapshot's bytes in pieces, for a snapshot too large to be copied whole:
   * write the bytes, then {@link Writer#toSnapshot} makes the snapshot of them without copying
   * them again.
   *
   * @return an empty writer
   */
  public static Writer writer() {
    return new Writer();
  }

  private static void checkParts(StreamId stream, long version, int formatVersion,
      String ruleSetFingerprint) {
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
   * The bytes, read-only: without copying for a snapshot made with {@link #of}; joined into one
   * new buffer for one made in pieces with a {@link #writer()}.
   *
   * @return a read-only view from the first byte to the last
   */
  public ByteBuffer bytes() {
    byte[] whole = pieces.length == 1 ? pieces[0] : toByteArray();
    return ByteBuffer.wrap(whole).asReadOnlyBuffer();
  }

  /**
   * The bytes as a stream, read from the snapshot's pieces without copying them first. Each call
   * opens a new stream from the first byte.
   *
   * @return the stream; closing it releases nothing
   */
  public InputStream openStream() {
    return new PiecesInput(pieces, size);
  }

  /**
   * How many bytes the snapshot holds.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * A copy of the bytes.
   *
   * @return a new array
   */
  public byte[] toByteArray() {
    byte[] copy = new byte[size];
    int at = 0;
    for (byte[] piece : pieces) {
      int count = Math.min(piece.length, size - at);
      System.arraycopy(piece, 0, copy, at, count);
      at += count;
    }
    return copy;
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
        && ruleSetFingerprint.equals(that.ruleSetFingerprint) && size == that.size
        && sameBytes(that);
  }

  /** Whether the bytes are equal, whatever the pieces they are kept in. */
  private boolean sameBytes(Snapshot that) {
    if (pieces.length == 1 && that.pieces.length == 1) {
      return Arrays.equals(pieces[0], 0, size, that.pieces[0], 0, size);
    }
    InputStream mine = openStream();
    InputStream theirs = that.openStream();
    byte[] a = new byte[8192];
    byte[] b = new byte[8192];
    for (int left = size; left > 0; ) {
      int count = Math.min(left, a.length);
      ((PiecesInput) mine).readFully(a, count);
      ((PiecesInput) theirs).readFully(b, count);
      if (!Arrays.equals(a, 0, count, b, 0, count)) {
        return false;
      }
      left -= count;
    }
    return true;
  }

  /** The hash of the parts and of the bytes as one array would give it. */
  @Override
  public int hashCode() {
    int bytes = 1;
    int left = size;
    for (byte[] piece : pieces) {
      for (int i = 0; i < piece.length && left > 0; i++, left--) {
        bytes = 31 * bytes + piece[i];
      }
    }
    return Objects.hash(stream, version, formatVersion, ruleSetFingerprint, bytes);
  }

  /** The parts without the bytes, which are only counted. */
  @Override
  public String toString() {
    return "Snapshot{stream=" + stream + ", version=" + version + ", formatVersion="
        + formatVersion + ", ruleSetFingerprint=" + ruleSetFingerprint + ", " + size
        + " bytes}";
  }

  /**
   * Collects a snapshot's bytes in pieces (small ones first, then pieces of a mebibyte), so that
   * no byte is copied twice and no array of the whole snapshot is ever made; then
   * {@link #toSnapshot} makes the snapshot of them. Not thread-safe; used once.
   */
  public static final class Writer extends OutputStream {
    private static final int FIRST_PIECE = 1 << 12;
    private static final int LARGEST_PIECE = 1 << 20;

    private final List<byte[]> pieces = new ArrayList<>();
    private byte[] current = new byte[FIRST_PIECE];
    private int used;
    private long size;
    private boolean done;

    private Writer() {
      pieces.add(current);
    }

    private void room() {
      if (done) {
        throw new IllegalStateException("Snapshot.Writer: the snapshot was already made");
      }
      if (used == current.length) {
        current = new byte[Math.min(current.length * 2, LARGEST_PIECE)];
        pieces.add(current);
        used = 0;
      }
    }

    @Override
    public void write(int b) {
      room();
      current[used++] = (byte) b;
      size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      Objects.checkFromIndexSize(offset, length, bytes.length);
      while (length > 0) {
        room();
        int count = Math.min(length, current.length - used);
        System.arraycopy(bytes, offset, current, used, count);
        used += count;
        size += count;
        offset += count;
        length -= count;
      }
    }

    /**
     * How many bytes were written.
     *
     * @return the count
     */
    public long size() {
      return size;
    }

    /**
     * The snapshot of the bytes written, which it keeps in the writer's pieces: the writer takes
     * no more bytes after it.
     *
     * @param stream the stream whose state it holds
     * @param version the stream version it covers, 0 or more
     * @param formatVersion the version of the bytes' format, 1 or more
     * @param ruleSetFingerprint what the rule set it was taken under is known by, as for
     *     {@link Snapshot#of}
     * @return the snapshot
     * @throws InvalidValueException naming the part that is missing or out of range, or if more
     *     than {@link Integer#MAX_VALUE} bytes were written
     * @throws IllegalStateException if the snapshot was already made
     */
    public Snapshot toSnapshot(StreamId stream, long version, int formatVersion,
        String ruleSetFingerprint) {
      if (done) {
        throw new IllegalStateException("Snapshot.Writer: the snapshot was already made");
      }
      checkParts(stream, version, formatVersion, ruleSetFingerprint);
      InvalidValueException.check(size <= Integer.MAX_VALUE, "Snapshot", "bytes",
          "must be at most %d bytes, got %d", Integer.MAX_VALUE, size);
      done = true;
      byte[][] kept = pieces.toArray(new byte[0][]);
      pieces.clear();
      current = null;
      return new Snapshot(stream, version, formatVersion, ruleSetFingerprint, kept, (int) size);
    }
  }

  /** Reads the pieces in order, up to the snapshot's size. */
  private static final class PiecesInput extends InputStream {
    private final byte[][] pieces;
    private int left;
    private int piece;
    private int at;

    PiecesInput(byte[][] pieces, int size) {
      this.pieces = pieces;
      this.left = size;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      if (at == pieces[piece].length) {
        piece++;
        at = 0;
      }
      left--;
      return pieces[piece][at++] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      Objects.checkFromIndexSize(offset, length, into.length);
      if (length == 0) {
        return 0;
      }
      if (left == 0) {
        return -1;
      }
      if (at == pieces[piece].length) {
        piece++;
        at = 0;
      }
      int count = Math.min(Math.min(length, left), pieces[piece].length - at);
      System.arraycopy(pieces[piece], at, into, offset, count);
      at += count;
      left -= count;
      return count;
    }

    void readFully(byte[] into, int count) {
      for (int read = 0; read < count; ) {
        read += read(into, read, count - read);
      }
    }

    @Override
    public int available() {
      return left;
    }
  }
}
