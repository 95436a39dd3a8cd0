package org.pcop.spi;

/**
 * {@link HostAdapters} could not settle on one host adapter. The message starts with a stable code
 * ({@link #getCode()}) and says what was found and how to fix it.
 */
public final class DiscoveryException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** No adapter was found. */
  public static final String NONE_FOUND = "PCOP-SPI-101";
  /** Several adapters were found and none was selected by name. */
  public static final String SEVERAL_FOUND = "PCOP-SPI-102";
  /** No adapter has the selected name. */
  public static final String NAME_NOT_FOUND = "PCOP-SPI-103";
  /** An adapter was registered but could not be loaded. */
  public static final String FAILED_TO_LOAD = "PCOP-SPI-104";

  /** The stable code of this kind of failure. */
  private final String code;

  DiscoveryException(String code, String message, Throwable cause) {
    super(code + " " + message, cause);
    this.code = code;
  }

  /**
   * The stable code of this kind of failure, one of the constants of this class.
   *
   * @return the code
   */
  public String getCode() {
    return code;
  }
}
