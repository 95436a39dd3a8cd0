package org.pcop.samples.cli.simulation;

/**
 * The engine refused a command of the simulation: the plan asked for something the engine's
 * checks or rules do not allow, which is a fault of the plan or of the engine, never something to
 * pass over. The message names the step, the request id and every problem.
 */
public final class SimulationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused, where, and why
   * @param cause the engine's refusal, if any
   */
  public SimulationException(String message, Throwable cause) {
    super(message, cause);
  }
}
