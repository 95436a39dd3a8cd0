package org.pcop.samples.cli;

/**
 * A command cannot do what was asked. The message is one line for a person, naming the file,
 * folder or value at fault; the command exits with {@link PcopCli#EXIT_FAILURE}.
 */
final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CommandFailure(String message) {
    super(message);
  }

  CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
