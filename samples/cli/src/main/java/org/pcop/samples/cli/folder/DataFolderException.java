package org.pcop.samples.cli.folder;

/**
 * A data folder cannot be used as asked: it is missing, holds something else, or its database
 * or files cannot be read or written. The message is one line that names the folder and what is
 * wrong, fit to show a person as it is.
 */
public final class DataFolderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the folder
   */
  public DataFolderException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what is wrong, naming the folder
   * @param cause the underlying failure
   */
  public DataFolderException(String message, Throwable cause) {
    super(message, cause);
  }
}
