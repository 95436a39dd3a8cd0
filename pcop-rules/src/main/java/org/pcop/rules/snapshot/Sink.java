package org.pcop.rules.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * The stream a streaming {@link SnapshotBytes.Output} writes into, with the CRC32C of what it
 * was sent, which {@link #finish()} appends as {@link SnapshotBytes.Output#finish()} does.
 */
final class Sink {
  private final OutputStream out;
  private final CRC32C crc = new CRC32C();

  Sink(OutputStream out) {
    this.out = Objects.requireNonNull(out, "sink");
  }

  /** Sends the first {@code count} bytes of {@code bytes}. */
  void write(byte[] bytes, int count) {
    crc.update(bytes, 0, count);
    try {
      out.write(bytes, 0, count);
    } catch (IOException e) {
      throw new UncheckedIOException("a snapshot could not be written: " + e.getMessage(), e);
    }
  }

  /** Sends the checksum of everything sent, little-endian, and flushes. */
  void finish() {
    byte[] checksum = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
        .putInt((int) crc.getValue()).array();
    try {
      out.write(checksum);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("a snapshot could not be written: " + e.getMessage(), e);
    }
  }
}
