package org.pcop.spi;

/**
 * Thrown by an {@link EventStore} when an append does not succeed. Subtypes say why: a
 * {@link VersionConflictException} or {@link EventIdConflictException} means the store refused the
 * batch and wrote nothing; a {@link StoreFailureException} means the store failed and the caller
 * does not know whether the batch was committed.
 */
public abstract class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened, naming the stream
   * @param cause the underlying failure, or null
   */
  protected StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
