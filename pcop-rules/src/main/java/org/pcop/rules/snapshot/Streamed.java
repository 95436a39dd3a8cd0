package org.pcop.rules.snapshot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * The sink a streaming {@link SnapshotBytes.Output} writes into, with the CRC32C of what it was
 * sent, which {@link #finish()} appends as {@link SnapshotBytes.Output#finish()} does.
 */
final class Streamed {
  private final SnapshotBytes.Sink sink;
  private final CRC32C crc = new CRC32C();

  Streamed(SnapshotBytes.Sink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** Sends the first {@code count} bytes of {@code bytes}. */
  void write(byte[] bytes, int count) {
    crc.update(bytes, 0, count);
    sink.write(bytes, count);
  }

  /** Sends the checksum of everything sent, little-endian. */
  void finish() {
    byte[] checksum = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
        .putInt((int) crc.getValue()).array();
    sink.write(checksum, checksum.length);
  }
}
