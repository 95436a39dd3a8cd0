package org.pcop.engine;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The engine snapshot's binary parts: little-endian numbers, length-prefixed UTF-8 texts and raw
 * primitive arrays in a growing buffer that ends with a CRC32C of what it holds, and a reader that
 * checks the checksum before anything is read and names what does not fit.
 */
final class SnapshotBytes {
  private SnapshotBytes() {}

  /** Why a snapshot cannot be used; the engine logs it and replays instead. */
  static final class Unusable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unusable(String message) {
      super(message, null, false, false);
    }

    Unusable(String message, Throwable cause) {
      super(message, cause, false, false);
    }
  }

  /** Writes the parts. */
  static final class Output {
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

    private void room(long bytes) {
      if (buffer.remaining() < bytes) {
        long wanted = Math.max((long) buffer.capacity() * 2, buffer.position() + bytes);
        if (wanted > Integer.MAX_VALUE - 16) {
          throw new IllegalStateException("an engine snapshot would exceed 2 GB");
        }
        ByteBuffer grown = ByteBuffer.allocate((int) wanted).order(ByteOrder.LITTLE_ENDIAN);
        buffer.flip();
        grown.put(buffer);
        buffer = grown;
      }
    }

    void putByte(int value) {
      room(1);
      buffer.put((byte) value);
    }

    void putInt(int value) {
      room(4);
      buffer.putInt(value);
    }

    void putLong(long value) {
      room(8);
      buffer.putLong(value);
    }

    void putInstant(Instant at) {
      putLong(at.getEpochSecond());
      putInt(at.getNano());
    }

    void putBytes(byte[] bytes) {
      putInt(bytes.length);
      room(bytes.length);
      buffer.put(bytes);
    }

    /** A text, or null (written as length -1). */
    void putString(String value) {
      if (value == null) {
        putInt(-1);
      } else {
        putBytes(value.getBytes(StandardCharsets.UTF_8));
      }
    }

    void putInts(int[] values, int count) {
      room(4L * count);
      buffer.asIntBuffer().put(values, 0, count);
      buffer.position(buffer.position() + 4 * count);
    }

    void putLongs(long[] values) {
      putInt(values.length);
      room(8L * values.length);
      buffer.asLongBuffer().put(values);
      buffer.position(buffer.position() + 8 * values.length);
    }

    /** The bytes written, followed by their CRC32C. */
    byte[] finish() {
      CRC32C crc = new CRC32C();
      crc.update(buffer.array(), 0, buffer.position());
      putInt((int) crc.getValue());
      return Arrays.copyOf(buffer.array(), buffer.position());
    }
  }

  /** Reads what {@link Output} wrote, after checking its checksum. */
  static final class Input {
    private final ByteBuffer buffer;

    /**
     * A reader of a whole snapshot.
     *
     * @throws Unusable if the bytes are too short or their checksum does not match
     */
    Input(ByteBuffer bytes) {
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
      this.buffer = all;
    }

    /** Fails unless every byte was read. */
    void end() {
      if (buffer.hasRemaining()) {
        throw new Unusable(buffer.remaining() + " bytes are left after its last part");
      }
    }

    int getInt() {
      return read(() -> buffer.getInt());
    }

    long getLong() {
      return read(() -> buffer.getLong());
    }

    boolean flag() {
      byte value = read(() -> buffer.get());
      if (value != 0 && value != 1) {
        throw new Unusable("a flag of " + value + " where 0 or 1 belongs");
      }
      return value == 1;
    }

    /** The ordinal of one of {@code size} constants, written as one byte. */
    int ordinal(int size, String what) {
      int value = read(() -> buffer.get()) & 0xff;
      if (value >= size) {
        throw new Unusable(what + " numbered " + value + ", where " + size + " are known");
      }
      return value;
    }

    /** A count or size, not negative and not more than the bytes left. */
    int count() {
      int count = getInt();
      if (count < 0 || count > buffer.remaining()) {
        throw new Unusable("a count of " + count + " where " + buffer.remaining()
            + " bytes are left");
      }
      return count;
    }

    byte[] bytes() {
      byte[] bytes = new byte[count()];
      buffer.get(bytes);
      return bytes;
    }

    String string() {
      int length = getInt();
      if (length == -1) {
        return null;
      }
      if (length < 0 || length > buffer.remaining()) {
        throw new Unusable("a text of " + length + " bytes where " + buffer.remaining()
            + " are left");
      }
      byte[] bytes = new byte[length];
      buffer.get(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A text that must be there. */
    String text(String what) {
      String value = string();
      if (value == null) {
        throw new Unusable(what + " is missing");
      }
      return value;
    }

    Instant instant() {
      return Instant.ofEpochSecond(getLong(), getInt());
    }

    int[] ints(int count) {
      if (4L * count > buffer.remaining()) {
        throw new Unusable(count + " numbers where " + buffer.remaining() + " bytes are left");
      }
      int[] values = new int[count];
      buffer.asIntBuffer().get(values);
      buffer.position(buffer.position() + 4 * count);
      return values;
    }

    long[] longs() {
      int count = getInt();
      if (count < 0 || 8L * count > buffer.remaining()) {
        throw new Unusable(count + " numbers where " + buffer.remaining() + " bytes are left");
      }
      long[] values = new long[count];
      buffer.asLongBuffer().get(values);
      buffer.position(buffer.position() + 8 * count);
      return values;
    }

    private <T> T read(java.util.function.Supplier<T> part) {
      try {
        return part.get();
      } catch (BufferUnderflowException e) {
        throw new Unusable("it ends before its last part", e);
      }
    }
  }
}
