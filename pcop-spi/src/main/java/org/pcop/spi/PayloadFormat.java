package org.pcop.spi;

/**
 * How an event's payload is encoded. A store keeps the payload exactly as given in either case; the
 * format only tells it (and people reading its tables) whether the bytes are also readable text.
 */
public enum PayloadFormat {
  /** UTF-8 JSON text; a store may keep it in a text or JSON column, byte-exact. */
  JSON,
  /** Arbitrary bytes. */
  BINARY
}
