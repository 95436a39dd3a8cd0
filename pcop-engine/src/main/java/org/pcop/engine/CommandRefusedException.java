package org.pcop.engine;

import java.util.List;

/**
 * A command that did not commit, with the reason and every problem found. Nothing was appended,
 * except possibly for {@link Reason#STORE_FAILURE}, where the store cannot tell: retrying with the
 * same request id then either commits once or acknowledges the earlier commit.
 */
public final class CommandRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a command was refused. */
  public enum Reason {
    /** The user is not mapped to a member, may not act as the member named, or the access policy
     * denies the action. */
    DENIED,
    /** A value is invalid; every violation is listed. */
    INVALID,
    /** The command does not fit the current state or breaks a rule; every unmet condition is
     * listed. */
    RULE,
    /** Another writer changed the log between each of the engine's decisions and its append,
     * every time the engine decided again; nothing was written, retry with the same request
     * id. */
    CONFLICT,
    /** The store, the audit sink or a host's case-fact detector failed; retry with the same
     * request id. */
    STORE_FAILURE
  }

  private final Reason reason;
  private final String command;
  private final List<String> problems;

  /**
   * Creates the exception.
   *
   * @param reason why
   * @param command the command's name, for example {@code exchange.approve}
   * @param problems every problem found, at least one
   * @param cause the underlying exception, or null
   */
  public CommandRefusedException(Reason reason, String command, List<String> problems,
      Throwable cause) {
    super(command + " refused (" + reason + "): " + String.join("; ", problems), cause);
    this.reason = reason;
    this.command = command;
    this.problems = List.copyOf(problems);
  }

  /**
   * Why the command was refused.
   *
   * @return the reason
   */
  public Reason getReason() {
    return reason;
  }

  /**
   * The command's name.
   *
   * @return the name
   */
  public String getCommand() {
    return command;
  }

  /**
   * Every problem found, each naming what and where.
   *
   * @return the problems, at least one
   */
  public List<String> getProblems() {
    return problems;
  }
}
