package org.pcop.spi;

/**
 * The store failed (a lost connection, a timeout, a full disk). The batch was committed whole or not
 * at all, but the caller cannot tell which: it retries with the same event ids, and the store either
 * writes the batch or acknowledges the earlier commit.
 */
public final class StoreFailureException extends StoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the stream
   * @param cause the underlying failure, or null
   */
  public StoreFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
