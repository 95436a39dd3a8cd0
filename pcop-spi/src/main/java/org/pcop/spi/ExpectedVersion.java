package org.pcop.spi;

import org.pcop.model.InvalidValueException;

/**
 * What a writer believes about a stream when it appends: that the stream does not exist yet, that
 * its last event has exactly a given version, or nothing at all. Stream versions count from 1
 * (the first event of a stream has version 1); a stream without events has version 0.
 *
 * @param kind which expectation
 * @param version the exact version expected, for {@link Kind#EXACT}; 0 for the other kinds
 */
public record ExpectedVersion(Kind kind, long version) {
  /** The kinds of expectation. */
  public enum Kind {
    /** The stream must not exist (have no events) yet. */
    NO_STREAM,
    /** The stream's last event must have exactly the given version. */
    EXACT,
    /** Append whatever the stream holds; only for writers that cannot conflict. */
    ANY
  }

  /**
   * Creates the expectation.
   *
   * @throws InvalidValueException if {@code kind} is null, an exact version is below 1, or
   *     another kind carries a version
   */
  public ExpectedVersion {
    InvalidValueException.check(kind != null, "ExpectedVersion", "kind", "must not be null");
    if (kind == Kind.EXACT) {
      InvalidValueException.check(version >= 1, "ExpectedVersion", "version",
          "must be 1 or more for an exact expectation (a stream's first event has version 1;"
              + " use noStream() for a stream that must not exist); got %d", version);
    } else {
      InvalidValueException.check(version == 0, "ExpectedVersion", "version",
          "must be 0 for %s; got %d", kind, version);
    }
  }

  /**
   * The stream must not exist yet.
   *
   * @return the expectation
   */
  public static ExpectedVersion noStream() {
    return new ExpectedVersion(Kind.NO_STREAM, 0);
  }

  /**
   * The stream's last event must have exactly this version.
   *
   * @param version the version, 1 or more
   * @return the expectation
   * @throws InvalidValueException if {@code version} is below 1
   */
  public static ExpectedVersion exactly(long version) {
    return new ExpectedVersion(Kind.EXACT, version);
  }

  /**
   * No expectation: the events go after whatever the stream holds.
   *
   * @return the expectation
   */
  public static ExpectedVersion any() {
    return new ExpectedVersion(Kind.ANY, 0);
  }

  /**
   * Whether a stream whose last version is {@code actual} (0 for no stream) meets this
   * expectation.
   *
   * @param actual the stream's current version, 0 if it has no events
   * @return true if an append with this expectation may proceed
   */
  public boolean isMetBy(long actual) {
    switch (kind) {
      case NO_STREAM:
        return actual == 0;
      case EXACT:
        return actual == version;
      default:
        return true;
    }
  }

  @Override
  public String toString() {
    switch (kind) {
      case NO_STREAM:
        return "no stream";
      case EXACT:
        return "version " + version;
      default:
        return "any version";
    }
  }
}
