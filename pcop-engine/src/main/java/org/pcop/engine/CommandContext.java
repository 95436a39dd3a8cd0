package org.pcop.engine;

import java.util.Optional;
import java.util.regex.Pattern;
import org.pcop.model.InvalidValueException;
import org.pcop.spi.HostUserId;

/**
 * Who issues a command and, optionally, the host's own request id for it. Retrying a command with
 * the same request id after a timeout or failure is safe: the engine derives the event ids from the
 * request id, so a command that was already committed is acknowledged and never duplicated.
 *
 * @param user the host user issuing the command
 * @param requestId the host's request id, 1 to 48 letters, digits, {@code . _ : -}; empty to let
 *     the engine make one up (such a command cannot be retried safely)
 */
public record CommandContext(HostUserId user, Optional<String> requestId) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,47}");

  /**
   * Creates the context.
   *
   * @throws InvalidValueException if the user is null or the request id is not of the shape
   */
  public CommandContext {
    InvalidValueException.check(user != null, "CommandContext", "user", "must not be null");
    InvalidValueException.check(requestId != null, "CommandContext", "requestId",
        "must not be null; use Optional.empty()");
    requestId.ifPresent(id -> InvalidValueException.check(SHAPE.matcher(id).matches(),
        "CommandContext", "requestId",
        "must be 1 to 48 letters, digits, '.', '_', ':' or '-'; got \"%s\"", id));
  }

  /**
   * A command by a user with the host's request id, safe to retry.
   *
   * @param user the host user
   * @param requestId the host's request id
   * @return the context
   */
  public static CommandContext of(HostUserId user, String requestId) {
    return new CommandContext(user, Optional.of(requestId));
  }

  /**
   * A command by a user without a request id.
   *
   * @param user the host user
   * @return the context
   */
  public static CommandContext of(HostUserId user) {
    return new CommandContext(user, Optional.empty());
  }
}
