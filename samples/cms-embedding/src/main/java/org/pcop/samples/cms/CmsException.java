package org.pcop.samples.cms;

/** The case-management system's database failed; the message says during what. */
public final class CmsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the database's error
   */
  public CmsException(String message, Throwable cause) {
    super(message, cause);
  }
}
