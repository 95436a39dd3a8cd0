package org.pcop.rules.snapshot;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * The binary parts snapshots are made of: little-endian numbers, length-prefixed UTF-8 texts and
 * raw primitive arrays, in a growing buffer or streamed into a {@link Sink}, that end with a
 * CRC32C of what they hold, and a reader that checks the checksum before anything is read, reads
 * straight from the buffer it is given, and names what does not fit. The rules' record snapshot
 * and the engine's snapshot around it are written and read with it. Exported to the engine only.
 */
public final class SnapshotBytes {
  private SnapshotBytes() {}

  /**
   * Takes a streaming output's bytes as they are written, for example into a snapshot store's
   * pieces. A sink that fails throws, and the output's writer sees the failure.
   */
  @FunctionalInterface
  public interface Sink {
    /**
     * Takes the next bytes.
     *
     * @param bytes holds them from its start; the array is reused after the call returns
     * @param count how many
     */
    void write(byte[] bytes, int count);
  }

  /** Why bytes cannot be read as a snapshot: damaged, cut short, or of another form. */
  public static final class Unusable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Says why.
     *
     * @param message why the snapshot cannot be used
     */
    public Unusable(String message) {
      super(message, null, false, false);
    }

    /**
     * Says why, with the failure that showed it.
     *
     * @param message why the snapshot cannot be used
     * @param cause the failure
     */
    public Unusable(String message, Throwable cause) {
      super(message, cause, false, false);
    }
  }

  /**
   * Writes the parts into a growing buffer, or through a buffer of 64 KB into a stream, so that
   * a large snapshot is never one array. Not thread-safe.
   */
  public static final class Output {
    private ByteBuffer buffer;
    /** Where the bytes go when they are streamed; null when they stay in the buffer. */
    private final Streamed sink;

    /** An empty output of 64 KB to start with. */
    public Output() {
      this(1 << 16);
    }

    /**
     * An output that streams the bytes into {@code sink}, 64 KB at a time; end it with
     * {@link #finishStream()}.
     *
     * @param sink where the bytes go
     */
    public Output(Sink sink) {
      this.sink = new Streamed(sink);
      buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * An empty output.
     *
     * @param capacity the bytes to start with
     */
    public Output(int capacity) {
      sink = null;
      buffer = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Sends what the buffer holds to the sink and empties the buffer. */
    private void drain() {
      sink.write(buffer.array(), buffer.position());
      buffer.clear();
    }

    /** The most numbers of {@code width} bytes that fit in a streaming buffer at once. */
    private int run(int width, int left) {
      return sink == null ? left : Math.min(left, buffer.capacity() / width);
    }

    private void room(long bytes) {
      if (sink != null && buffer.remaining() < bytes) {
        drain();
        if (bytes > buffer.capacity()) {
          throw new IllegalStateException("a part of " + bytes + " bytes is written at once");
        }
        return;
      }
      if (buffer.remaining() < bytes) {
        long wanted = Math.max((long) buffer.capacity() * 2, buffer.position() + bytes);
        if (wanted > Integer.MAX_VALUE - 16) {
          throw new IllegalStateException("a snapshot would exceed 2 GB");
        }
        ByteBuffer grown = ByteBuffer.allocate((int) wanted).order(ByteOrder.LITTLE_ENDIAN);
        buffer.flip();
        grown.put(buffer);
        buffer = grown;
      }
    }

    /**
     * Writes one byte.
     *
     * @param value the byte, in its low eight bits
     */
    public void putByte(int value) {
      room(1);
      buffer.put((byte) value);
    }

    /**
     * Writes an int.
     *
     * @param value the number
     */
    public void putInt(int value) {
      room(4);
      buffer.putInt(value);
    }

    /**
     * Writes a long.
     *
     * @param value the number
     */
    public void putLong(long value) {
      room(8);
      buffer.putLong(value);
    }

    /**
     * Writes an instant as its epoch second and nanosecond.
     *
     * @param at the instant
     */
    public void putInstant(Instant at) {
      putLong(at.getEpochSecond());
      putInt(at.getNano());
    }

    /**
     * Writes bytes after their count.
     *
     * @param bytes the bytes
     */
    public void putBytes(byte[] bytes) {
      putInt(bytes.length);
      if (sink != null && bytes.length > buffer.remaining()) {
        drain();
        if (bytes.length > buffer.capacity()) {
          sink.write(bytes, bytes.length);
          return;
        }
      }
      room(bytes.length);
      buffer.put(bytes);
    }

    /**
     * Writes a text, or null (as length -1).
     *
     * @param value the text, or null
     */
    public void putString(String value) {
      if (value == null) {
        putInt(-1);
      } else {
        putBytes(value.getBytes(StandardCharsets.UTF_8));
      }
    }

    /**
     * Writes a count and a text for each item.
     *
     * @param items the items
     * @param text an item's text
     * @param <T> the items' type
     */
    public <T> void putStrings(Collection<T> items, Function<T, String> text) {
      putInt(items.size());
      for (T item : items) {
        putString(text.apply(item));
      }
    }

    /**
     * Writes the first {@code count} numbers of an array, without a count.
     *
     * @param values the numbers
     * @param count how many
     */
    public void putInts(int[] values, int count) {
      int from = 0;
      do {
        int run = run(4, count - from);
        room(4L * run);
        buffer.asIntBuffer().put(values, from, run);
        buffer.position(buffer.position() + 4 * run);
        from += run;
      } while (from < count);
    }

    /**
     * Writes a count and the numbers.
     *
     * @param values the numbers
     */
    public void putLongs(long[] values) {
      putInt(values.length);
      for (int from = 0; from < values.length; ) {
        int run = run(8, values.length - from);
        room(8L * run);
        buffer.asLongBuffer().put(values, from, run);
        buffer.position(buffer.position() + 8 * run);
        from += run;
      }
    }

    /**
     * The bytes written, followed by their CRC32C.
     *
     * @return the bytes
     */
    public byte[] finish() {
      if (sink != null) {
        throw new IllegalStateException("a streaming output ends with finishStream()");
      }
      CRC32C crc = new CRC32C();
      crc.update(buffer.array(), 0, buffer.position());
      putInt((int) crc.getValue());
      return Arrays.copyOf(buffer.array(), buffer.position());
    }

    /**
     * Sends the bytes still buffered and then their CRC32C into the sink, which then holds what
     * {@link #finish()} would have returned. The sink is not closed.
     *
     * @throws IllegalStateException if this output does not stream
     */
    public void finishStream() {
      if (sink == null) {
        throw new IllegalStateException("an output without a sink ends with finish()");
      }
      drain();
      sink.finish();
    }
  }

  /**
   * Reads what {@link Output} wrote, straight from the buffer it is given; every failure is an
   * {@link Unusable} saying what does not fit. Not thread-safe.
   */
  public static final class Input {
    private final ByteBuffer buffer;
    private byte[] scratch = new byte[256];

    private Input(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    /**
     * A reader of bytes that end with the CRC32C {@link Output#finish()} wrote, after checking
     * it; reads what is before the checksum.
     *
     * @param bytes the bytes, from their position to their limit; not changed
     * @return the reader
     * @throws Unusable if the bytes are too short for a checksum or it does not match
     */
    public static Input checked(ByteBuffer bytes) {
      ByteBuffer all = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
      if (all.remaining() < 8) {
        throw new Unusable("it has " + all.remaining() + " bytes, fewer than a header and a"
            + " checksum");
      }
      int end = all.limit() - 4;
      CRC32C crc = new CRC32C();
      ByteBuffer body = all.duplicate();
      body.limit(end);
      crc.update(body);
      if ((int) crc.getValue() != all.getInt(end)) {
        throw new Unusable("its CRC32C checksum does not match its contents: it is damaged");
      }
      all.limit(end);
      return new Input(all.slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    /**
     * How many bytes are left to read.
     *
     * @return the count
     */
    public int remaining() {
      return buffer.remaining();
    }

    /**
     * Fails unless every byte was read.
     *
     * @throws Unusable if bytes are left
     */
    public void end() {
      if (buffer.hasRemaining()) {
        throw new Unusable(buffer.remaining() + " bytes are left after its last part");
      }
    }

    /**
     * Reads an int.
     *
     * @return the number
     */
    public int getInt() {
      try {
        return buffer.getInt();
      } catch (BufferUnderflowException e) {
        throw cutShort(e);
      }
    }

    /**
     * Reads a long.
     *
     * @return the number
     */
    public long getLong() {
      try {
        return buffer.getLong();
      } catch (BufferUnderflowException e) {
        throw cutShort(e);
      }
    }

    private byte getByte() {
      try {
        return buffer.get();
      } catch (BufferUnderflowException e) {
        throw cutShort(e);
      }
    }

    /**
     * Reads a flag written as one byte, 0 or 1.
     *
     * @return the flag
     */
    public boolean flag() {
      byte value = getByte();
      if (value != 0 && value != 1) {
        throw new Unusable("a flag of " + value + " where 0 or 1 belongs");
      }
      return value == 1;
    }

    /**
     * Reads the ordinal of one of {@code size} constants, written as one byte.
     *
     * @param size how many constants there are
     * @param what what the constants are, for the message
     * @return the ordinal
     */
    public int ordinal(int size, String what) {
      int value = getByte() & 0xff;
      if (value >= size) {
        throw new Unusable(what + " numbered " + value + ", where " + size + " are known");
      }
      return value;
    }

    /**
     * Reads a count or size, not negative and not more than the bytes left.
     *
     * @return the count
     */
    public int count() {
      int count = getInt();
      if (count < 0 || count > buffer.remaining()) {
        throw new Unusable("a count of " + count + " where " + buffer.remaining()
            + " bytes are left");
      }
      return count;
    }

    /**
     * Reads bytes written with their count, as a copy.
     *
     * @return the bytes
     */
    public byte[] bytes() {
      byte[] bytes = new byte[count()];
      buffer.get(bytes);
      return bytes;
    }

    /**
     * Reads a text, or null.
     *
     * @return the text, or null if null was written
     */
    public String string() {
      int length = getInt();
      if (length == -1) {
        return null;
      }
      if (length < 0 || length > buffer.remaining()) {
        throw new Unusable("a text of " + length + " bytes where " + buffer.remaining()
            + " are left");
      }
      if (buffer.hasArray()) {
        String value = new String(buffer.array(), buffer.arrayOffset() + buffer.position(),
            length, StandardCharsets.UTF_8);
        buffer.position(buffer.position() + length);
        return value;
      }
      if (scratch.length < length) {
        scratch = new byte[Math.max(length, scratch.length * 2)];
      }
      buffer.get(scratch, 0, length);
      return new String(scratch, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * Reads a text that must be there.
     *
     * @param what what the text is, for the message
     * @return the text
     */
    public String text(String what) {
      String value = string();
      if (value == null) {
        throw new Unusable(what + " is missing");
      }
      return value;
    }

    /**
     * Reads a count and as many texts, none of them null, each parsed.
     *
     * @param parse makes an item of a text
     * @param <T> the items' type
     * @return the items, in order
     */
    public <T> List<T> strings(Function<String, T> parse) {
      int count = count();
      List<T> items = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String value = string();
        if (value == null) {
          throw new Unusable("a missing id in a list of " + count);
        }
        items.add(parse.apply(value));
      }
      return items;
    }

    /**
     * Reads an instant.
     *
     * @return the instant
     */
    public Instant instant() {
      long seconds = getLong();
      int nanos = getInt();
      try {
        return Instant.ofEpochSecond(seconds, nanos);
      } catch (java.time.DateTimeException e) {
        throw new Unusable("an instant of " + seconds + " s and " + nanos + " ns", e);
      }
    }

    /**
     * Reads {@code count} numbers written without a count.
     *
     * @param count how many
     * @return the numbers
     */
    public int[] ints(int count) {
      if (count < 0 || 4L * count > buffer.remaining()) {
        throw new Unusable(count + " numbers where " + buffer.remaining() + " bytes are left");
      }
      int[] values = new int[count];
      buffer.asIntBuffer().get(values);
      buffer.position(buffer.position() + 4 * count);
      return values;
    }

    /**
     * Reads a count and the numbers.
     *
     * @return the numbers
     */
    public long[] longs() {
      int count = getInt();
      if (count < 0 || 8L * count > buffer.remaining()) {
        throw new Unusable(count + " numbers where " + buffer.remaining() + " bytes are left");
      }
      long[] values = new long[count];
      buffer.asLongBuffer().get(values);
      buffer.position(buffer.position() + 8 * count);
      return values;
    }

    private static Unusable cutShort(BufferUnderflowException e) {
      return new Unusable("it ends before its last part", e);
    }
  }
}
