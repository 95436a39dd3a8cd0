package org.pcop.spi;

/**
 * The stream was not at the version the writer expected, so the store refused the batch whole and
 * wrote nothing. Carries both versions so that the writer can reload and decide.
 */
public final class VersionConflictException extends StoreException {
  private static final long serialVersionUID = 1L;

  /** The stream appended to. */
  private final StreamId stream;
  /** What the writer expected. */
  private final ExpectedVersion expected;
  /** The stream's version when the store checked. */
  private final long actual;

  /**
   * Creates the exception.
   *
   * @param stream the stream appended to
   * @param expected what the writer expected
   * @param actual the stream's version when the store checked, 0 if it had no events
   */
  public VersionConflictException(StreamId stream, ExpectedVersion expected, long actual) {
    super("stream " + stream + ": expected " + expected + " but the stream is at "
        + (actual == 0 ? "no stream (version 0)" : "version " + actual)
        + "; nothing was written", null);
    this.stream = stream;
    this.expected = expected;
    this.actual = actual;
  }

  /**
   * The stream appended to.
   *
   * @return the stream
   */
  public StreamId getStream() {
    return stream;
  }

  /**
   * What the writer expected.
   *
   * @return the expectation
   */
  public ExpectedVersion getExpected() {
    return expected;
  }

  /**
   * The stream's version when the store checked; 0 if the stream had no events.
   *
   * @return the actual version
   */
  public long getActual() {
    return actual;
  }
}
