package org.pcop.engine;

import org.pcop.model.CommunityId;

/**
 * The engine's lock and whether it is closed: commands and queries run under the lock, and none
 * runs once the engine is closed.
 */
final class Lifecycle {
  private final CommunityId community;
  private boolean closed;

  Lifecycle(CommunityId community) {
    this.community = community;
  }

  /** The lock every command and query holds while it reads or changes the engine's state. */
  Object lock() {
    return this;
  }

  /**
   * Refuses once the engine is closed.
   *
   * @throws IllegalStateException naming what cannot run
   */
  void ensureOpen(String what) {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("Pcop engine of community " + community
            + " is closed, so " + what + " cannot run; build a new engine over the store");
      }
    }
  }

  /** Closes; returns false if it was closed already. */
  boolean close() {
    synchronized (this) {
      if (closed) {
        return false;
      }
      closed = true;
      return true;
    }
  }
}
